export { MeshError, isMeshError, type MeshErrorCode } from './errors';
export { DEFAULT_MAX_TRIANGLES, type Mesh, type MeshFormat, type ParseOptions } from './mesh';
export { parseMesh } from './parse';
export { parseBinaryStl } from './stl-binary';
export { parseAsciiStl } from './stl-ascii';
export { parseObj } from './obj';
export { parse3mf } from './threemf';
export {
  analyseMesh,
  analyseSolid,
  type AnalyseOptions,
  type MeshAnalysis,
  type SolidReport,
} from './analyse';
export {
  measureMesh,
  measurementsOf,
  type BoundingBox,
  type Measurements,
  type Vector3,
} from './measure';
export { weldVertices, type WeldedMesh } from './weld';
export { countEdges, countShells, type EdgeReport } from './topology';
export {
  findOverhangs,
  findThinWalls,
  type OverhangReport,
  type ThinWallReport,
} from './printability';
export {
  fitBuildVolumes,
  guessUnits,
  INCH_GUESS_BELOW,
  type BuildVolume,
  type FitResult,
  type FitVerdict,
  type UnitsGuess,
} from './fit';
