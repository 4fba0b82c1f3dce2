import { describe, expect, it } from 'vitest';
import {
  formatBytes,
  formatDimensions,
  formatLeadTime,
  formatRating,
  formatSpeed,
  formatTimeLeft,
  formatValidUntil,
  formatVolume,
  percentOf,
} from './format';

describe('the print page’s numbers', () => {
  it('shows sizes and speeds in binary units', () => {
    expect(formatBytes(0)).toBe('0 B');
    expect(formatBytes(1536)).toBe('1.5 KB');
    expect(formatBytes(250 * 1024 * 1024)).toBe('250 MB');
    expect(formatSpeed(2.5 * 1024 * 1024)).toBe('2.5 MB/s');
  });

  it('never says 100 % before the last byte', () => {
    expect(percentOf(0, 0)).toBe(0);
    expect(percentOf(999_999, 1_000_000)).toBe(99);
    expect(percentOf(1_000_000, 1_000_000)).toBe(100);
    expect(percentOf(250_000, 1_000_000)).toBe(25);
  });

  it('says the time left once the speed is known', () => {
    expect(formatTimeLeft(1000, 0)).toBeUndefined();
    expect(formatTimeLeft(10_000, 1000)).toBe('about 10 s left');
    expect(formatTimeLeft(600_000, 1000)).toBe('about 10 min left');
  });

  it('shows a part’s size in mm and its volume in cm³', () => {
    expect(formatDimensions([20, 20, 12.345])).toBe('20 × 20 × 12.3 mm');
    expect(formatVolume(8000)).toBe('8 cm³');
  });

  it('words lead times, ratings and validity', () => {
    expect(formatLeadTime(0)).toBe('Ships today');
    expect(formatLeadTime(1)).toBe('Ready in 1 day');
    expect(formatLeadTime(4)).toBe('Ready in 4 days');
    expect(formatRating({ average: null, count: 0 })).toBe('New provider');
    expect(formatRating({ average: 4.66, count: 12 })).toBe('4.7 ★ (12)');
    expect(formatValidUntil('2026-12-06T18:30:00Z', 'UTC')).toBe('6 Dec 2026, 18:30');
  });
});
