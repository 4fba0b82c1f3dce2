import type { ProductVariant } from '@makrx/contracts';
import { describe, expect, it } from 'vitest';
import { optionGroups, variantFromOptions, variantLabel } from './variant-selection';

const variant = (sku: string, colour: string, size: string, stock = 5): ProductVariant => ({
  id: `00000000-0000-4000-8000-${sku.padStart(12, '0')}`,
  sku,
  options: { colour, size },
  priceCents: 1000,
  stock,
  inStock: stock > 0,
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
