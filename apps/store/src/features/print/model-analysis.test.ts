import { describe, expect, it } from 'vitest';
import type { ModelAnalysis } from '@makrx/contracts';
import { cube, toAsciiStl, toBinaryStl } from '@makrx/mesh/testing';
import { analyseModelBytes, transferListOf } from './analyse-bytes';
import {
  atScale,
  findingsOf,
  fromServerAnalysis,
  INCH,
  isWorkerAnswer,
  type WorkerAnswer,
} from './model-analysis';

const analysed = (answer: WorkerAnswer) => {
  if (answer.type !== 'analysed') throw new Error(`expected an analysis, got ${answer.message}`);
  return answer;
};

describe('the browser’s analysis worker protocol', () => {
  it('answers a 20 mm cube with its size, volume, area and a clean bill of health', () => {
    const answer = analysed(analyseModelBytes(toBinaryStl(cube(20)), 'cube.stl'));
    const { analysis } = answer;
    expect(analysis).toMatchObject({
      source: 'browser',
      format: 'stl-binary',
      triangleCount: 12,
      unitScale: 1,
      dimensions: [20, 20, 20],
      watertight: true,
      inconsistentNormals: false,
      inverted: false,
      shells: 1,
      degenerateTriangles: 0,
      unitsGuess: 'mm',
      thinWallTriangles: 0,
    });
    expect(analysis.volume).toBeCloseTo(8000, 6);
    expect(analysis.surfaceArea).toBeCloseTo(2400, 6);
    expect(analysis.fit.every((fit) => fit.fit === 'fits')).toBe(true);
    expect(answer.positions).toHaveLength(12 * 9);
    // The bottom faces down but rests on the bed: no support needed.
    expect([...answer.overhangFlags].filter(Boolean)).toHaveLength(0);
    expect(answer.thinWallFlags).toHaveLength(12);
    expect(findingsOf(analysis).map((f) => f.tone)).toEqual(['ok', 'ok']);
  });

  it('hands the triangles and flags over without copying, each buffer once', () => {
    const answer = analysed(analyseModelBytes(toBinaryStl(cube(20)), 'cube.stl'));
    const buffers = transferListOf(answer);
    expect(buffers).toContain(answer.positions.buffer);
    expect(buffers).toContain(answer.overhangFlags.buffer);
    expect(new Set(buffers).size).toBe(buffers.length);
    // The answer survives being posted with that transfer list, as the page receives it.
    const { port1, port2 } = new MessageChannel();
    const received = new Promise<unknown>((resolve) => {
      port2.onmessage = (event) => resolve(event.data);
    });
    port1.postMessage(answer, buffers);
    return received.then((data) => {
      port1.close();
      port2.close();
      expect(isWorkerAnswer(data)).toBe(true);
      expect(answer.positions.length).toBe(0); // moved, not copied
    });
  });

  it('answers a truncated STL with the mesh package’s own message', () => {
    const bytes = toBinaryStl(cube(20));
    const answer = analyseModelBytes(bytes.subarray(0, bytes.length - 20), 'cube.stl');
    expect(answer.type).toBe('failed');
    expect(answer).toMatchObject({ code: 'TRUNCATED_STL' });
    expect(isWorkerAnswer(answer)).toBe(true);
    expect(transferListOf(answer)).toEqual([]);
  });

  it('reads ASCII STL too, and guesses inches for a part a few units across', () => {
    const answer = analysed(analyseModelBytes(toAsciiStl(cube(2)), 'bracket.stl'));
    expect(answer.analysis.format).toBe('stl-ascii');
    expect(answer.analysis.unitsGuess).toBe('inch');
    const inches = atScale(answer.analysis, INCH);
    for (const d of inches.dimensions) expect(d).toBeCloseTo(50.8, 9);
    expect(inches.volume).toBeCloseTo(8 * INCH ** 3, 3);
    expect(inches.surfaceArea).toBeCloseTo(24 * INCH ** 2, 3);
    for (const d of atScale(inches, 1).dimensions) expect(d).toBeCloseTo(2, 9);
  });

  it('ignores messages that are not the worker’s answers', () => {
    expect(isWorkerAnswer(null)).toBe(false);
    expect(isWorkerAnswer({ type: 'analysed', analysis: {} })).toBe(false);
    expect(isWorkerAnswer({ type: 'failed', code: 1 })).toBe(false);
  });
});

describe('the store’s analysis on the page', () => {
  it('replaces the browser’s with the same facts', () => {
    const server: ModelAnalysis = {
      format: 'stl-binary',
      triangleCount: 12,
      unitScale: 1,
      dimensionsMm: { x: 400, y: 20, z: 20 },
      volumeMm3: 160_000,
      surfaceAreaMm2: 32_800,
      watertight: false,
      boundaryEdges: 3,
      nonManifoldEdges: 0,
      inconsistentNormals: true,
      inverted: false,
      degenerateTriangles: 0,
      shells: 2,
      unitsGuess: 'mm',
      overhangAreaMm2: 0,
      thinWallTriangles: null,
      analysedInMs: 4,
    };
    const view = fromServerAnalysis(server);
    expect(view.source).toBe('server');
    expect(view.dimensions).toEqual([400, 20, 20]);
    expect(view.fit.every((fit) => fit.fit === 'too-big')).toBe(true);
    const titles = findingsOf(view).map((f) => f.title);
    expect(titles).toEqual([
      'Not watertight',
      'Flipped normals',
      '2 separate shells',
      'Larger than common printers',
    ]);
  });
});
