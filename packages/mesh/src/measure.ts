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
  const count = Math.floor(positions.length / 9);
  const ox = positions[0] ?? 0;
  const oy = positions[1] ?? 0;
  const oz = positions[2] ?? 0;
  let minX = Infinity,
    minY = Infinity,
    minZ = Infinity;
  let maxX = -Infinity,
    maxY = -Infinity,
    maxZ = -Infinity;
  let volume6 = 0;
  let area2 = 0;
  let degenerate = 0;
  for (let t = 0, i = 0; t < count; t++, i += 9) {
    const ax = positions[i]!,
      ay = positions[i + 1]!,
      az = positions[i + 2]!;
    const bx = positions[i + 3]!,
      by = positions[i + 4]!,
      bz = positions[i + 5]!;
    const cx = positions[i + 6]!,
      cy = positions[i + 7]!,
      cz = positions[i + 8]!;
    if (ax < minX) minX = ax;
    if (ax > maxX) maxX = ax;
    if (bx < minX) minX = bx;
    if (bx > maxX) maxX = bx;
    if (cx < minX) minX = cx;
    if (cx > maxX) maxX = cx;
    if (ay < minY) minY = ay;
    if (ay > maxY) maxY = ay;
    if (by < minY) minY = by;
    if (by > maxY) maxY = by;
    if (cy < minY) minY = cy;
    if (cy > maxY) maxY = cy;
    if (az < minZ) minZ = az;
    if (az > maxZ) maxZ = az;
    if (bz < minZ) minZ = bz;
    if (bz > maxZ) maxZ = bz;
    if (cz < minZ) minZ = cz;
    if (cz > maxZ) maxZ = cz;
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
    if (twiceArea === 0) degenerate++;
    area2 += twiceArea;
    // (a − o) · ((b − a) × (c − a)) = (a − o) · ((b − o) × (c − o)): 6 × the tetrahedron's volume.
    volume6 += (ax - ox) * nx + (ay - oy) * ny + (az - oz) * nz;
  }
  if (count === 0) minX = minY = minZ = maxX = maxY = maxZ = 0;
  return {
    boundingBox: { min: [minX, minY, minZ], max: [maxX, maxY, maxZ] },
    dimensions: [maxX - minX, maxY - minY, maxZ - minZ],
    signedVolume: volume6 / 6,
    surfaceArea: area2 / 2,
    degenerateTriangles: degenerate,
  };
}
