import { describe, expect, it } from 'vitest';
import { refusedFields } from '../../lib/form-outcome';
import { newProductBody, newProductRefusals } from './new-product';

describe('the new product form', () => {
  it('sends the product with its first variant, price in cents, specs and options as records', () => {
    expect(
      newProductBody({
        name: ' PLA Filament, Rose, 1 kg ',
        slug: 'PLA-Rose-1kg',
        brand: 'Prusament',
        categorySlug: 'filament',
        summary: 'Pink PLA',
        description: 'Prints at 215 °C.',
        specs: 'Diameter: 1.75 mm\n\nNozzle temperature: 205–225 °C',
        sku: 'fil-pla-rose-1000',
        price: '24.99',
        stock: '',
        options: 'colour=Rose; size=1 kg',
      }),
    ).toEqual({
      name: 'PLA Filament, Rose, 1 kg',
      slug: 'pla-rose-1kg',
      brand: 'Prusament',
      categorySlug: 'filament',
      summary: 'Pink PLA',
      description: 'Prints at 215 °C.',
      specs: { Diameter: '1.75 mm', 'Nozzle temperature': '205–225 °C' },
      variants: [
        {
          sku: 'FIL-PLA-ROSE-1000',
          priceCents: 2499,
          stock: 0,
          options: { colour: 'Rose', size: '1 kg' },
        },
      ],
    });
  });

  it('leaves a price, stock or spec it cannot read for the service to refuse', () => {
    const body = newProductBody({ price: 'nine', stock: '-3', specs: 'just words' });
    expect(body.variants).toMatchObject([{ priceCents: null, stock: null }]);
    expect(body.specs).toEqual({ '': 'just words' });
  });

  it('puts each refused field of a validation failure beside its own input', () => {
    const refusal = {
      code: 'VALIDATION_FAILED' as const,
      message: 'Invalid body: check slug, variants.0.priceCents.',
      details: [
        { location: 'body', field: 'slug', message: 'lowercase letters, digits and dashes' },
        { location: 'body', field: 'variants.0.priceCents', message: 'expected number' },
        { location: 'body', field: 'specs.', message: 'too small' },
      ],
    };
    expect(refusedFields(refusal, newProductRefusals)).toEqual({
      slug: 'Use lowercase letters, digits and dashes, like pla-filament-red-1kg.',
      price: 'Enter a price like 24.99.',
      specs: 'Write one specification per line, as Name: value.',
    });
  });

  it('puts a taken slug or SKU beside that field, in the service’s words', () => {
    const taken = (code: 'SLUG_TAKEN' | 'SKU_TAKEN', message: string) =>
      refusedFields({ code, message, details: undefined }, newProductRefusals);
    expect(taken('SLUG_TAKEN', 'Another product already has this slug.')).toEqual({
      slug: 'Another product already has this slug.',
    });
    expect(taken('SKU_TAKEN', 'Another variant already has this SKU.')).toEqual({
      sku: 'Another variant already has this SKU.',
    });
  });
});
