import { describe, expect, it } from 'vitest';
import type { Product } from '@makrx/contracts';
import {
  descriptionParagraphs,
  productStructuredData,
  specLabel,
  stockSentence,
} from './product-details';

const product: Product = {
  id: '700048cf-7a26-4da8-8ecd-b66322e0165b',
  sku: 'FIL-PLA-GBK-1000',
  slug: 'pla-filament-galaxy-black-1kg',
  name: 'PLA Filament, Galaxy Black, 1 kg',
  brand: 'Prusament',
  summary: 'Deep black PLA with a fine glitter.',
  description: 'First paragraph.\n\nSecond paragraph.',
  priceCents: 2999,
  currency: 'USD',
  stock: 84,
  inStock: true,
  imageUrl: 'http://localhost:8003/media/products/pla-filament-galaxy-black-1kg.svg',
  category: { slug: 'filament', name: 'Filament' },
  categoryPath: [
    { slug: '3d-printing', name: '3D printing' },
    { slug: 'filament', name: 'Filament' },
  ],
  images: [],
  specs: { Diameter: '1.75 mm' },
  variants: [
    {
      id: '2b0b9e43-8f4c-4a4e-9a53-3f7f0f3f1a01',
      sku: 'FIL-PLA-GBK-1000',
      options: { colour: 'Galaxy Black', size: '1 kg' },
      priceCents: 2999,
      stock: 84,
      inStock: true,
    },
  ],
};

describe('product details', () => {
  it('shows spec keys as labels, whether they arrive as labels or identifiers', () => {
    expect(specLabel('Nozzle temperature')).toBe('Nozzle temperature');
    expect(specLabel('nozzleTemperature')).toBe('Nozzle temperature');
    expect(specLabel('bed_temperature')).toBe('Bed temperature');
  });

  it('splits the description into paragraphs at blank lines', () => {
    expect(descriptionParagraphs(product.description)).toEqual([
      'First paragraph.',
      'Second paragraph.',
    ]);
  });

  it('describes the stock in a sentence', () => {
    expect(stockSentence(product)).toBe('84 units on the shelf.');
    expect(stockSentence({ stock: 1, inStock: true })).toBe('Only 1 unit left on the shelf.');
    expect(stockSentence({ stock: 0, inStock: false })).toBe('Out of stock at the moment.');
  });

  it('gives search engines the price in major units and the availability', () => {
    const data = productStructuredData(product, 'https://makrx.store/products/x');
    expect(data.offers).toMatchObject({
      price: '29.99',
      priceCurrency: 'USD',
      availability: 'https://schema.org/InStock',
    });
    expect(
      productStructuredData({ ...product, currency: 'JPY', priceCents: 1500 }, '').offers,
    ).toMatchObject({ price: '1500' });
  });
});
