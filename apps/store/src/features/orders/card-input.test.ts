import { describe, expect, it } from 'vitest';
import { parseExpiry } from './card-input';

describe('an expiry date as typed', () => {
  it('reads MM/YY, MM / YYYY and MMYY', () => {
    expect(parseExpiry('12/34')).toEqual({ month: 12, year: 2034 });
    expect(parseExpiry('03 / 2031')).toEqual({ month: 3, year: 2031 });
    expect(parseExpiry('0429')).toEqual({ month: 4, year: 2029 });
  });
  it('refuses a month that does not exist, or text', () => {
    expect(parseExpiry('13/30')).toBeNull();
    expect(parseExpiry('soon')).toBeNull();
  });
});
