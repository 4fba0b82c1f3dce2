import { cube, toAsciiStl, toBinaryStl, torus } from '@makrx/mesh/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { createAnalysisPool } from './analysis-pool';

describe('the analysis pool', () => {
  const pool = createAnalysisPool({ threads: 2 });
  afterAll(() => pool.close());

  it('analyses a model in a worker thread and answers the analysis kept with the upload', async () => {
    const shape = torus(40, 10, 128, 64);
    const answer = await pool.analyse({
      bytes: toBinaryStl(shape),
      fileName: 'ring.stl',
      maxTriangles: 1_000_000,
    });
    expect(answer.ok).toBe(true);
    if (!answer.ok) return;
    expect(answer.format).toBe('stl-binary');
    expect(answer.analysis).toMatchObject({
      triangleCount: 128 * 64 * 2,
      watertight: true,
      boundaryEdges: 0,
      nonManifoldEdges: 0,
      inconsistentNormals: false,
      inverted: false,
      shells: 1,
      unitsGuess: 'mm',
    });
    expect(answer.analysis.volumeMm3 / shape.exact.volume).toBeCloseTo(1, 5);
    expect(answer.analysis.surfaceAreaMm2 / shape.exact.area).toBeCloseTo(1, 5);
    expect(answer.analysis.dimensionsMm.z).toBeCloseTo(20, 3);
    expect(answer.analysis.thinWallTriangles).toBe(0);
  });

  it('moves the bytes to the worker rather than copying them', async () => {
    const bytes = toBinaryStl(cube(20));
    await pool.analyse({ bytes, fileName: 'cube.stl', maxTriangles: 100 });
    expect(bytes.byteLength).toBe(0);
  });

  it('answers the parser’s code and sentence for a file it refuses', async () => {
    const answers = await Promise.all([
      pool.analyse({ bytes: toBinaryStl(cube(20)), fileName: 'cube.stl', maxTriangles: 10 }),
      pool.analyse({
        bytes: toAsciiStl(cube(20)).subarray(0, 200),
        fileName: 'cut.stl',
        maxTriangles: 100,
      }),
    ]);
    expect(answers).toEqual([
      {
        ok: false,
        code: 'TOO_MANY_TRIANGLES',
        message: expect.stringMatching(/12 triangles; at most 10/),
        details: { maxTriangles: 10 },
      },
      {
        ok: false,
        code: 'ASCII_STL_SYNTAX',
        message: expect.stringMatching(/^Line 12 of the ASCII STL file is not valid/),
      },
    ]);
  });
});
