import {
  fitBuildVolumes,
  guessUnits,
  type BuildVolume,
  type FitResult,
  type UnitsGuess,
} from './fit';
import { measurementsOf, type BoundingBox, type Vector3 } from './measure';
import type { Mesh } from './mesh';
import {
  findOverhangs,
  findThinWalls,
  type OverhangReport,
  type ThinWallReport,
} from './printability';
import { countEdges, countShells, type EdgeReport } from './topology';
import { weldVertices } from './weld';

export interface AnalyseOptions {
  /** Machines to check the part against. */
  buildVolumes?: BuildVolume[];
  /** Overhang threshold from vertical, degrees (45 by default). */
  overhangAngleDegrees?: number;
  /** Walls thinner than this (mm) are flagged, e.g. 2 × the nozzle diameter; omitted: not checked. */
  minWallThickness?: number;
  /** At most this many triangles are ray-cast for thin walls (20 000 by default). */
  thinWallSamples?: number;
}

export interface MeshAnalysis {
  triangleCount: number;
  /** Distinct corner positions. */
  vertexCount: number;
  boundingBox: BoundingBox;
  dimensions: Vector3;
  /** Enclosed volume, mm³ (absolute value of the signed sum). */
  volume: number;
  /** True when the signed volume is negative: the normals point inward. */
  inverted: boolean;
  surfaceArea: number;
  /** Every edge used by exactly two faces. */
  watertight: boolean;
  edges: EdgeReport;
  /** Some edge is run in the same direction by both its faces. */
  inconsistentNormals: boolean;
  degenerateTriangles: number;
  shells: number;
  units: UnitsGuess;
  fit: FitResult[];
  overhangs: OverhangReport;
  thinWalls?: ThinWallReport;
}

/**
 * Everything the upload page, the preview and the quotes need to know about a model. All of
 * it runs in linear time and memory except the thin-wall check, whose ray count is bounded.
 */
export function analyseMesh(mesh: Mesh, options: AnalyseOptions = {}): MeshAnalysis {
  const measurements = measurementsOf(mesh);
  const solid = analyseSolid(mesh.positions);
  const { boundingBox, dimensions } = measurements;
  return {
    triangleCount: mesh.triangleCount,
    vertexCount: solid.vertexCount,
    boundingBox,
    dimensions,
    volume: Math.abs(measurements.signedVolume),
    inverted: measurements.signedVolume < 0,
    surfaceArea: measurements.surfaceArea,
    watertight: solid.watertight,
    edges: solid.edges,
    inconsistentNormals: solid.edges.inconsistentEdges > 0,
    degenerateTriangles: measurements.degenerateTriangles,
    shells: solid.shells,
    units: guessUnits(dimensions),
    fit: fitBuildVolumes(dimensions, options.buildVolumes ?? []),
    overhangs: findOverhangs(mesh.positions, boundingBox, options.overhangAngleDegrees),
    ...(options.minWallThickness !== undefined && {
      thinWalls: findThinWalls(
        mesh.positions,
        boundingBox,
        options.minWallThickness,
        options.thinWallSamples,
      ),
    }),
  };
}

export interface SolidReport {
  vertexCount: number;
  watertight: boolean;
  edges: EdgeReport;
  shells: number;
}

/** Welds the corners, then counts how edges are shared and how many shells there are. */
export function analyseSolid(positions: Float32Array): SolidReport {
  const { corners, vertexCount } = weldVertices(positions);
  const edges = countEdges(corners, vertexCount);
  return {
    vertexCount,
    watertight: edges.boundaryEdges === 0 && edges.nonManifoldEdges === 0,
    edges,
    shells: countShells(corners, vertexCount),
  };
}
