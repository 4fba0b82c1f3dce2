import { isMeshError, measurementsOf, parseMesh } from '@makrx/mesh';
import type { ViewableModel } from './viewable-model-answer';

export { isViewableModel, type ViewableModel } from './viewable-model-answer';

/** At most this many triangles are drawn: beyond it a phone's GPU and memory give up. */
export const MAX_VIEWER_TRIANGLES = 5_000_000;

const unreadable = 'This file could not be read as a 3D model.';

/**
 * Parses a model file's bytes with @makrx/mesh and measures it: everything a preview needs and
 * nothing it does not (no watertightness or printability, which a file list does not show).
 */
export function viewableModelOf(bytes: Uint8Array, fileName: string): ViewableModel {
  try {
    const mesh = parseMesh(bytes, { fileName, maxTriangles: MAX_VIEWER_TRIANGLES });
    if (mesh.triangleCount === 0) return { type: 'failed', message: 'This file has no triangles.' };
    const { dimensions } = measurementsOf(mesh);
    return {
      type: 'parsed',
      positions: ownBuffer(mesh.positions),
      triangleCount: mesh.triangleCount,
      dimensions: [...dimensions],
    };
  } catch (error) {
    return { type: 'failed', message: isMeshError(error) ? error.message : unreadable };
  }
}

/** The buffers an answer hands over to the page instead of copying them. */
export function transferablesOf(model: ViewableModel): ArrayBuffer[] {
  return model.type === 'parsed' && model.positions.buffer instanceof ArrayBuffer
    ? [model.positions.buffer]
    : [];
}

/** A typed array over a buffer of its own, so transferring it moves nothing else. */
function ownBuffer(positions: Float32Array): Float32Array {
  const whole = positions.byteOffset === 0 && positions.byteLength === positions.buffer.byteLength;
  return whole && positions.buffer instanceof ArrayBuffer ? positions : positions.slice();
}
