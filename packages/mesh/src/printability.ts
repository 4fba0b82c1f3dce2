import type { BoundingBox } from './measure';

export interface OverhangReport {
  /** Faces pointing down more than this many degrees from vertical need support. */
  angleDegrees: number;
  /** mm² of faces needing support (faces lying on the bed excluded). */
  area: number;
  triangleCount: number;
  /** One byte per triangle, 1 where it overhangs: for colouring the preview. */
  flags: Uint8Array;
}

/**
 * Overhangs: faces whose outward normal points down, within `angleDegrees` of straight down
 * (the usual 45° rule), except faces lying on the bed (all corners within `bedTolerance` of the
 * lowest point), which the bed supports. Linear, one pass.
 */
export function findOverhangs(
  positions: Float32Array,
  boundingBox: BoundingBox,
  angleDegrees = 45,
  bedTolerance = 0.01,
): OverhangReport {
  const count = Math.floor(positions.length / 9);
  const flags = new Uint8Array(count);
  const limit = Math.cos((angleDegrees * Math.PI) / 180);
  const bed = boundingBox.min[2] + bedTolerance;
  let area2 = 0;
  let flagged = 0;
  for (let t = 0, i = 0; t < count; t++, i += 9) {
    const az = positions[i + 2]!,
      bz = positions[i + 5]!,
      cz = positions[i + 8]!;
    if (az <= bed && bz <= bed && cz <= bed) continue;
    const ux = positions[i + 3]! - positions[i]!,
      uy = positions[i + 4]! - positions[i + 1]!;
    const vx = positions[i + 6]! - positions[i]!,
      vy = positions[i + 7]! - positions[i + 1]!;
    const uz = bz - az,
      vz = cz - az;
    const nx = uy * vz - uz * vy,
      ny = uz * vx - ux * vz,
      nz = ux * vy - uy * vx;
    const length = Math.sqrt(nx * nx + ny * ny + nz * nz);
    if (length === 0 || nz >= -limit * length) continue;
    flags[t] = 1;
    flagged++;
    area2 += length;
  }
  return { angleDegrees, area: area2 / 2, triangleCount: flagged, flags };
}

export interface ThinWallReport {
  minThickness: number;
  /** Triangles examined: every triangle up to `samples`, else an even spread of that many. */
  sampledTriangles: number;
  /** Sampled triangles whose wall, measured straight inward, is thinner than `minThickness`. */
  flaggedTriangles: Uint32Array;
  /** One byte per triangle, 1 where flagged: for colouring the preview. */
  flags: Uint8Array;
  /** mm² of the flagged triangles. */
  thinArea: number;
  /** thinArea scaled up by the share of the surface that was sampled. */
  estimatedThinArea: number;
}

/**
 * Thin walls: from the centroid of each sampled triangle a ray goes inward (against the
 * normal); the first face it meets from the inside (facing away from the ray) within
 * `minThickness` means the wall there is too thin to print. Faces are bucketed once into a
 * uniform grid whose cells are at least `minThickness` wide, so each ray only tests the faces
 * of the at most eight cells around its short segment.
 */
export function findThinWalls(
  positions: Float32Array,
  boundingBox: BoundingBox,
  minThickness: number,
  samples = 20_000,
): ThinWallReport {
  const count = Math.floor(positions.length / 9);
  const grid = buildGrid(positions, boundingBox, minThickness);
  const flags = new Uint8Array(count);
  const flagged: number[] = [];
  const sampleCount = Math.min(count, samples);
  let thinArea2 = 0;
  let sampledArea2 = 0;
  let totalArea2 = 0;
  for (let t = 0; t < count; t++) totalArea2 += triangleNormal(positions, t, scratch);
  for (let s = 0; s < sampleCount; s++) {
    const t = Math.floor((s * count) / sampleCount);
    const twiceArea = triangleNormal(positions, t, scratch);
    if (twiceArea === 0) continue;
    sampledArea2 += twiceArea;
    const i = t * 9;
    const ox = (positions[i]! + positions[i + 3]! + positions[i + 6]!) / 3;
    const oy = (positions[i + 1]! + positions[i + 4]! + positions[i + 7]!) / 3;
    const oz = (positions[i + 2]! + positions[i + 5]! + positions[i + 8]!) / 3;
    const dx = -scratch[0]! / twiceArea,
      dy = -scratch[1]! / twiceArea,
      dz = -scratch[2]! / twiceArea;
    if (hitWithin(grid, positions, t, ox, oy, oz, dx, dy, dz, minThickness)) {
      flags[t] = 1;
      flagged.push(t);
      thinArea2 += twiceArea;
    }
  }
  return {
    minThickness,
    sampledTriangles: sampleCount,
    flaggedTriangles: Uint32Array.from(flagged),
    flags,
    thinArea: thinArea2 / 2,
    estimatedThinArea: sampledArea2 === 0 ? 0 : (thinArea2 / 2) * (totalArea2 / sampledArea2),
  };
}

