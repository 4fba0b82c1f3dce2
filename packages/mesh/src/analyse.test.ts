import { describe, expect, it } from 'vitest';
import { analyseMesh, parseMesh, weldVertices, type Mesh } from './index';
import { combine, cube, toPositions, torus, uvSphere, type Shape } from './testing/generate';

function meshOf(shape: Shape | Float32Array): Mesh {
  const positions = shape instanceof Float32Array ? shape : toPositions(shape);
  return { format: 'stl-binary', positions, triangleCount: positions.length / 9 };
}

/** The same triangles in a seeded random order (corners kept in order within each). */
function shuffleTriangles(positions: Float32Array, seed: number): Float32Array {
  const count = positions.length / 9;
  const order = Array.from({ length: count }, (_, t) => t);
  let state = seed;
  for (let t = count - 1; t > 0; t--) {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    const pick = state % (t + 1);
    [order[t], order[pick]] = [order[pick]!, order[t]!];
  }
  const shuffled = new Float32Array(positions.length);
  order.forEach((from, to) => shuffled.set(positions.subarray(from * 9, from * 9 + 9), to * 9));
  return shuffled;
}

const relative = (actual: number, expected: number) => Math.abs(actual / expected - 1);

describe('volume and area', () => {
  it('measures a 20 mm cube exactly', () => {
    const analysis = analyseMesh(meshOf(cube(20, [5, -3, 0])));
    expect(analysis.volume).toBe(8000);
    expect(analysis.surfaceArea).toBe(2400);
    expect(analysis.boundingBox).toEqual({ min: [5, -3, 0], max: [25, 17, 20] });
    expect(analysis.dimensions).toEqual([20, 20, 20]);
    expect(analysis).toMatchObject({
      triangleCount: 12,
      vertexCount: 8,
      watertight: true,
      shells: 1,
    });
    expect(analysis).toMatchObject({
      inverted: false,
      inconsistentNormals: false,
      degenerateTriangles: 0,
    });
  });

  it.each([
    ['a coarse sphere', uvSphere(10, 24, 12)],
    ['a fine sphere', uvSphere(10, 256, 128)],
    ['a coarse torus', torus(30, 8, 24, 12)],
    ['a fine torus', torus(30, 8, 512, 256)],
  ])('measures %s as the polyhedron it is', (_name, shape) => {
    const analysis = analyseMesh(meshOf(shape));
    expect(relative(analysis.volume, shape.exact.volume)).toBeLessThan(1e-6);
    expect(relative(analysis.surfaceArea, shape.exact.area)).toBeLessThan(1e-6);
    expect(analysis.watertight).toBe(true);
    expect(analysis.inconsistentNormals).toBe(false);
  });

  it('matches the formulas of a sphere and a torus within 0.1% on fine meshes', () => {
    const sphere = analyseMesh(meshOf(uvSphere(10, 256, 128)));
    expect(relative(sphere.volume, (4 / 3) * Math.PI * 1000)).toBeLessThan(0.001);
    expect(relative(sphere.surfaceArea, 4 * Math.PI * 100)).toBeLessThan(0.001);
    const ring = analyseMesh(meshOf(torus(30, 8, 512, 256)));
    expect(relative(ring.volume, 2 * Math.PI ** 2 * 30 * 64)).toBeLessThan(0.001);
    expect(relative(ring.surfaceArea, 4 * Math.PI ** 2 * 30 * 8)).toBeLessThan(0.001);
  });

  it('reports an inside-out surface as inverted, with a positive volume', () => {
    const positions = toPositions(cube(20));
    for (let i = 0; i < positions.length; i += 9) {
      const b = positions.slice(i + 3, i + 6);
      positions.copyWithin(i + 3, i + 6, i + 9);
      positions.set(b, i + 6);
    }
    const analysis = analyseMesh(meshOf(positions));
    expect(analysis.volume).toBe(8000);
    expect(analysis.inverted).toBe(true);
    expect(analysis.inconsistentNormals).toBe(false);
  });
});

