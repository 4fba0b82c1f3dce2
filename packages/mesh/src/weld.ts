export interface WeldedMesh {
  /** The vertex of each corner: three per triangle, in the mesh's corner order. */
  corners: Int32Array;
  vertexCount: number;
}

const NEGATIVE_ZERO = -2147483648; // the bits of -0 read as an int32
/**
 * A table slot is four int32s side by side — the vertex's three coordinate bit patterns and its
 * number + 1 (0 marks an empty slot) — so a lookup costs one cache line, not a trip to an index
 * table and another to the coordinates. Files whose facets come in no spatial order (the usual
 * case after booleans or decimation) miss the recent-vertex cache on most corners, and there
 * that one cache line per corner is most of the welding time.
 */
const SLOT = 4;
/** Grown (doubled) at 70% full: four slots share a cache line, so short probe runs stay cheap. */
const MAX_LOAD = 0.7;
/** 2^14 recent vertices × 16 bytes: 256 KB, which stays in the core's L2 cache. */
const RECENT_SLOTS = 1 << 14;
/** Corners hashed, and their table slots read, ahead of their lookups (see `hashBlock`). */
const BLOCK = 32;
/** Past this many vertices the table would outgrow a typed array's 2^31 bytes. */
const MAX_VERTICES = Math.floor((1 << 27) * MAX_LOAD);

/**
 * Gives corners with the same coordinates the same vertex number. Coordinates match by their
 * exact float bits (−0 counted as +0), as admesh does. Nothing is allocated per vertex:
 *
 * - every vertex ever seen is in an open-addressing table (one Int32Array: coordinates and
 *   number in each 16-byte slot, linear probing over a power-of-two size, doubled when 70%
 *   full); a closed mesh takes about 16 bytes × ⅓ of its corners;
 * - in front of it sits a small direct-mapped cache of recently seen vertices, laid out the
 *   same way. A vertex is shared by neighbouring triangles, and most exporters list neighbours
 *   close together, so most corners are answered from the cache.
 * - where that cache keeps missing (facets in no spatial order), each block of 32 corners is
 *   hashed and its table slots read before any is looked up, so their cache misses overlap.
 *
 * Linear time and memory.
 */
export function weldVertices(positions: Float32Array): WeldedMesh {
  const bits = new Int32Array(positions.buffer, positions.byteOffset, positions.length);
  const cornerCount = Math.floor(positions.length / 3);
  const corners = new Int32Array(cornerCount);
  const recent = new Int32Array(RECENT_SLOTS * SLOT);
  const recentMask = RECENT_SLOTS - 1;
  // A closed mesh has about one vertex per six corners: start at about half full for those.
  let capacity = nextPowerOfTwo(Math.max(64, Math.ceil(cornerCount / 3)));
  let table = new Int32Array(capacity * SLOT);
  let wrap = capacity * SLOT - 1;
  let growAt = Math.floor(capacity * MAX_LOAD);
  let vertexCount = 0;
  const hashes = new Int32Array(BLOCK);
  let touched = 0;
  // Reading ahead pays only where the recent-vertex cache misses: decided block by block.
  let readAhead = true;
  let misses = 0;
  for (let corner = 0, i = 0; corner < cornerCount; corner++, i += 3) {
    const inBlock = corner & (BLOCK - 1);
    if (inBlock === 0) {
      readAhead = misses > BLOCK / 2 || corner === 0;
      misses = 0;
      if (readAhead) touched |= hashBlock(bits, i, cornerCount - corner, hashes, table, wrap);
    }
    let x = bits[i]!,
      y = bits[i + 1]!,
      z = bits[i + 2]!;
    if (x === NEGATIVE_ZERO) x = 0;
    if (y === NEGATIVE_ZERO) y = 0;
    if (z === NEGATIVE_ZERO) z = 0;
    const h = readAhead ? hashes[inBlock]! : hash(x, y, z);
    const cached = (h & recentMask) * SLOT;
    if (
      recent[cached + 3] !== 0 &&
      recent[cached] === x &&
      recent[cached + 1] === y &&
      recent[cached + 2] === z
    ) {
      corners[corner] = recent[cached + 3]! - 1;
      continue;
    }
    misses++;
    let slot = (h * SLOT) & wrap;
    let id: number;
    for (;;) {
      const stored = table[slot + 3]!;
      if (stored === 0) {
        id = vertexCount++;
        table[slot] = x;
        table[slot + 1] = y;
        table[slot + 2] = z;
        table[slot + 3] = id + 1;
        break;
      }
      if (table[slot] === x && table[slot + 1] === y && table[slot + 2] === z) {
        id = stored - 1;
        break;
      }
      slot = (slot + SLOT) & wrap;
    }
    corners[corner] = id;
    recent[cached] = x;
    recent[cached + 1] = y;
    recent[cached + 2] = z;
    recent[cached + 3] = id + 1;
    if (vertexCount === growAt) {
      if (vertexCount >= MAX_VERTICES)
        throw new RangeError('More than 94 million distinct vertices');
      capacity *= 2;
      wrap = capacity * SLOT - 1;
      growAt = Math.floor(capacity * MAX_LOAD);
      table = rehash(table, capacity);
    }
  }
  // Slots hold numbers + 1 ≥ 0; using what was read also keeps the reads from being dropped.
  if (touched < 0) throw new RangeError('The vertex table holds a negative vertex number');
  return { corners, vertexCount };
}

/**
 * Hashes the next block of corners and reads the table slot each lands in, all before any of
 * them is looked up. The reads depend on nothing but the corners, so the processor has a
 * dozen cache misses in flight at once instead of one after another: on a file whose facets
 * are in no spatial order nearly every lookup misses the cache, and this overlaps them.
 */
function hashBlock(
  bits: Int32Array,
  from: number,
  left: number,
  hashes: Int32Array,
  table: Int32Array,
  wrap: number,
): number {
  const count = left < BLOCK ? left : BLOCK;
  let touched = 0;
  for (let k = 0, i = from; k < count; k++, i += 3) {
    const x = bits[i]!,
      y = bits[i + 1]!,
      z = bits[i + 2]!;
    const h = hash(
      x === NEGATIVE_ZERO ? 0 : x,
      y === NEGATIVE_ZERO ? 0 : y,
      z === NEGATIVE_ZERO ? 0 : z,
    );
    hashes[k] = h;
    touched |= table[((h * SLOT) & wrap) + 3]!;
  }
  return touched;
}

function hash(x: number, y: number, z: number): number {
  let h = Math.imul(x, 0x9e3779b1) ^ Math.imul(y, 0x85ebca77) ^ Math.imul(z, 0xc2b2ae3d);
  h ^= h >>> 15;
  h = Math.imul(h, 0x2c1b3c6d);
  return h ^ (h >>> 13);
}

/** The same vertices in a table of `capacity` slots. */
function rehash(old: Int32Array, capacity: number): Int32Array<ArrayBuffer> {
  const table = new Int32Array(capacity * SLOT);
  const wrap = capacity * SLOT - 1;
  for (let from = 0; from < old.length; from += SLOT) {
    if (old[from + 3] === 0) continue;
    let slot = (hash(old[from]!, old[from + 1]!, old[from + 2]!) * SLOT) & wrap;
    while (table[slot + 3] !== 0) slot = (slot + SLOT) & wrap;
    table.set(old.subarray(from, from + SLOT), slot);
  }
  return table;
}

function nextPowerOfTwo(n: number): number {
  let p = 1;
  while (p < n) p *= 2;
  return p;
}
