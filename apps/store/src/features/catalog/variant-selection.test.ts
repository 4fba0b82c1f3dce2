import type { ProductVariant } from '@makrx/contracts';
import { describe, expect, it } from 'vitest';
import {
  galleryImages,
  imageIndexFor,
  optionGroups,
  productPageTitle,
  variantFromOptions,
  variantLabel,
} from './variant-selection';

const variant = (sku: string, colour: string, size: string, stock = 5): ProductVariant => ({
  id: `00000000-0000-4000-8000-${sku.padStart(12, '0')}`,
  sku,
  options: { colour, size },
  priceCents: 1000,
  stock,
  inStock: stock > 0,
  imageUrl: null,
});
const variants = [
  variant('1', 'Black', '1 kg'),
  variant('2', 'Black', '250 g'),
  variant('3', 'Silver', '1 kg'),
];

describe('choosing a variant', () => {
  it('offers colour before size, whatever order the options are stored in', () => {
    const stored = variants.map((v) => ({
      ...v,
      options: { size: v.options.size!, colour: v.options.colour! },
    }));
    expect(optionGroups(stored).map((group) => group.name)).toEqual(['colour', 'size']);
    expect(variantLabel(stored[1]!)).toBe('Black · 250 g');
  });

  it('keeps options it has no rule for in the order the variants use them, between the two', () => {
    const stored = [
      { ...variants[0]!, options: { size: '1 kg', voltage: '5 V', plug: 'EU', colour: 'Black' } },
    ];
    expect(optionGroups(stored).map((group) => group.name)).toEqual([
      'colour',
      'voltage',
      'plug',
      'size',
    ]);
  });

  it('groups the options in the order the variants use them', () => {
    expect(optionGroups(variants)).toEqual([
      { name: 'colour', values: ['Black', 'Silver'] },
      { name: 'size', values: ['1 kg', '250 g'] },
    ]);
  });

  it('finds the variant the submitted options describe', () => {
    expect(
      variantFromOptions(variants, { 'option.colour': 'Black', 'option.size': '250 g' })?.sku,
    ).toBe('2');
  });

  it('keeps the colour when the size picked does not exist in it', () => {
    expect(
      variantFromOptions(variants, { 'option.colour': 'Silver', 'option.size': '250 g' })?.sku,
    ).toBe('3');
  });

  it('answers null when no option was submitted', () => {
    expect(variantFromOptions(variants, { variant: '2' })).toBeNull();
  });

  it('names a variant by its option values', () => {
    expect(variantLabel(variants[1]!)).toBe('Black · 250 g');
  });
});

describe("a product page's title and pictures", () => {
  const petg = {
    name: 'PETG Filament',
    brand: 'Prusament',
    imageUrl: '/media/products/petg.svg',
    images: [],
    variants: [
      variant('SOR-1000', 'Signal Orange', '1 kg'),
      { ...variant('JBK-2000', 'Jet Black', '2 kg'), imageUrl: '/media/jbk-2000.svg' },
      { ...variant('JBK-1000', 'Jet Black', '1 kg'), imageUrl: '/media/jbk-1000.svg' },
    ],
  };

  it('titles the page after the product in the variant shown', () => {
    expect(productPageTitle(petg, petg.variants[1]!)).toBe(
      'PETG Filament, Jet Black, 2 kg · Prusament',
    );
    expect(
      productPageTitle({ ...petg, variants: [variant('X', 'Black', '1 kg')] }, { options: {} }),
    ).toBe('PETG Filament · Prusament');
  });

  it("shows the product's picture first, then each variant's own, numbered in that order", () => {
    const images = galleryImages(petg);
    expect(images.map((image) => image.url)).toEqual([
      '/media/products/petg.svg',
      '/media/jbk-2000.svg',
      '/media/jbk-1000.svg',
    ]);
    expect(images[1]!.alt).toBe('PETG Filament in Jet Black · 2 kg');
    expect(imageIndexFor(images, petg.variants[2]!)).toBe(2);
    // A variant without a picture of its own is shown with the product's.
    expect(imageIndexFor(images, petg.variants[0]!)).toBe(0);
  });

  it('puts uploaded photos first and lists a picture shared by variants once', () => {
    const images = galleryImages({
      ...petg,
      images: [
        { id: 'a', url: '/media/images/a.jpg', alt: 'On the printer', position: 0 },
        { id: 'b', url: '/media/images/b.jpg', alt: '', position: 1 },
      ],
      variants: [
        { ...variant('1', 'Black', '1 kg'), imageUrl: '/media/images/b.jpg' },
        { ...variant('2', 'Black', '2 kg'), imageUrl: '/media/black.svg' },
        { ...variant('3', 'Red', '2 kg'), imageUrl: '/media/black.svg' },
      ],
    });
    expect(images.map((image) => [image.url, image.alt])).toEqual([
      ['/media/images/a.jpg', 'On the printer'],
      ['/media/images/b.jpg', 'PETG Filament'],
      ['/media/black.svg', 'PETG Filament in Black · 2 kg'],
    ]);
  });
});
