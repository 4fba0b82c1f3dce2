import { describe, expect, it } from 'vitest';
import { materials } from './materials.js';
import { quote } from './quote.js';
import { quotesFor } from './quotes-for.js';
import { blockPart, form3, plaOffering, resinOffering } from './testing.js';

const now = new Date('2026-12-06T10:00:00Z');

describe('quotesFor', () => {
  const offerings = [
    plaOffering({ id: 'petg-fine', material: materials.petg, quality: 'fine', pricePerKg: 3000 }),
    plaOffering({ id: 'pla-draft', quality: 'draft' }),
    resinOffering({ id: 'resin-standard' }),
    plaOffering({ id: 'pla-standard' }),
  ];

  it('quotes every offering whose machine fits the part, cheapest first', () => {
    const part = blockPart(40, 30, 20);
    const { quotes, unavailable } = quotesFor(part, offerings, { quantity: 2, now });
    expect(unavailable).toEqual([]);
    expect(quotes.map((q) => q.offeringId)).toEqual([
      'pla-draft',
      'pla-standard',
      'petg-fine',
      'resin-standard',
    ]);
    const totals = quotes.map((q) => q.breakdown.total);
    expect(totals).toEqual([...totals].sort((a, b) => a - b));
    // The same numbers as quoting each one alone.
    expect(quotes[0]).toEqual(quote(part, offerings[1]!, { quantity: 2, now }));
  });

  it('leaves out an offering whose machine is too small, saying which and how big it is', () => {
    // 200 × 200 × 20 mm fits the Prusa MK4 (250 × 210 × 220), not the Form 3 (145 × 145 × 185).
    const { quotes, unavailable } = quotesFor(blockPart(200, 200, 20), offerings, {
      quantity: 1,
      now,
    });
    expect(quotes.map((q) => q.offeringId)).not.toContain('resin-standard');
    expect(quotes).toHaveLength(3);
    expect(unavailable).toEqual([
      {
        offeringId: 'resin-standard',
        reason: 'TOO_BIG_FOR_MACHINE',
        machine: form3,
        message:
          'The part (200×200×20 mm) is too big for Form 3 (145×145×185 mm) in any orientation.',
      },
    ]);
  });

  it('on equal totals, the shorter lead time first', () => {
    const slow = plaOffering({ id: 'slow', leadTimeDays: 7 });
    const fast = plaOffering({ id: 'fast', leadTimeDays: 2 });
    const { quotes } = quotesFor(blockPart(20, 20, 20), [slow, fast], { quantity: 1, now });
    expect(quotes.map((q) => q.offeringId)).toEqual(['fast', 'slow']);
  });

  it('has nothing to quote when no machine fits', () => {
    const { quotes, unavailable } = quotesFor(blockPart(400, 400, 400), offerings, {
      quantity: 1,
      now,
    });
    expect(quotes).toEqual([]);
    expect(unavailable.map((u) => u.offeringId)).toEqual([
      'petg-fine',
      'pla-draft',
      'resin-standard',
      'pla-standard',
    ]);
  });
});
