export interface WeldedMesh {
  /** The vertex of each corner: three per triangle, in the mesh's corner order. */
  corners: Int32Array;
  vertexCount: number;
}

const NEGATIVE_ZERO = -2147483648; // the bits of -0 read as an int32
/**
 * A table entry packs a vertex number (26 bits: 67 million vertices, beyond the triangle
 * limit's 60 million corners) under 5 bits of the vertex's hash, so the table is 4 bytes a slot
 * and most probes past other vertices never read their coordinates. The sign bit stays clear:
 * −1 marks an empty slot.
 */
const ID_BITS = 26;
const ID_MASK = (1 << ID_BITS) - 1;
const TAG_MASK = 0x7c000000;
/** 2^14 recent vertices × 16 bytes: 256 KB, which stays in the core's L2 cache. */
const RECENT_SLOTS = 1 << 14;

/**
 * Gives corners with the same coordinates the same vertex number. Coordinates match by their
 * exact float bits (−0 counted as +0), as admesh does. Nothing is allocated per vertex:
 *
 * - every vertex ever seen is in an open-addressing table (an Int32Array of vertex numbers
 *   tagged with hash bits, linear probing, doubled when 60% full); the vertices' three
 *   coordinate bit patterns are kept in order of first appearance in a second Int32Array;
 * - in front of it sits a small direct-mapped cache of recently seen vertices, coordinates and
 *   number side by side in one cache line. A vertex is shared by neighbouring triangles, and
 *   files list neighbours close together, so most corners are answered from the cache and the
 *   large table — one cache miss per probe — is mostly touched once per distinct vertex.
 *
 * Linear time and memory.
 */
export function weldVertices(positions: Float32Array): WeldedMesh {
  const bits = new Int32Array(positions.buffer, positions.byteOffset, positions.length);
  const cornerCount = Math.floor(positions.length / 3);
  const corners = new Int32Array(cornerCount);
  const recent = new Int32Array(RECENT_SLOTS * 4);
  const recentMask = RECENT_SLOTS - 1;
  // A closed mesh has about one vertex per six corners: start at a third full for those.
  let capacity = nextPowerOfTwo(Math.max(64, Math.ceil(cornerCount / 3)));
  let table = new Int32Array(capacity).fill(-1);
  let mask = capacity - 1;
  let growAt = Math.floor(capacity * 0.6);
  let keys = new Int32Array(Math.max(64, Math.ceil(cornerCount / 5)) * 3);
  let vertexCount = 0;
  for (let corner = 0, i = 0; corner < cornerCount; corner++, i += 3) {
    let x = bits[i]!,
      y = bits[i + 1]!,
      z = bits[i + 2]!;
    if (x === NEGATIVE_ZERO) x = 0;
    if (y === NEGATIVE_ZERO) y = 0;
    if (z === NEGATIVE_ZERO) z = 0;
    const h = hash(x, y, z);
    const cached = (h & recentMask) << 2;
    if (
      recent[cached + 3] !== 0 &&
      recent[cached] === x &&
      recent[cached + 1] === y &&
      recent[cached + 2] === z
    ) {
      corners[corner] = recent[cached + 3]! - 1;
      continue;
    }
    let slot = h & mask;
    const tag = h & TAG_MASK;
    let id: number;
    for (;;) {
      const entry = table[slot]!;
      if (entry === -1) {
        if (vertexCount === ID_MASK) throw new RangeError('More than 67 million distinct vertices');
        id = vertexCount++;
        table[slot] = tag | id;
        if (id * 3 + 3 > keys.length) keys = grow(keys);
        keys[id * 3] = x;
        keys[id * 3 + 1] = y;
        keys[id * 3 + 2] = z;
        break;
      }
      // The tag (high hash bits) spares a trip to the keys (a cache miss) for most other vertices.
      id = entry & ID_MASK;
      if (
        (entry & TAG_MASK) === tag &&
        keys[id * 3] === x &&
        keys[id * 3 + 1] === y &&
        keys[id * 3 + 2] === z
      ) {
        break;
      }
      slot = (slot + 1) & mask;
    }
    corners[corner] = id;
    recent[cached] = x;
    recent[cached + 1] = y;
    recent[cached + 2] = z;
    recent[cached + 3] = id + 1; // +1: 0 marks an empty cache line
    if (vertexCount === growAt) {
      capacity *= 2;
      mask = capacity - 1;
      growAt = Math.floor(capacity * 0.6);
      table = rehash(keys, vertexCount, capacity);
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

function rehash(keys: Int32Array, vertexCount: number, capacity: number): Int32Array<ArrayBuffer> {
  const table = new Int32Array(capacity).fill(-1);
  const mask = capacity - 1;
  for (let id = 0; id < vertexCount; id++) {
    const h = hash(keys[id * 3]!, keys[id * 3 + 1]!, keys[id * 3 + 2]!);
    let slot = h & mask;
    while (table[slot] !== -1) slot = (slot + 1) & mask;
    table[slot] = (h & TAG_MASK) | id;
  }
  return table;
}

function grow(keys: Int32Array): Int32Array<ArrayBuffer> {
  const bigger = new Int32Array(keys.length * 2);
  bigger.set(keys);
  return bigger;
}

function nextPowerOfTwo(n: number): number {
  let p = 1;
  while (p < n) p *= 2;
  return p;
}
