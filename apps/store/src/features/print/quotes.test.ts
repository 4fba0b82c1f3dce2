import { describe, expect, it } from 'vitest';
import type { PrintQuote } from '@makrx/contracts';
import {
  breakdownOf,
  chosenQuote,
  isExpired,
  materialsOf,
  parseQuantity,
  printProjectOf,
  quoteSummaryHref,
  sortQuotes,
} from './quotes';

function quote(offeringId: string, total: number, leadTimeDays: number): PrintQuote {
  return {
    offeringId,
    provider: {
      makerspaceId: '00000000-0000-4000-8000-000000000001',
      name: 'Hub',
      city: 'Bengaluru',
      rating: { average: 4.5, count: 3 },
    },
    materialKey: 'pla',
    materialName: 'PLA',
    technology: 'FDM',
    quality: 'standard',
    machineName: 'Prusa MK4',
    currency: 'INR',
    quantity: 1,
    lines: [{ label: 'Material', detail: '10 g', amount: total }],
    total,
    unitPrice: total,
    percentOff: 0,
    gramsPerPart: 10,
    printHoursPerPart: 1,
    layerHeightMm: 0.2,
    infillPercent: 20,
    leadTimeDays,
    quotedAt: '2026-12-06T10:00:00Z',
    validUntil: '2026-12-07T10:00:00Z',
  };
}

describe('the quotes list', () => {
  const cheapSlow = quote('a', 10_000, 5);
  const dearFast = quote('b', 30_000, 1);
  const midFast = quote('c', 20_000, 1);

  it('sorts by price or by lead time, the other breaking ties', () => {
    expect(sortQuotes([dearFast, cheapSlow, midFast], 'price').map((q) => q.offeringId)).toEqual([
      'a',
      'c',
      'b',
    ]);
    expect(
      sortQuotes([cheapSlow, dearFast, midFast], 'lead-time').map((q) => q.offeringId),
    ).toEqual(['c', 'b', 'a']);
  });

  it('takes whole quantities from 1 to 1000 only', () => {
    expect(parseQuantity('3')).toBe(3);
    expect(parseQuantity(' 12 ')).toBe(12);
    for (const bad of ['0', '-1', '2.5', '1001', 'ten', '', null, undefined]) {
      expect(parseQuantity(bad)).toBeUndefined();
    }
  });

  it('keeps the chosen quote in the summary URL and finds it again', () => {
    const href = quoteSummaryHref('1c7d9a0e-8a5b-4c1e-9f3a-2b6d4e8f0a1c', 'b', 4);
    expect(href).toBe('/print/1c7d9a0e-8a5b-4c1e-9f3a-2b6d4e8f0a1c?offering=b&quantity=4');
    const query = new URL(href, 'http://store').searchParams;
    expect(chosenQuote([cheapSlow, dearFast], query.get('offering') ?? undefined)).toBe(dearFast);
    // A print for a MakrCave project keeps its project on the way to the summary.
    const project = '5b1f3c2a-9d4e-4f6a-8b7c-1d2e3f4a5b6c';
    const forProject = new URL(
      quoteSummaryHref('1c7d9a0e-8a5b-4c1e-9f3a-2b6d4e8f0a1c', 'b', 4, project),
      'http://store',
    );
    expect(printProjectOf(forProject.searchParams.get('project'))).toBe(project);
    expect(printProjectOf('not-a-project')).toBeUndefined();
    expect(printProjectOf(['5b1f3c2a-9d4e-4f6a-8b7c-1d2e3f4a5b6c'])).toBeUndefined();
    expect(chosenQuote([cheapSlow], 'gone')).toBeUndefined();
  });

  it('knows when a quote has expired', () => {
    expect(isExpired(cheapSlow, new Date('2026-12-07T09:59:59Z'))).toBe(false);
    expect(isExpired(cheapSlow, new Date('2026-12-07T10:00:00Z'))).toBe(true);
  });
});

describe('a quote’s breakdown', () => {
  it('takes the total from the quote’s own last line when it has one', () => {
    const lines = [
      { label: 'Material', detail: '4.2 g of PLA', amount: 1000 },
      { label: 'Minimum charge', detail: 'at least ₹300.00', amount: 29_000 },
      { label: 'Total', detail: 'ready in 2 working days', amount: 30_000 },
    ];
    expect(breakdownOf({ lines, total: 30_000 })).toEqual({
      items: lines.slice(0, 2),
      total: lines[2],
    });
  });

  it('adds the total row to lines that stop before it', () => {
    const lines = [{ label: 'Material', detail: '10 g', amount: 500 }];
    expect(breakdownOf({ lines, total: 500 })).toEqual({
      items: lines,
      total: { label: 'Total', detail: '', amount: 500 },
    });
  });
});

describe('the material filter', () => {
  it('lists each material once, in the order the quotes come, with its count', () => {
    const pla = quote('a', 100, 1);
    const petg = { ...quote('b', 200, 1), materialKey: 'petg', materialName: 'PETG' };
    const pla2 = quote('c', 300, 1);
    expect(materialsOf([pla, petg, pla2])).toEqual([
      { key: 'pla', name: 'PLA', count: 2 },
      { key: 'petg', name: 'PETG', count: 1 },
    ]);
  });
});