describe('topology', () => {
  it('finds the hole of an open box', () => {
    const box = cube(20);
    // The cube's triangles are bottom, bottom, top, top, then the sides: drop the top.
    const open = analyseMesh(
      meshOf({ ...box, triangles: box.triangles.filter((_, k) => k < 6 || k >= 12) }),
    );
    expect(open.watertight).toBe(false);
    expect(open.edges.boundaryEdges).toBe(4);
    expect(open.edges.nonManifoldEdges).toBe(0);
    expect(open.shells).toBe(1);
    // Half the bottom gone: two cube edges and the bottom's diagonal are open.
    const half = analyseMesh(meshOf({ ...box, triangles: box.triangles.slice(3) }));
    expect(half.edges.boundaryEdges).toBe(3);
  });

  it('reads a torus the same whatever order its facets come in', () => {
    const positions = toPositions(torus(40, 10, 60, 40));
    const ordered = analyseMesh(meshOf(positions));
    const shuffled = analyseMesh(meshOf(shuffleTriangles(positions, 7)));
    expect(shuffled.vertexCount).toBe(60 * 40);
    expect(shuffled.edges).toEqual(ordered.edges);
    expect(shuffled.edges.edges).toBe(3 * 60 * 40);
    expect(shuffled.watertight).toBe(true);
    expect(shuffled.shells).toBe(1);
    expect(relative(shuffled.volume, ordered.volume)).toBeLessThan(1e-12);
  });

  it('welds by exact coordinates, −0 as +0, beyond the first table size', () => {
    // 20 000 separate triangles: every corner a new vertex, so the table must grow.
    const soup = new Float32Array(20_000 * 9);
    for (let k = 0; k < soup.length; k++) soup[k] = k * 0.5;
    const welded = weldVertices(soup);
    expect(welded.vertexCount).toBe(60_000);
    expect(welded.corners[59_999]).toBe(59_999);
    const signed = weldVertices(new Float32Array([0, 0, 0, -0, 0, -0, 1, 0, 0, 1, 0, 0]));
    expect(Array.from(signed.corners)).toEqual([0, 0, 1, 1]);
    expect(signed.vertexCount).toBe(2);
  });

  it('counts two separate cubes as two shells', () => {
    const analysis = analyseMesh(meshOf(combine(cube(10), cube(10, [30, 0, 0]))));
    expect(analysis.shells).toBe(2);
    expect(analysis.watertight).toBe(true);
    expect(analysis.volume).toBe(2000);
  });

  it('counts cubes sharing an edge as one shell with non-manifold edges', () => {
    const analysis = analyseMesh(meshOf(combine(cube(10), cube(10, [10, 10, 0]))));
    expect(analysis.shells).toBe(1);
    expect(analysis.edges.nonManifoldEdges).toBe(1);
    expect(analysis.watertight).toBe(false);
  });

  it('finds a flipped face', () => {
    const positions = toPositions(cube(20));
    const b = positions.slice(3, 6);
    positions.copyWithin(3, 6, 9);
    positions.set(b, 6);
    const analysis = analyseMesh(meshOf(positions));
    expect(analysis.inconsistentNormals).toBe(true);
    expect(analysis.edges.inconsistentEdges).toBe(3);
    expect(analysis.watertight).toBe(true);
  });

  it('counts degenerate triangles', () => {
    const sliver = new Float32Array([0, 0, 0, 1, 1, 1, 2, 2, 2, 5, 5, 5, 5, 5, 5, 6, 0, 0]);
    const positions = new Float32Array([...toPositions(cube(20)), ...sliver]);
    expect(analyseMesh(meshOf(positions)).degenerateTriangles).toBe(2);
  });
});

