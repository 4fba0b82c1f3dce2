import { describe, expect, it } from 'vitest';
import { lineName, optionsText } from './line-names';

describe("a line's options", () => {
  it('names the colour before the size, as the product page offers them', () => {
    expect(optionsText({ size: '1 kg', colour: 'Galaxy Silver' })).toBe(
      'Colour: Galaxy Silver · Size: 1 kg',
    );
  });
});

describe("a line's name", () => {
  it('names the product once and its options once', () => {
    expect(
      lineName({ productName: 'PETG Filament', options: { size: '2 kg', colour: 'Jet Black' } }),
    ).toBe('PETG Filament — Colour: Jet Black · Size: 2 kg');
  });

  it('is the product name alone when the product has no options', () => {
    expect(lineName({ productName: 'Digital Calipers, 150 mm', options: {} })).toBe(
      'Digital Calipers, 150 mm',
    );
  });
});
