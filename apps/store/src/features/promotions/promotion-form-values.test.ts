import { describe, expect, it } from 'vitest';
import { asLocalInput, promotionBodyFrom, valueAsTyped } from './promotion-form-values';

const formOf = (fields: Record<string, string | string[]>) => {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) {
    for (const one of [value].flat()) form.append(name, one);
  }
  return form;
};

describe('the discount code form', () => {
  it('reads a percentage, an empty minimum and no end, for the whole order', () => {
    expect(
      promotionBodyFrom(
        formOf({ code: ' spring10 ', kind: 'percent', value: '10', perBuyerLimit: '1' }),
      ),
    ).toEqual({
      code: 'spring10',
      kind: 'percent',
      value: 10,
      currency: 'USD',
      minSubtotalCents: 0,
      validFrom: undefined,
      validUntil: null,
      usageLimit: null,
      perBuyerLimit: 1,
      categorySlugs: [],
    });
  });

  it('reads a fixed amount and a minimum in cents, UTC times and categories', () => {
    const body = promotionBodyFrom(
      formOf({
        code: 'TOOLS5',
        kind: 'fixed',
        value: '5.50',
        currency: 'usd',
        minSubtotal: '25',
        validFrom: '2026-12-01T09:30',
        validUntil: '2026-12-31T23:59',
        usageLimit: '100',
        perBuyerLimit: '2',
        categorySlugs: ['tools', 'hardware'],
      }),
    );
    expect(body).toMatchObject({
      value: 550,
      currency: 'USD',
      minSubtotalCents: 2500,
      validFrom: '2026-12-01T09:30:00Z',
      validUntil: '2026-12-31T23:59:00Z',
      usageLimit: 100,
      perBuyerLimit: 2,
      categorySlugs: ['tools', 'hardware'],
    });
  });

  it('hands what cannot be read to the service to refuse by name, not as a guess', () => {
    const body = promotionBodyFrom(formOf({ code: 'X1', kind: 'fixed', value: 'five' }));
    expect(body.value).toBeNull();
    expect(promotionBodyFrom(formOf({ kind: 'percent', value: 'ten' })).value).toBeNaN();
  });

  it('shows a saved code as it was typed', () => {
    expect(valueAsTyped({ kind: 'fixed', value: 550 })).toBe('5.50');
    expect(valueAsTyped({ kind: 'percent', value: 10 })).toBe('10');
    expect(asLocalInput('2026-12-01T09:30:00.000Z')).toBe('2026-12-01T09:30');
    expect(asLocalInput(null)).toBe('');
  });
});
