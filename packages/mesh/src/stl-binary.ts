import { MeshError } from './errors';
import { DEFAULT_MAX_TRIANGLES, type Mesh, type ParseOptions } from './mesh';

const HEADER_BYTES = 84;
const RECORD_BYTES = 50;

/**
 * Binary STL: an 80-byte header, a little-endian uint32 triangle count, then 50 bytes per
 * triangle (normal, three corners, a 2-byte attribute). The stored normal is ignored: corner
 * order decides orientation, as every slicer does. The file's length must be exactly
 * 84 + 50·count, which catches truncated uploads and files that are not STL at all.
 */
export function parseBinaryStl(bytes: Uint8Array, options: ParseOptions = {}): Mesh {
  if (bytes.length < HEADER_BYTES) {
    throw new MeshError(
      'TRUNCATED_STL',
      `The file is only ${bytes.length} bytes long: a binary STL starts with an 84-byte header, so this file is cut off or is not an STL file.`,
    );
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const declared = view.getUint32(80, true);
  const body = bytes.length - HEADER_BYTES;
  const held = Math.floor(body / RECORD_BYTES);
  if (body % RECORD_BYTES !== 0 && held < declared) {
    throw new MeshError(
      'TRUNCATED_STL',
      `The file is cut off: its header announces ${declared.toLocaleString('en-US')} triangles, but it ends in the middle of triangle ${held + 1}. Upload the complete file again.`,
      { triangle: held },
    );
  }
  if (held !== declared || body % RECORD_BYTES !== 0) {
    throw new MeshError(
      'TRIANGLE_COUNT_MISMATCH',
      `The STL header announces ${declared.toLocaleString('en-US')} triangles, but the file's size (${bytes.length.toLocaleString('en-US')} bytes) holds ${body % RECORD_BYTES === 0 ? held.toLocaleString('en-US') : `${(body / RECORD_BYTES).toFixed(2)}`}. The file is damaged or cut off; export it again.`,
    );
  }
  const maxTriangles = options.maxTriangles ?? DEFAULT_MAX_TRIANGLES;
  if (declared > maxTriangles) throw tooManyTriangles(declared, maxTriangles);
  if (declared === 0) {
    throw new MeshError(
      'NO_TRIANGLES',
      'The STL file holds no triangles: there is no model in it.',
    );
  }
  return { format: 'stl-binary', positions: readCorners(view, declared), triangleCount: declared };
}

/** One pass over the records: nine floats each, checked finite as they are copied. */
function readCorners(view: DataView, count: number): Float32Array {
  const positions = new Float32Array(count * 9);
  let out = 0;
  for (let t = 0, at = HEADER_BYTES + 12; t < count; t++, at += RECORD_BYTES) {
    let check = 0;
    for (let k = 0; k < 36; k += 4) {
      const value = view.getFloat32(at + k, true);
      positions[out++] = value;
      check += value - value;
    }
    // x - x is 0 for every finite x and NaN for NaN and ±Infinity: one test per triangle.
    if (check !== 0) throw nonFinite(t);
  }
  return positions;
}

function nonFinite(triangle: number): MeshError {
  return new MeshError(
    'NON_FINITE_COORDINATE',
    `Triangle ${triangle + 1} has a coordinate that is not a number (NaN or infinity). The exporting program wrote a broken triangle; repair the model or export it again.`,
    { triangle },
  );
}

export function tooManyTriangles(count: number, max: number): MeshError {
  return new MeshError(
    'TOO_MANY_TRIANGLES',
    `The model has ${count.toLocaleString('en-US')} triangles; at most ${max.toLocaleString('en-US')} are accepted. Decimate it (most slicers and mesh tools can) and upload it again.`,
  );
}
