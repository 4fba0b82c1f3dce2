import { describe, expect, it } from 'vitest';
import { formatPrice } from './format-price';

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
});
