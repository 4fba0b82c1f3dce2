import type { ModelAnalysis } from '@makrx/contracts';
import { analyseMesh, isMeshError, parseMesh, type MeshErrorCode } from '@makrx/mesh';
import type { StoredAnalysis } from './tables';

/** One finished upload for a worker thread: its whole bytes (transferred, not copied). */
export interface AnalysisTask {
  bytes: Uint8Array;
  fileName: string;
  maxTriangles: number;
}

export type AnalysisAnswer =
  | { ok: true; format: ModelAnalysis['format']; analysis: StoredAnalysis }
  | { ok: false; code: MeshErrorCode; message: string; details?: Record<string, unknown> };

/** Walls thinner than two 0.4 mm nozzle widths are flagged; the usual FDM minimum. */
const MIN_WALL_MM = 0.8;

/**
 * Parses and analyses one model (runs in a worker thread of the analysis pool; pure, so it is
 * tested directly too). A file the parser refuses answers its MeshError's code and sentence;
 * anything else thrown is a fault of ours and rejects the task.
 */
export function analyseModel({ bytes, fileName, maxTriangles }: AnalysisTask): AnalysisAnswer {
  const started = performance.now();
  let mesh;
  try {
    mesh = parseMesh(bytes, { fileName, maxTriangles });
  } catch (error) {
    if (!isMeshError(error)) throw error;
    return {
      ok: false,
      code: error.code,
      message: error.message,
      ...(error.code === 'TOO_MANY_TRIANGLES' && { details: { maxTriangles } }),
    };
  }
  const report = analyseMesh(mesh, { minWallThickness: MIN_WALL_MM });
  const [x, y, z] = report.dimensions;
  return {
    ok: true,
    format: mesh.format,
    analysis: {
      triangleCount: report.triangleCount,
      dimensionsMm: { x, y, z },
      volumeMm3: report.volume,
      surfaceAreaMm2: report.surfaceArea,
      watertight: report.watertight,
      boundaryEdges: report.edges.boundaryEdges,
      nonManifoldEdges: report.edges.nonManifoldEdges,
      inconsistentNormals: report.inconsistentNormals,
      inverted: report.inverted,
      degenerateTriangles: report.degenerateTriangles,
      shells: report.shells,
      unitsGuess: report.units.likely,
      overhangAreaMm2: report.overhangs.area,
      thinWallTriangles: report.thinWalls ? report.thinWalls.flaggedTriangles.length : null,
      analysedInMs: Math.round((performance.now() - started) * 10) / 10,
    },
  };
}
