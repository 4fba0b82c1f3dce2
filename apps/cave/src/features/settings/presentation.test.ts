import { ApiError } from '@makrx/spa-kit';
import { describe, expect, it } from 'vitest';
import { currencyOptions, errorAt, fieldErrorsOf, nextInterval, zonesWith } from './presentation';

describe('settings presentation', () => {
  it('puts each field’s message from a 400 beside that field', () => {
    const error = new ApiError(400, 'VALIDATION_FAILED', 'Invalid body: check name.', [
      {
        location: 'body',
        field: 'name',
        message: 'Too small: expected string to have >=2 characters',
      },
      { location: 'body', field: 'openingHours.mon.0.closes', message: 'closes after it opens' },
    ]);
    const errors = fieldErrorsOf(error);
    expect(errors.name).toMatch(/Too small/);
    expect(errorAt(errors, 'openingHours.mon')).toBe('closes after it opens');
    expect(errorAt(errors, 'openingHours.tue')).toBeUndefined();
    expect(fieldErrorsOf(new ApiError(409, 'CONFLICT', 'No.'))).toEqual({});
  });

  it('shows a currency held by plans or invoices beside the currency field', () => {
    const refusal = new ApiError(
      409,
      'CURRENCY_IN_USE',
      'The currency stays INR: this makerspace has membership plans, which are in INR.',
    );
    expect(fieldErrorsOf(refusal)).toEqual({
      currency: 'The currency stays INR: this makerspace has membership plans, which are in INR.',
    });
  });

  it('offers the common currencies first, then every other, each once and named', () => {
    const { common, others } = currencyOptions('INR');
    expect(common.slice(0, 4).map((c) => c.code)).toEqual(['INR', 'USD', 'EUR', 'GBP']);
    expect(common[0]!.label).toBe('INR · Indian Rupee');
    const codes = [...common, ...others].map((c) => c.code);
    expect(new Set(codes).size).toBe(codes.length);
    expect(codes).toContain('KES');
    expect(codes.filter((code) => code === 'EUR')).toHaveLength(1);
  });

  it('offers the next opening interval after the day’s last one', () => {
    expect(nextInterval([])).toEqual({ opens: '10:00', closes: '18:00' });
    expect(nextInterval([{ opens: '09:00', closes: '13:00' }])).toEqual({
      opens: '14:00',
      closes: '16:00',
    });
  });

  it('offers zones by their current names, and a makerspace’s own zone even if unknown', () => {
    const zones = zonesWith('Asia/Kolkata');
    expect(zones).toContain('Asia/Kolkata');
    expect(zones).not.toContain('Asia/Calcutta');
    expect(zones).toContain('Europe/Berlin');
    expect(zonesWith('Mars/Olympus_Mons')[0]).toBe('Mars/Olympus_Mons');
  });
});
