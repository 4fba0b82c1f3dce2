import { MeshError } from './errors';
import { finishMeasuring, MEASURE_SLOTS, measureTriangle, startMeasuring } from './measure';
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
  return measureRecords(view, declared);
}

/**
 * One pass over the records: nine floats each, checked finite and measured (volume, area,
 * bounding box) straight from the bytes, with nothing allocated. The positions array (36 bytes
 * a triangle, 144 MB at 4M triangles, whose fresh pages cost as much as the measuring) is
 * copied out on first use only: a caller that needs only the measurements never pays for it.
 */
function measureRecords(view: DataView, count: number): Mesh {
  const sums = new Float64Array(MEASURE_SLOTS);
  startMeasuring(
    sums,
    view.getFloat32(96, true),
    view.getFloat32(100, true),
    view.getFloat32(104, true),
  );
  for (let t = 0, at = HEADER_BYTES + 12; t < count; t++, at += RECORD_BYTES) {
    const ax = view.getFloat32(at, true),
      ay = view.getFloat32(at + 4, true),
      az = view.getFloat32(at + 8, true);
    const bx = view.getFloat32(at + 12, true),
      by = view.getFloat32(at + 16, true),
      bz = view.getFloat32(at + 20, true);
    const cx = view.getFloat32(at + 24, true),
      cy = view.getFloat32(at + 28, true),
      cz = view.getFloat32(at + 32, true);
    // x − x is 0 for every finite x and NaN for NaN and ±Infinity: one test per triangle.
    const check =
      ax -
      ax +
      (ay - ay) +
      (az - az) +
      (bx - bx) +
      (by - by) +
      (bz - bz) +
      (cx - cx) +
      (cy - cy) +
      (cz - cz);
    if (check !== 0) throw nonFinite(t);
    measureTriangle(sums, ax, ay, az, bx, by, bz, cx, cy, cz);
  }
  let positions: Float32Array | undefined;
  return {
    format: 'stl-binary',
    get positions() {
      return (positions ??= copyCorners(view, count));
    },
    triangleCount: count,
    measurements: finishMeasuring(sums, count),
  };
}

/** The nine corner floats of each record, already checked finite, into one array. */
function copyCorners(view: DataView, count: number): Float32Array {
  const positions = new Float32Array(count * 9);
  for (let at = HEADER_BYTES + 12, out = 0; out < positions.length; at += RECORD_BYTES, out += 9) {
    for (let k = 0; k < 9; k++) positions[out + k] = view.getFloat32(at + k * 4, true);
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