describe('units and fit', () => {
  it('guesses inches for a part a few units long and offers the rescaled size', () => {
    const bytes = new TextEncoder().encode(
      [
        'v 0 0 0',
        'v 2 0 0',
        'v 0 1 0',
        'v 0 0 0.5',
        'f 1 3 2',
        'f 1 2 4',
        'f 1 4 3',
        'f 2 3 4',
      ].join('\n'),
    );
    const analysis = analyseMesh(parseMesh(bytes, { fileName: 'bracket.obj' }));
    expect(analysis.units).toEqual({
      likely: 'inch',
      scale: 25.4,
      scaledDimensions: [50.8, 25.4, 12.7],
    });
    expect(analyseMesh(meshOf(cube(20))).units.likely).toBe('mm');
  });

  it('checks each build volume: fits, fits turned, too big', () => {
    const analysis = analyseMesh(meshOf(combine(cube(10), cube(10, [0, 0, 190]))), {
      buildVolumes: [
        { name: 'Prusa MK4', x: 250, y: 210, z: 220 },
        { name: 'Mini', x: 250, y: 180, z: 180 },
        { name: 'Resin', x: 130, y: 80, z: 160 },
      ],
    });
    expect(analysis.fit.map((f) => [f.name, f.fit])).toEqual([
      ['Prusa MK4', 'fits'],
      ['Mini', 'fits-rotated'],
      ['Resin', 'too-big'],
    ]);
  });
});

describe('printability', () => {
  it('flags the overhang of a floating cube but not a cube on the bed', () => {
    const onBed = analyseMesh(meshOf(cube(20)));
    expect(onBed.overhangs.area).toBe(0);
    const bridge = analyseMesh(meshOf(combine(cube(20), cube(10, [30, 0, 5]))));
    expect(bridge.overhangs.area).toBe(100);
    expect(bridge.overhangs.triangleCount).toBe(2);
    expect([...bridge.overhangs.flags.subarray(12, 14)]).toEqual([1, 1]);
  });

  it('flags the lower half of a sphere steeper than 45°, not its top', () => {
    const sphere = analyseMesh(meshOf(uvSphere(10, 64, 32)));
    const flags = sphere.overhangs.flags;
    const top = toPositions(uvSphere(10, 64, 32));
    for (let t = 0; t < flags.length; t++) {
      const z = (top[t * 9 + 2]! + top[t * 9 + 5]! + top[t * 9 + 8]!) / 3;
      if (z > 0) expect(flags[t]).toBe(0);
      if (z < -8) expect(flags[t]).toBe(1);
    }
    // The cap below 45° is 2πr²(1 − cos 45°), less its bottom ring sitting on the bed.
    expect(relative(sphere.overhangs.area, 2 * Math.PI * 100 * (1 - Math.SQRT1_2))).toBeLessThan(
      0.03,
    );
  });

  it('flags a 0.5 mm plate as thinner than 0.8 mm, and nothing on a 20 mm cube', () => {
    const plate = analyseMesh(meshOf(combine(cube(20), plateShape())), { minWallThickness: 0.8 });
    const thin = plate.thinWalls!;
    expect(thin.sampledTriangles).toBe(24);
    // Its bottom and top (0.5 mm apart) are flagged; its sides, 10 mm from each other, are not.
    expect([...thin.flaggedTriangles]).toEqual([12, 13, 14, 15]);
    expect(thin.thinArea).toBeCloseTo(200, 6);
    const solid = analyseMesh(meshOf(cube(20)), { minWallThickness: 0.8 });
    expect(solid.thinWalls!.flaggedTriangles).toHaveLength(0);
  });
});

/** A 10 × 10 × 0.5 mm plate beside the cube (the cube's triangle order: bottom, top, y, y, x, x). */
function plateShape(): Shape {
  const plate = cube(1, [40, 0, 0]);
  const vertices = plate.vertices.slice();
  for (let v = 0; v < vertices.length; v += 3) {
    vertices[v] = 40 + (vertices[v]! - 40) * 10;
    vertices[v + 1] = vertices[v + 1]! * 10;
    vertices[v + 2] = vertices[v + 2]! * 0.5;
  }
  return { ...plate, vertices };
}