const scratch = new Float64Array(3);

/** Writes the (unnormalised) normal into `out` and returns its length: twice the area. */
function triangleNormal(p: Float32Array, t: number, out: Float64Array): number {
  const i = t * 9;
  const ux = p[i + 3]! - p[i]!,
    uy = p[i + 4]! - p[i + 1]!,
    uz = p[i + 5]! - p[i + 2]!;
  const vx = p[i + 6]! - p[i]!,
    vy = p[i + 7]! - p[i + 1]!,
    vz = p[i + 8]! - p[i + 2]!;
  out[0] = uy * vz - uz * vy;
  out[1] = uz * vx - ux * vz;
  out[2] = ux * vy - uy * vx;
  return Math.sqrt(out[0] * out[0] + out[1] * out[1] + out[2] * out[2]);
}

interface Grid {
  min: [number, number, number];
  cell: number;
  size: [number, number, number];
  /** Cell c's triangles are items[start[c] .. start[c + 1]). */
  start: Int32Array;
  items: Int32Array;
}

const MAX_CELLS_PER_AXIS = 512;

function buildGrid(positions: Float32Array, box: BoundingBox, minThickness: number): Grid {
  const count = Math.floor(positions.length / 9);
  const extent = [0, 1, 2].map((a) => box.max[a]! - box.min[a]!);
  const diagonal = Math.hypot(...extent) || 1;
  const padded = extent.map((e) => Math.max(e, diagonal * 1e-3));
  // About one triangle per cell, never narrower than the distance a ray travels.
  let cell = Math.max(
    minThickness,
    Math.cbrt((padded[0]! * padded[1]! * padded[2]!) / Math.max(1, count)),
  );
  cell = Math.max(cell, Math.max(...padded) / MAX_CELLS_PER_AXIS);
  for (;;) {
    const grid = fillGrid(positions, box, cell);
    // Huge triangles over a fine grid could fill too many cells: coarsen until it stays linear.
    if (grid) return grid;
    cell *= 2;
  }
}

function fillGrid(positions: Float32Array, box: BoundingBox, cell: number): Grid | undefined {
  const count = Math.floor(positions.length / 9);
  const min: [number, number, number] = [
    box.min[0] - cell / 2,
    box.min[1] - cell / 2,
    box.min[2] - cell / 2,
  ];
  const size: [number, number, number] = [0, 1, 2].map(
    (a) => Math.floor((box.max[a]! - min[a]!) / cell) + 2,
  ) as [number, number, number];
  const budget = 16 * count + 1_000_000;
  const start = new Int32Array(size[0] * size[1] * size[2] + 1);
  let entries = 0;
  const range = new Int32Array(6);
  for (let t = 0; t < count; t++) {
    cellRange(positions, t, min, cell, range);
    const n =
      (range[3]! - range[0]! + 1) * (range[4]! - range[1]! + 1) * (range[5]! - range[2]! + 1);
    entries += n;
    if (entries > budget) return undefined;
    forCells(range, size, (c) => start[c]!++);
  }
  let sum = 0;
  for (let c = 0; c < start.length; c++) {
    const n = start[c]!;
    start[c] = sum;
    sum += n;
  }
  const items = new Int32Array(entries);
  const fill = start.slice();
  for (let t = 0; t < count; t++) {
    cellRange(positions, t, min, cell, range);
    forCells(range, size, (c) => (items[fill[c]!++] = t));
  }
  return { min, cell, size, start, items };
}

