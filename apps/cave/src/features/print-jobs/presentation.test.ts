import type { ModelAnalysis } from '@makrx/contracts';
import { describe, expect, it } from 'vitest';
import { analysisFacts, bytesText, durationText, nextStep, sizeText } from './presentation';

describe('print job presentation', () => {
  it('offers only the next step forward', () => {
    expect(nextStep('accepted')?.status).toBe('printing');
    expect(nextStep('quality_check')?.status).toBe('shipped');
    expect(nextStep('delivered')).toBeNull();
    expect(nextStep('offered')).toBeNull();
  });

  it('writes sizes, durations and file sizes for people', () => {
    expect(sizeText({ x: 40, y: 40.04, z: 30 })).toBe('40 × 40 × 30 mm');
    expect(durationText(90)).toBe('1 h 30 min');
    expect(durationText(45)).toBe('45 min');
    expect(durationText(120)).toBe('2 h');
    expect(bytesText(84_284)).toBe('82 KB');
    expect(bytesText(13_107_200)).toBe('12.5 MB');
  });

  it('writes a model’s analysis as a provider checks it, marking what needs care', () => {
    const analysis: ModelAnalysis = {
      format: 'stl-binary',
      triangleCount: 12_480,
      unitScale: 1,
      dimensionsMm: { x: 42, y: 40.04, z: 30 },
      volumeMm3: 20_150,
      surfaceAreaMm2: 8_420,
      watertight: true,
      boundaryEdges: 0,
      nonManifoldEdges: 0,
      inconsistentNormals: false,
      inverted: false,
      degenerateTriangles: 0,
      shells: 1,
      unitsGuess: 'mm',
      overhangAreaMm2: 310,
      thinWallTriangles: 0,
      analysedInMs: 12,
    };
    expect(analysisFacts(analysis)).toEqual([
      { label: 'Dimensions', value: '42 × 40 × 30 mm' },
      { label: 'Volume', value: '20.2 cm³' },
      { label: 'Surface', value: '84.2 cm²' },
      { label: 'Mesh', value: 'Watertight', warn: false },
      { label: 'Shells', value: '1 separate part', warn: false },
      { label: 'Overhang area', value: '3.1 cm²' },
      { label: 'Thin walls', value: 'None found', warn: false },
      { label: 'Triangles', value: '12,480' },
    ]);
    const broken = analysisFacts({
      ...analysis,
      unitScale: 25.4,
      watertight: false,
      boundaryEdges: 6,
      nonManifoldEdges: 1,
      shells: 3,
      thinWallTriangles: null,
    });
    expect(broken[0]!.value).toBe('42 × 40 × 30 mm (scaled from inches)');
    expect(broken[3]).toEqual({
      label: 'Mesh',
      value: 'Not watertight: holes (6 open edges), 1 non-manifold edge',
      warn: true,
    });
    expect(broken[4]).toEqual({ label: 'Shells', value: '3 separate parts', warn: true });
    expect(broken[6]).toEqual({
      label: 'Thin walls',
      value: 'Not checked (too many triangles)',
      warn: false,
    });
  });
});
