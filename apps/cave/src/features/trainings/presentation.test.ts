import { ApiError } from '@makrx/spa-kit';
import { describe, expect, it } from 'vitest';
import { passState, seatsText, trainingRefusalOf, validityText } from './presentation';

describe('training presentation', () => {
  it('counts the seats left, and says when none are', () => {
    expect(seatsText(3)).toBe('3 seats left');
    expect(seatsText(1)).toBe('1 seat left');
    expect(seatsText(0)).toBe('Full');
  });

  it('tells how long a pass lasts in years when it can', () => {
    expect(validityText(null)).toBe('Valid for good');
    expect(validityText(12)).toBe('Valid for 1 year');
    expect(validityText(24)).toBe('Valid for 2 years');
    expect(validityText(6)).toBe('Valid for 6 months');
    expect(validityText(1)).toBe('Valid for 1 month');
  });

  it('shows a revoked pass as revoked even when it has not expired', () => {
    expect(passState({ valid: true, revokedAt: null }).label).toBe('Valid');
    expect(passState({ valid: false, revokedAt: null }).label).toBe('Expired');
    expect(passState({ valid: false, revokedAt: '2026-11-01T10:00:00.000Z' }).label).toBe(
      'Revoked',
    );
  });

  it('explains a full session instead of showing its code', () => {
    const full = new ApiError(409, 'SESSION_FULL', 'Every seat is taken.', { seats: 6 });
    expect(trainingRefusalOf(full)).toMatch(/Every seat of this session is taken/);
    const other = new ApiError(400, 'SOMETHING_NEW', 'The service’s own words.');
    expect(trainingRefusalOf(other)).toBe('The service’s own words.');
  });
});
