import { describe, expect, it } from 'vitest';
import { timeAgo } from './time-labels';

const now = new Date('2026-03-10T12:00:00Z');
const before = (seconds: number) => new Date(now.getTime() - seconds * 1000);

describe('timeAgo', () => {
  it('says how long ago, in the largest whole unit', () => {
    expect(timeAgo(before(20), now)).toBe('just now');
    expect(timeAgo(before(5 * 60), now)).toBe('5 minutes ago');
    expect(timeAgo(before(3 * 3_600 + 59 * 60), now)).toBe('3 hours ago');
    expect(timeAgo(before(30 * 3_600), now)).toBe('yesterday');
    expect(timeAgo(before(12 * 86_400), now)).toBe('12 days ago');
  });

  it('gives the date itself a month or more back', () => {
    expect(timeAgo(before(45 * 86_400), now)).toMatch(/^Jan 2\d, 2026/);
  });
});
