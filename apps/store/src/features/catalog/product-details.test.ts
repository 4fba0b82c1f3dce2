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
      imageUrl: null,
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
    const yen = {
      ...product,
      currency: 'JPY',
      variants: [{ ...product.variants[0]!, priceCents: 1500 }],
    };
    expect(productStructuredData(yen, '').offers).toMatchObject({ price: '1500' });
  });

  it('offers each variant with its own SKU, price, availability and URL', () => {
    const two: Product = {
      ...product,
      variants: [
        product.variants[0]!,
        {
          ...product.variants[0]!,
          sku: 'FIL-PLA-GBK-250',
          options: { colour: 'Galaxy Black', size: '250 g' },
          priceCents: 999,
          stock: 0,
          inStock: false,
        },
      ],
    };
    const data = productStructuredData(two, 'https://makrx.store/products/x');
    expect(data.offers).toEqual([
      expect.objectContaining({
        sku: 'FIL-PLA-GBK-1000',
        price: '29.99',
        availability: 'https://schema.org/InStock',
      }),
      expect.objectContaining({
        sku: 'FIL-PLA-GBK-250',
        name: 'Galaxy Black · 250 g',
        price: '9.99',
        availability: 'https://schema.org/OutOfStock',
        url: 'https://makrx.store/products/x?variant=FIL-PLA-GBK-250',
      }),
    ]);
    expect(data.category).toBe('3D printing > Filament');
  });
});