function cellRange(p: Float32Array, t: number, min: number[], cell: number, out: Int32Array): void {
  const i = t * 9;
  for (let a = 0; a < 3; a++) {
    const lo = Math.min(p[i + a]!, p[i + 3 + a]!, p[i + 6 + a]!);
    const hi = Math.max(p[i + a]!, p[i + 3 + a]!, p[i + 6 + a]!);
    out[a] = Math.floor((lo - min[a]!) / cell);
    out[3 + a] = Math.floor((hi - min[a]!) / cell);
  }
}

function forCells(range: Int32Array, size: number[], visit: (cell: number) => void): void {
  for (let z = Math.max(0, range[2]!); z <= Math.min(size[2]! - 1, range[5]!); z++) {
    for (let y = Math.max(0, range[1]!); y <= Math.min(size[1]! - 1, range[4]!); y++) {
      for (let x = Math.max(0, range[0]!); x <= Math.min(size[0]! - 1, range[3]!); x++) {
        visit((z * size[1]! + y) * size[0]! + x);
      }
    }
  }
}

/** Does the ray from (o) along unit (d) leave the solid through a face within `distance`? */
function hitWithin(
  grid: Grid,
  p: Float32Array,
  self: number,
  ox: number,
  oy: number,
  oz: number,
  dx: number,
  dy: number,
  dz: number,
  distance: number,
): boolean {
  const range = new Int32Array(6);
  const ex = ox + dx * distance,
    ey = oy + dy * distance,
    ez = oz + dz * distance;
  const ends = [ox, oy, oz, ex, ey, ez];
  for (let a = 0; a < 3; a++) {
    range[a] = Math.floor((Math.min(ends[a]!, ends[a + 3]!) - grid.min[a]!) / grid.cell);
    range[3 + a] = Math.floor((Math.max(ends[a]!, ends[a + 3]!) - grid.min[a]!) / grid.cell);
  }
  const epsilon = distance * 1e-4;
  let hit = false;
  forCells(range, grid.size, (c) => {
    for (let k = grid.start[c]!; !hit && k < grid.start[c + 1]!; k++) {
      const t = grid.items[k]!;
      if (t === self) continue;
      const along = intersect(p, t, ox, oy, oz, dx, dy, dz);
      if (along > epsilon && along < distance) hit = true;
    }
  });
  return hit;
}

/**
 * Möller–Trumbore: the distance along the ray to triangle t, or −1 when the ray misses it or
 * meets its front (a face seen from inside the solid is met from behind).
 */
function intersect(
  p: Float32Array,
  t: number,
  ox: number,
  oy: number,
  oz: number,
  dx: number,
  dy: number,
  dz: number,
): number {
  const i = t * 9;
  const ax = p[i]!,
    ay = p[i + 1]!,
    az = p[i + 2]!;
  const e1x = p[i + 3]! - ax,
    e1y = p[i + 4]! - ay,
    e1z = p[i + 5]! - az;
  const e2x = p[i + 6]! - ax,
    e2y = p[i + 7]! - ay,
    e2z = p[i + 8]! - az;
  // The face's normal e1 × e2 must point along the ray: the ray leaves through it.
  const nx = e1y * e2z - e1z * e2y,
    ny = e1z * e2x - e1x * e2z,
    nz = e1x * e2y - e1y * e2x;
  if (nx * dx + ny * dy + nz * dz <= 0) return -1;
  const px = dy * e2z - dz * e2y,
    py = dz * e2x - dx * e2z,
    pz = dx * e2y - dy * e2x;
  const det = e1x * px + e1y * py + e1z * pz;
  if (det === 0) return -1;
  const inv = 1 / det;
  const sx = ox - ax,
    sy = oy - ay,
    sz = oz - az;
  const u = (sx * px + sy * py + sz * pz) * inv;
  if (u < 0 || u > 1) return -1;
  const qx = sy * e1z - sz * e1y,
    qy = sz * e1x - sx * e1z,
    qz = sx * e1y - sy * e1x;
  const v = (dx * qx + dy * qy + dz * qz) * inv;
  if (v < 0 || u + v > 1) return -1;
  return (e2x * qx + e2y * qy + e2z * qz) * inv;
}
