export type Vector3 = [number, number, number];

export interface BoundingBox {
  min: Vector3;
  max: Vector3;
}

export interface Measurements {
  boundingBox: BoundingBox;
  /** max − min per axis, mm. */
  dimensions: Vector3;
  /** Sum of signed tetrahedra: positive when the normals point outward. mm³. */
  signedVolume: number;
  /** mm². */
  surfaceArea: number;
  /** Triangles of zero area: repeated corners or all three on one line. */
  degenerateTriangles: number;
}

/**
 * Volume, area, bounding box and degenerate triangles in one pass over the corners, summed in
 * double precision. Each triangle adds the signed volume of the tetrahedron it spans with a
 * reference point (the first corner, not the origin, so that a part far from the origin does
 * not lose digits); for a closed surface the sum is the enclosed volume, negative when the
 * surface is inside out.
 */
export function measureMesh(positions: Float32Array): Measurements {
  const accumulated = new Float64Array(MEASURE_SLOTS);
  startMeasuring(accumulated, positions[0] ?? 0, positions[1] ?? 0, positions[2] ?? 0);
  const count = Math.floor(positions.length / 9);
  for (let i = 0; i < count * 9; i += 9) {
    measureTriangle(
      accumulated,
      positions[i]!,
      positions[i + 1]!,
      positions[i + 2]!,
      positions[i + 3]!,
      positions[i + 4]!,
      positions[i + 5]!,
      positions[i + 6]!,
      positions[i + 7]!,
      positions[i + 8]!,
    );
  }
  return finishMeasuring(accumulated, count);
}

/** The Mesh's own measurements when its parser took them on the way, else a pass over it. */
export function measurementsOf(mesh: {
  positions: Float32Array;
  measurements?: Measurements;
}): Measurements {
  return mesh.measurements ?? measureMesh(mesh.positions);
}

/*
 * The running sums live in one Float64Array so that a parser can measure each triangle as it
 * reads it (one pass over the file instead of two) with the very same arithmetic:
 * reference point, bounding box, 6 × volume, 2 × area, degenerate count.
 */
const OX = 0,
  OY = 1,
  OZ = 2,
  MIN_X = 3,
  MIN_Y = 4,
  MIN_Z = 5,
  MAX_X = 6,
  MAX_Y = 7,
  MAX_Z = 8;
const VOLUME6 = 9,
  AREA2 = 10,
  DEGENERATE = 11;
export const MEASURE_SLOTS = 12;

export function startMeasuring(sums: Float64Array, ox: number, oy: number, oz: number): void {
  sums.fill(0);
  sums[OX] = ox;
  sums[OY] = oy;
  sums[OZ] = oz;
  sums[MIN_X] = sums[MIN_Y] = sums[MIN_Z] = Infinity;
  sums[MAX_X] = sums[MAX_Y] = sums[MAX_Z] = -Infinity;
}

export function measureTriangle(
  sums: Float64Array,
  ax: number,
  ay: number,
  az: number,
  bx: number,
  by: number,
  bz: number,
  cx: number,
  cy: number,
  cz: number,
): void {
  sums[MIN_X] = Math.min(sums[MIN_X]!, ax, bx, cx);
  sums[MIN_Y] = Math.min(sums[MIN_Y]!, ay, by, cy);
  sums[MIN_Z] = Math.min(sums[MIN_Z]!, az, bz, cz);
  sums[MAX_X] = Math.max(sums[MAX_X]!, ax, bx, cx);
  sums[MAX_Y] = Math.max(sums[MAX_Y]!, ay, by, cy);
  sums[MAX_Z] = Math.max(sums[MAX_Z]!, az, bz, cz);
  // Edges from corner a; their cross product is twice the area along the normal.
  const ux = bx - ax,
    uy = by - ay,
    uz = bz - az;
  const vx = cx - ax,
    vy = cy - ay,
    vz = cz - az;
  const nx = uy * vz - uz * vy;
  const ny = uz * vx - ux * vz;
  const nz = ux * vy - uy * vx;
  const twiceArea = Math.sqrt(nx * nx + ny * ny + nz * nz);
  if (twiceArea === 0) sums[DEGENERATE]!++;
  sums[AREA2]! += twiceArea;
  // (a − o) · ((b − a) × (c − a)) = (a − o) · ((b − o) × (c − o)): 6 × the tetrahedron's volume.
  sums[VOLUME6]! += (ax - sums[OX]!) * nx + (ay - sums[OY]!) * ny + (az - sums[OZ]!) * nz;
}

export function finishMeasuring(sums: Float64Array, count: number): Measurements {
  if (count === 0) startMeasuring(sums, 0, 0, 0);
  const min: Vector3 = count ? [sums[MIN_X]!, sums[MIN_Y]!, sums[MIN_Z]!] : [0, 0, 0];
  const max: Vector3 = count ? [sums[MAX_X]!, sums[MAX_Y]!, sums[MAX_Z]!] : [0, 0, 0];
  return {
    boundingBox: { min, max },
    dimensions: [max[0] - min[0], max[1] - min[1], max[2] - min[2]],
    signedVolume: sums[VOLUME6]! / 6,
    surfaceArea: sums[AREA2]! / 2,
    degenerateTriangles: sums[DEGENERATE]!,
  };
}
