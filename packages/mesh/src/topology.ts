export interface EdgeReport {
  /** Distinct edges between two different vertices. */
  edges: number;
  /** Edges used by one face only: the rims of holes. */
  boundaryEdges: number;
  /** Edges used by more than two faces. */
  nonManifoldEdges: number;
  /** Edges whose two faces both run along them in the same direction: one face is flipped. */
  inconsistentEdges: number;
}

/**
 * Counts how each edge is used, in linear time without a hash: the edges are bucketed by their
 * lower vertex (a counting sort into one Int32Array), each entry holding the other vertex and the
 * direction the face runs along the edge; each bucket (about six entries on a closed mesh) is
 * then sorted in place and read in runs of the same edge. A watertight, consistently oriented
 * surface uses every edge exactly twice, once in each direction.
 */
export function countEdges(corners: Int32Array, vertexCount: number): EdgeReport {
  const start = new Int32Array(vertexCount + 1);
  const triangles = Math.floor(corners.length / 3);
  for (let i = 0; i < triangles * 3; i += 3) {
    const a = corners[i]!,
      b = corners[i + 1]!,
      c = corners[i + 2]!;
    if (a !== b) start[a < b ? a : b]!++;
    if (b !== c) start[b < c ? b : c]!++;
    if (c !== a) start[c < a ? c : a]!++;
  }
  let total = 0;
  for (let v = 0; v < vertexCount; v++) {
    const n = start[v]!;
    start[v] = total;
    total += n;
  }
  start[vertexCount] = total;
  // Entry: other vertex × 2, plus 1 when the face runs from the higher vertex to the lower.
  const entries = new Int32Array(total);
  const fill = start.slice(0, vertexCount);
  for (let i = 0; i < triangles * 3; i += 3) {
    const a = corners[i]!,
      b = corners[i + 1]!,
      c = corners[i + 2]!;
    if (a !== b) entries[a < b ? fill[a]!++ : fill[b]!++] = a < b ? b * 2 : a * 2 + 1;
    if (b !== c) entries[b < c ? fill[b]!++ : fill[c]!++] = b < c ? c * 2 : b * 2 + 1;
    if (c !== a) entries[c < a ? fill[c]!++ : fill[a]!++] = c < a ? a * 2 : c * 2 + 1;
  }
  const report: EdgeReport = {
    edges: 0,
    boundaryEdges: 0,
    nonManifoldEdges: 0,
    inconsistentEdges: 0,
  };
  for (let v = 0; v < vertexCount; v++) {
    const from = start[v]!,
      to = start[v + 1]!;
    sortRange(entries, from, to);
    let i = from;
    while (i < to) {
      const other = entries[i]! >> 1;
      let uses = 0;
      let backward = 0;
      while (i < to && entries[i]! >> 1 === other) {
        backward += entries[i]! & 1;
        uses++;
        i++;
      }
      report.edges++;
      if (uses === 1) report.boundaryEdges++;
      else if (uses > 2) report.nonManifoldEdges++;
      else if (backward !== 1) report.inconsistentEdges++;
    }
  }
  return report;
}

/** Insertion sort for the usual handful of entries; the engine's sort for a crowded vertex. */
function sortRange(entries: Int32Array, from: number, to: number): void {
  if (to - from > 24) {
    entries.subarray(from, to).sort();
    return;
  }
  for (let i = from + 1; i < to; i++) {
    const value = entries[i]!;
    let j = i - 1;
    while (j >= from && entries[j]! > value) {
      entries[j + 1] = entries[j]!;
      j--;
    }
    entries[j + 1] = value;
  }
}

/**
 * Separate shells: connected pieces of the surface, found by union-find over the welded
 * vertices (path halving, union by index), near-linear time in one Int32Array.
 */
export function countShells(corners: Int32Array, vertexCount: number): number {
  const parent = new Int32Array(vertexCount);
  for (let v = 0; v < vertexCount; v++) parent[v] = v;
  const find = (v: number): number => {
    while (parent[v] !== v) {
      const up = parent[parent[v]!]!;
      parent[v] = up;
      v = up;
    }
    return v;
  };
  for (let i = 0; i + 2 < corners.length; i += 3) {
    const a = find(corners[i]!);
    const b = find(corners[i + 1]!);
    if (a !== b) parent[a < b ? b : a] = a < b ? a : b;
    const root = a < b ? a : b;
    const c = find(corners[i + 2]!);
    if (c !== root) parent[c < root ? root : c] = c < root ? c : root;
  }
  let shells = 0;
  for (let v = 0; v < vertexCount; v++) if (parent[v] === v) shells++;
  return shells;
}
