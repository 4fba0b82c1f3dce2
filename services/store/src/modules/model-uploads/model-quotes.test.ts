import type { ModelAnalysis } from '@makrx/contracts';
import { describe, expect, it } from 'vitest';
import { modelQuotesFor, scaledAnalysis } from './model-quotes';
import type { StoredAnalysis } from './tables';
import { providersFixture } from './testing';

/** What the analysis reports for a 20 mm cube, as a file in mm states it. */
const cube20: StoredAnalysis = {
  triangleCount: 12,
  dimensionsMm: { x: 20, y: 20, z: 20 },
  volumeMm3: 8000,
  surfaceAreaMm2: 2400,
  watertight: true,
  boundaryEdges: 0,
  nonManifoldEdges: 0,
  inconsistentNormals: false,
  inverted: false,
  degenerateTriangles: 0,
  shells: 1,
  unitsGuess: 'mm',
  overhangAreaMm2: 400,
  thinWallTriangles: 0,
  analysedInMs: 0.4,
};
const now = new Date('2026-12-06T10:00:00Z');
const { providers } = providersFixture();
const quotesOf = (analysis: ModelAnalysis, quantity = 1) =>
  modelQuotesFor({ uploadId: crypto.randomUUID(), analysis, providers, quantity, now });

describe('an upload’s analysis at its unit scale', () => {
  it('is the stored analysis as uploaded at scale 1', () => {
    expect(scaledAnalysis('stl-binary', cube20, 1)).toEqual({
      ...cube20,
      format: 'stl-binary',
      unitScale: 1,
    });
  });

  it('multiplies lengths by 25.4, areas by 25.4² and the volume by 25.4³ for inches', () => {
    const inches = scaledAnalysis('obj', cube20, 25.4);
    expect(inches.dimensionsMm).toEqual({ x: 508, y: 508, z: 508 });
    expect(inches.surfaceAreaMm2).toBeCloseTo(6 * 508 * 508, 6);
    expect(inches.volumeMm3).toBeCloseTo(508 ** 3, 3);
    expect(inches.overhangAreaMm2).toBeCloseTo(508 * 508, 6);
    expect(inches).toMatchObject({ triangleCount: 12, shells: 1, unitScale: 25.4, format: 'obj' });
  });
});

describe('quotes for an analysed model on the providers’ offerings', () => {
  it('prices every known material, cheapest first, each with its provider and breakdown', () => {
    const result = quotesOf(scaledAnalysis('stl-binary', cube20, 1));
    expect(result.quantity).toBe(1);
    expect(result.unavailable).toEqual([]);
    // The offering in a material the quoting table does not know is left out.
    expect(result.quotes.map((q) => [q.provider.name, q.materialName, q.total])).toEqual([
      ['Austin Makerspace', 'PLA', 578],
      ['Austin Makerspace', 'Standard resin', 1116],
      ['Round Rock Fab', 'PETG', 1500],
    ]);
    const [pla, resin, petg] = result.quotes;
    expect(pla).toMatchObject({
      provider: {
        makerspaceId: '0b9c8f0e-3f5a-4c1e-9a57-6f1f2d3c4b5a',
        city: 'Austin',
        rating: { average: 4.8, count: 25 },
      },
      materialKey: 'pla',
      technology: 'FDM',
      quality: 'standard',
      machineName: 'Prusa MK4',
      currency: 'USD',
      unitPrice: 78,
      percentOff: 0,
      layerHeightMm: 0.2,
      infillPercent: 20,
      leadTimeDays: 3,
      quotedAt: '2026-12-06T10:00:00.000Z',
      validUntil: '2026-12-09T10:00:00.000Z',
    });
    // 8 cm³ at 20 % infill with walls: 4.13 g of PLA at $25/kg is 10 ¢; 14 min at $3/h 68 ¢.
    expect(pla!.gramsPerPart).toBeCloseTo(4.13, 2);
    expect(pla!.lines).toEqual([
      { label: 'Material', detail: '1 × 4.13 g of PLA, 20 % infill, at $25.00/kg', amount: 10 },
      { label: 'Machine time', detail: '1 × 14 min on 0.2 mm layers at $3.00/h', amount: 68 },
      { label: 'Setup', detail: 'once per order line', amount: 500 },
      { label: 'Total', detail: 'ready in 3 working days', amount: 578 },
    ]);
    expect(resin).toMatchObject({ technology: 'SLA', infillPercent: null, leadTimeDays: 5 });
    // Round Rock's PETG costs 81 ¢ to make: its $15 minimum charge tops it up.
    expect(petg!.lines.at(-2)).toEqual({
      label: 'Minimum charge',
      detail: 'an order line costs at least $15.00',
      amount: 1419,
    });
  });

  it('lists an offering whose printer is too small for the part, with why', () => {
    const big = { ...cube20, dimensionsMm: { x: 100, y: 100, z: 100 }, volumeMm3: 1e6 };
    const result = quotesOf(scaledAnalysis('stl-binary', { ...big, surfaceAreaMm2: 6e4 }, 1), 10);
    expect(result.quotes.map((q) => [q.materialKey, q.total, q.unitPrice, q.percentOff])).toEqual([
      ['pla', 31585, 3109, 10],
      ['resin-standard', 153680, 15318, 10],
    ]);
    expect(result.unavailable).toEqual([
      {
        offeringId: 'b0af6b5d-4e7c-4b9d-9fc0-3d4e5f607182',
        providerName: 'Round Rock Fab',
        message:
          'The part (100×100×100 mm) is too big for Mini printer (90×90×90 mm) in any orientation.',
      },
    ]);
  });

  it('quotes the part in inches at its rescaled size: 508 mm fits no printer here', () => {
    const result = quotesOf(scaledAnalysis('stl-binary', cube20, 25.4));
    expect(result.quotes).toEqual([]);
    expect(result.unavailable.map((u) => u.message)).toEqual([
      'The part (508×508×508 mm) is too big for Prusa MK4 (250×210×220 mm) in any orientation.',
      'The part (508×508×508 mm) is too big for Form 3 (145×145×185 mm) in any orientation.',
      'The part (508×508×508 mm) is too big for Mini printer (90×90×90 mm) in any orientation.',
    ]);
  });

  it('refuses a model that encloses no volume, with its own code', () => {
    const flat = { ...cube20, dimensionsMm: { x: 20, y: 20, z: 0 }, volumeMm3: 0 };
    expect(() => quotesOf(scaledAnalysis('stl-binary', flat, 1))).toThrow(
      expect.objectContaining({ status: 422, code: 'MODEL_HAS_NO_VOLUME' }),
    );
  });

  it('answers no quotes when no provider offers anything', () => {
    const result = modelQuotesFor({
      uploadId: crypto.randomUUID(),
      analysis: scaledAnalysis('stl-binary', cube20, 1),
      providers: [],
      quantity: 3,
      now,
    });
    expect(result).toMatchObject({ quantity: 3, quotes: [], unavailable: [] });
  });
});
