import { describe, expect, it } from 'vitest';
import { seededRandom } from './seeded-random';

describe('seededRandom', () => {
  it('draws the same sequence for the same seed, so server and browser agree', () => {
    const first = seededRandom('harbour-makers-lisbon');
    const second = seededRandom('harbour-makers-lisbon');
    const draws = Array.from({ length: 5 }, () => [first(), second()]);
    for (const [a, b] of draws) expect(a).toBe(b);
  });

  it('draws different sequences for different seeds, within [0, 1)', () => {
    const a = seededRandom('a')();
    const b = seededRandom('b')();
    expect(a).not.toBe(b);
    for (const value of [a, b]) {
      expect(value).toBeGreaterThanOrEqual(0);
      expect(value).toBeLessThan(1);
    }
  });
});
