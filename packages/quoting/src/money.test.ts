import { describe, expect, it } from 'vitest';
import { formatDuration, formatMoney, minorUnitDigits } from './format.js';
import { assertMinorUnits, roundHalfUp } from './money.js';

describe('roundHalfUp', () => {
  it('rounds a half up and anything less down', () => {
    expect([0.4, 0.5, 12.5, 12.49, 116.6667].map(roundHalfUp)).toEqual([0, 1, 13, 12, 117]);
  });

  it('treats a half spoilt by binary floating point as a half', () => {
    // 0.145 × 100 is 14.499999999999998 in binary floating point.
    expect(0.145 * 100).toBeLessThan(14.5);
    expect(roundHalfUp(0.145 * 100)).toBe(15);
  });

  it('refuses negative and non-finite amounts', () => {
    for (const amount of [-0.5, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(() => roundHalfUp(amount)).toThrow(RangeError);
    }
  });
});

describe('minor units', () => {
  it('accepts whole non-negative amounts only', () => {
    expect(() => assertMinorUnits('fee', 0)).not.toThrow();
    expect(() => assertMinorUnits('fee', 1.5)).toThrow('fee must be a whole');
    expect(() => assertMinorUnits('fee', -1)).toThrow(RangeError);
  });

  it('knows how many digits each currency’s minor unit has', () => {
    expect(['EUR', 'INR', 'JPY', 'KWD'].map(minorUnitDigits)).toEqual([2, 2, 0, 3]);
    expect(formatMoney(123456, 'EUR')).toBe('€1,234.56');
    expect(formatMoney(1500, 'JPY')).toBe('¥1,500');
  });
});

describe('formatDuration', () => {
  it('shows print times to the minute, never as 0', () => {
    expect([0.001, 816 / 3600, 1, 2 + 5 / 60, 25.5].map(formatDuration)).toEqual([
      '1 min',
      '14 min',
      '1 h 00 min',
      '2 h 05 min',
      '25 h 30 min',
    ]);
  });
});
