import { describe, expect, it } from 'vitest';
import { refusedFields } from '../../lib/form-outcome';
import {
  detailsRefusals,
  newVariantBody,
  newVariantRefusals,
  savedDetails,
  stockBody,
  stockRefusals,
  uploadRefusals,
  variantBody,
  variantRefusals,
} from './product-editor';

const validationFailed = (...fields: string[]) => ({
  code: 'VALIDATION_FAILED' as const,
  message: `Invalid body: check ${fields.join(', ')}.`,
  details: fields.map((field) => ({ location: 'body', field, message: 'Invalid input' })),
});

describe('the product editor', () => {
  it('starts the details from the saved product, an archived one with its box ticked', () => {
    const product = {
      name: 'Digital Calipers, 150 mm',
      brand: 'Mitutoyo',
      categorySlug: 'measuring',
      summary: 'Reads to 0.01 mm.',
      description: '',
      archived: true,
    };
    expect(savedDetails(product as Parameters<typeof savedDetails>[0])).toEqual({
      ...product,
      archived: 'on',
    });
  });

  it('puts a category that no longer exists beside Category, in the service’s words', () => {
    const refusal = {
      code: 'UNKNOWN_CATEGORY' as const,
      message: 'There is no category "lathes".',
      details: { field: 'categorySlug' },
    };
    expect(refusedFields(refusal, detailsRefusals)).toEqual({
      categorySlug: 'There is no category "lathes".',
    });
  });

  it('sends a variant’s price in cents and its options as records', () => {
    expect(variantBody({ price: '19.50', options: 'colour=Black; size=1 kg' })).toEqual({
      priceCents: 1950,
      options: { colour: 'Black', size: '1 kg' },
    });
  });

  it('leaves a price or option it cannot read for the service, and shows each refusal beside its field', () => {
    expect(variantBody({ price: '19,50', options: 'black' })).toEqual({
      priceCents: null,
      options: { '': 'black' },
    });
    expect(refusedFields(validationFailed('priceCents', 'options.'), variantRefusals)).toEqual({
      price: 'Enter a price like 24.99.',
      options: 'Write options as name=value, separated by semicolons: colour=Red; size=1 kg.',
    });
  });

  it('sets the stock to the count on the shelf, with the reason the audit log keeps', () => {
    expect(stockBody({ stock: '42', reason: 'Stocktake' })).toEqual({
      setTo: 42,
      reason: 'Stocktake',
    });
    expect(stockBody({ stock: '', reason: '' }).setTo).toBeNull();
  });

  it('shows a count it could not read beside Stock, and a reason too short beside Reason', () => {
    expect(refusedFields(validationFailed('setTo', 'reason'), stockRefusals)).toEqual({
      stock: 'Enter a whole number, 0 or more.',
      reason: 'Say why the stock changed, in 3 to 300 characters: stocktake, delivery, damage…',
    });
  });

  it('adds a variant with its SKU in capitals and no stock when none was given', () => {
    expect(newVariantBody({ sku: 'fil-pla-lim-250', options: '', price: '7', stock: '' })).toEqual({
      sku: 'FIL-PLA-LIM-250',
      options: {},
      priceCents: 700,
      stock: 0,
    });
  });

  it('puts a taken SKU beside SKU, in the service’s words', () => {
    const refusal = {
      code: 'SKU_TAKEN' as const,
      message: 'Another variant already has this SKU.',
      details: undefined,
    };
    expect(refusedFields(refusal, newVariantRefusals)).toEqual({
      sku: 'Another variant already has this SKU.',
    });
  });

  it('shows why the service would not take an image beside the file field', () => {
    const refusal = {
      code: 'UNSUPPORTED_IMAGE_TYPE' as const,
      message: 'Upload a PNG, JPEG or WebP image.',
      details: { accepted: ['image/png'] },
    };
    expect(refusedFields(refusal, uploadRefusals)).toEqual({
      image: 'Upload a PNG, JPEG or WebP image.',
    });
  });
});
