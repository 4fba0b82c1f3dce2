import { describe, expect, it } from 'vitest';
import { bytesText, durationText, nextStep, sizeText } from './presentation';

describe('print job presentation', () => {
  it('offers only the next step forward', () => {
    expect(nextStep('accepted')?.status).toBe('printing');
    expect(nextStep('quality_check')?.status).toBe('shipped');
    expect(nextStep('delivered')).toBeNull();
    expect(nextStep('offered')).toBeNull();
  });

  it('writes sizes, durations and file sizes for people', () => {
    expect(sizeText({ x: 40, y: 40.04, z: 30 })).toBe('40 × 40 × 30 mm');
    expect(durationText(90)).toBe('1 h 30 min');
    expect(durationText(45)).toBe('45 min');
    expect(durationText(120)).toBe('2 h');
    expect(bytesText(84_284)).toBe('82 KB');
    expect(bytesText(13_107_200)).toBe('12.5 MB');
  });
});
