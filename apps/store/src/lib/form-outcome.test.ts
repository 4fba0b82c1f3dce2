import { describe, expect, it } from 'vitest';
import { bindField, refusedForm, unsentForm, type RefusalFields } from './form-outcome';

type Field = 'name' | 'price';
const fields: RefusalFields<Field> = {
  fieldOf: (path) => (({ name: 'name', priceCents: 'price' }) as const)[path as 'name'],
  codes: { SLUG_TAKEN: 'name' },
  advice: { price: 'Enter a price like 24.99.' },
};
const typed = { name: 'Calipers', price: 'nine' };

describe('a form the service refused', () => {
  it('keeps what was typed and says beside each field what was wrong with it', () => {
    const refusal = {
      code: 'VALIDATION_FAILED' as const,
      message: 'Invalid body: check priceCents.',
      details: [
        { location: 'body', field: 'priceCents', message: 'expected number' },
        { location: 'body', field: 'somethingElse', message: 'not shown on this form' },
      ],
    };
    expect(
      refusedForm<Field>(unsentForm, typed, refusal, fields, 'Not saved: check the fields.'),
    ).toEqual({
      attempt: 1,
      values: typed,
      errors: { price: 'Enter a price like 24.99.' },
      problem: 'Not saved: check the fields.',
    });
  });

  it('gives the service’s own words when no field explains the refusal', () => {
    const refusal = {
      code: 'FORBIDDEN' as const,
      message: 'Only store admins.',
      details: undefined,
    };
    expect(refusedForm<Field>(unsentForm, typed, refusal, fields, 'Not saved')).toMatchObject({
      errors: {},
      problem: 'Only store admins.',
    });
  });

  it('starts its fields from what was typed, else from what is saved', () => {
    const refused = { attempt: 1, values: { price: 'nine' }, errors: { price: 'Enter a price.' } };
    const field = bindField<Field>('variant-A1', refused, { name: 'Saved', price: '9.00' });
    expect(field('price')).toEqual({
      id: 'variant-A1-price',
      name: 'price',
      defaultValue: 'nine',
      error: 'Enter a price.',
    });
    expect(field('name').defaultValue).toBe('Saved');
  });
});
