import { describe, expect, it } from 'vitest';
import { timeAgo } from './time-ago';

describe('how long ago a notification came', () => {
  const now = new Date('2026-11-25T12:00:00Z');
  it('says just now, minutes, hours and yesterday', () => {
    expect(timeAgo(new Date('2026-11-25T11:59:40Z'), now)).toBe('just now');
    expect(timeAgo(new Date('2026-11-25T11:55:00Z'), now)).toBe('5 minutes ago');
    expect(timeAgo(new Date('2026-11-25T09:00:00Z'), now)).toBe('3 hours ago');
    expect(timeAgo(new Date('2026-11-24T12:00:00Z'), now)).toBe('yesterday');
  });
});
