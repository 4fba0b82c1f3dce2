import { describe, expect, it } from 'vitest';
import { createSpeedMeter } from './speed-meter';

describe('the upload speed', () => {
  it('is the bytes over the last seconds, not since the start', () => {
    const meter = createSpeedMeter(3000);
    expect(meter.record(0, 0)).toBe(0);
    expect(meter.record(1000, 1_000_000)).toBe(1_000_000);
    expect(meter.record(2000, 2_000_000)).toBe(1_000_000);
    // The line slows down: after the window, only the slow part counts.
    meter.record(6000, 2_400_000);
    expect(meter.record(7000, 2_500_000)).toBe(100_000);
  });

  it('starts over when a resumed upload reports fewer bytes', () => {
    const meter = createSpeedMeter();
    meter.record(0, 0);
    meter.record(1000, 5_000_000);
    expect(meter.record(2000, 4_000_000)).toBe(0);
    expect(meter.record(3000, 4_500_000)).toBe(500_000);
  });
});
