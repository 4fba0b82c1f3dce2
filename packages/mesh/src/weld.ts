export interface WeldedMesh {
  /** The vertex of each corner: three per triangle, in the mesh's corner order. */
  corners: Int32Array;
  vertexCount: number;
}

const EMPTY = 0;
const NEGATIVE_ZERO = -2147483648; // the bits of -0 read as an int32

/**
 * Gives corners with the same coordinates the same vertex number. Coordinates match by their
 * exact float bits (−0 counted as +0), as admesh does, through an open-addressing hash table
 * over typed arrays: each slot holds the three coordinate bit patterns and the vertex number
 * side by side, so a probe touches one cache line and nothing is allocated per vertex.
 * Linear time; the table doubles when half full.
 */
export function weldVertices(positions: Float32Array): WeldedMesh {
  const bits = new Int32Array(positions.buffer, positions.byteOffset, positions.length);
  const cornerCount = Math.floor(positions.length / 3);
  const corners = new Int32Array(cornerCount);
  // A closed mesh has about one vertex per six corners: start at a third full for those.
  let capacity = nextPowerOfTwo(Math.max(64, cornerCount >>> 1));
  let table = new Int32Array(capacity * 4);
  let mask = capacity - 1;
  let vertexCount = 0;
  let growAt = capacity >>> 1;
  for (let corner = 0, i = 0; corner < cornerCount; corner++, i += 3) {
    let x = bits[i]!,
      y = bits[i + 1]!,
      z = bits[i + 2]!;
    if (x === NEGATIVE_ZERO) x = 0;
    if (y === NEGATIVE_ZERO) y = 0;
    if (z === NEGATIVE_ZERO) z = 0;
    let slot = hash(x, y, z) & mask;
    for (;;) {
      const at = slot << 2;
      const id = table[at + 3]!;
      if (id === EMPTY) {
        table[at] = x;
        table[at + 1] = y;
        table[at + 2] = z;
        table[at + 3] = ++vertexCount; // stored +1: 0 marks an empty slot
        corners[corner] = vertexCount - 1;
        break;
      }
      if (table[at] === x && table[at + 1] === y && table[at + 2] === z) {
        corners[corner] = id - 1;
        break;
      }
      slot = (slot + 1) & mask;
    }
    if (vertexCount === growAt) {
      capacity *= 2;
      mask = capacity - 1;
      growAt = capacity >>> 1;
      table = rehash(table, capacity);
    }
  }
  return { corners, vertexCount };
}

function hash(x: number, y: number, z: number): number {
  let h = Math.imul(x, 0x9e3779b1) ^ Math.imul(y, 0x85ebca77) ^ Math.imul(z, 0xc2b2ae3d);
  h ^= h >>> 15;
  h = Math.imul(h, 0x2c1b3c6d);
  return h ^ (h >>> 13);
}

function rehash(old: Int32Array, capacity: number): Int32Array<ArrayBuffer> {
  const table = new Int32Array(capacity * 4);
  const mask = capacity - 1;
  for (let at = 0; at < old.length; at += 4) {
    if (old[at + 3] === EMPTY) continue;
    const x = old[at]!,
      y = old[at + 1]!,
      z = old[at + 2]!;
    let slot = hash(x, y, z) & mask;
    while (table[(slot << 2) + 3] !== EMPTY) slot = (slot + 1) & mask;
    table.set(old.subarray(at, at + 4), slot << 2);
  }
  return table;
}

function nextPowerOfTwo(n: number): number {
  let p = 1;
  while (p < n) p *= 2;
  return p;
}
