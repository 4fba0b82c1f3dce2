import { describe, expect, it } from 'vitest';
import { utcToZoned, zonedToUtc } from './time-zone';

describe('makerspace time zones', () => {
  it('turns a wall-clock time in Bengaluru into UTC', () => {
    expect(zonedToUtc('2026-12-07T10:00', 'Asia/Kolkata')).toBe('2026-12-07T04:30:00.000Z');
    expect(utcToZoned('2026-12-07T04:30:00.000Z', 'Asia/Kolkata')).toBe('2026-12-07T10:00');
  });

  it('is right on both sides of a daylight-saving change', () => {
    // London moves its clocks forward on 29 March 2026 at 01:00 UTC.
    expect(zonedToUtc('2026-03-28T10:00', 'Europe/London')).toBe('2026-03-28T10:00:00.000Z');
    expect(zonedToUtc('2026-03-29T10:00', 'Europe/London')).toBe('2026-03-29T09:00:00.000Z');
    expect(utcToZoned('2026-03-29T09:00:00.000Z', 'Europe/London')).toBe('2026-03-29T10:00');
  });
});
