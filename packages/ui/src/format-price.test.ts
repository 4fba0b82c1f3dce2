import { describe, expect, it } from 'vitest';
import { currencyLabel, formatPrice, minorUnitDigits } from './format-price';

describe('formatPrice', () => {
  it('formats an amount in cents as the currency', () => {
    expect(formatPrice(2999, 'USD')).toBe('$29.99');
    expect(formatPrice(0, 'USD')).toBe('$0.00');
  });

  it('honours currencies whose minor unit is not a hundredth', () => {
    expect(formatPrice(1500, 'JPY')).toBe('¥1,500');
    expect(formatPrice(1500, 'KWD')).toMatch(/^KWD\s1\.500$/);
  });

  it('accepts a lower-case currency code', () => {
    expect(formatPrice(129900, 'inr')).toBe('₹1,299.00');
  });

  it('formats in the locale asked for', () => {
    expect(formatPrice(100_000_00, 'INR', 'en-IN')).toBe('₹1,00,000.00');
    expect(formatPrice(2500, 'EUR', 'pt-PT')).toBe('25,00\u00a0€');
  });
});

describe('minorUnitDigits', () => {
  it('says how many digits the minor unit has', () => {
    expect(minorUnitDigits('INR')).toBe(2);
    expect(minorUnitDigits('jpy')).toBe(0);
    expect(minorUnitDigits('KWD')).toBe(3);
  });
});

describe('currencyLabel', () => {
  it('names a currency by its symbol and code, or its code alone', () => {
    expect(currencyLabel('INR')).toBe('₹, INR');
    expect(currencyLabel('GBP')).toBe('£, GBP');
    expect(currencyLabel('CHF')).toBe('CHF');
  });
});
