import { analyseMesh, isMeshError, parseMesh } from '@makrx/mesh';
import {
  analysisFailed,
  MIN_WALL_MM,
  typicalBuildVolumes,
  type WorkerAnswer,
} from './model-analysis';

/*
 * The worker's side of the protocol: the parser and the analysis run here only, so the page's
 * own bundle carries none of @makrx/mesh's parsing.
 */

/**
 * Parses and analyses a model's bytes as the worker does: the analysis, or the mesh package's
 * own message for a file it cannot read.
 */
export function analyseModelBytes(
  bytes: Uint8Array,
  fileName: string,
  now: () => number = () => performance.now(),
): WorkerAnswer {
  const started = now();
  try {
    const mesh = parseMesh(bytes, { fileName });
    const analysis = analyseMesh(mesh, {
      buildVolumes: typicalBuildVolumes,
      minWallThickness: MIN_WALL_MM,
    });
    const positions = ownBuffer(mesh.positions);
    return {
      type: 'analysed',
      analysis: {
        source: 'browser',
        format: mesh.format,
        triangleCount: analysis.triangleCount,
        unitScale: 1,
        dimensions: [...analysis.dimensions],
        volume: analysis.volume,
        surfaceArea: analysis.surfaceArea,
        watertight: analysis.watertight,
        boundaryEdges: analysis.edges.boundaryEdges,
        nonManifoldEdges: analysis.edges.nonManifoldEdges,
        inconsistentNormals: analysis.inconsistentNormals,
        inverted: analysis.inverted,
        degenerateTriangles: analysis.degenerateTriangles,
        shells: analysis.shells,
        unitsGuess: analysis.units.likely,
        overhangArea: analysis.overhangs.area,
        thinWallTriangles: analysis.thinWalls ? analysis.thinWalls.flaggedTriangles.length : null,
        fit: analysis.fit,
        analysedInMs: Math.max(0, now() - started),
      },
      positions,
      overhangFlags: analysis.overhangs.flags,
      thinWallFlags: analysis.thinWalls?.flags ?? null,
    };
  } catch (error) {
    if (isMeshError(error)) return { type: 'failed', code: error.code, message: error.message };
    return analysisFailed;
  }
}

/** A typed array over a buffer of its own, so transferring it moves nothing else. */
function ownBuffer(positions: Float32Array): Float32Array {
  const whole = positions.byteOffset === 0 && positions.byteLength === positions.buffer.byteLength;
  return whole && positions.buffer instanceof ArrayBuffer ? positions : positions.slice();
}

/** The buffers an answer hands over to the page instead of copying them. */
export function transferListOf(answer: WorkerAnswer): ArrayBuffer[] {
  if (answer.type !== 'analysed') return [];
  const arrays = [answer.positions, answer.overhangFlags, answer.thinWallFlags];
  const buffers = arrays.flatMap((array) =>
    array && array.buffer instanceof ArrayBuffer ? [array.buffer] : [],
  );
  return [...new Set(buffers)];
}
