import { describe, expect, it } from 'vitest';
import { formatMoney, formatPeriod, planTerms } from './presentation';

describe('billing presentation', () => {
  it('formats money in the invoice’s own currency', () => {
    expect(formatMoney(250_000, 'INR')).toBe('₹2,500.00');
    expect(formatMoney(1250, 'EUR')).toBe('€12.50');
    expect(formatMoney(0, 'INR')).toBe('₹0.00');
  });

  it('names a whole month by its name and a part of one by its days', () => {
    expect(formatPeriod('2026-11-01', '2026-11-30')).toBe('November 2026');
    expect(formatPeriod('2026-02-01', '2026-02-28')).toBe('February 2026');
    expect(formatPeriod('2026-11-10', '2026-11-30')).toBe('10 Nov 2026 – 30 Nov 2026');
  });

  it('tells a plan’s terms in one line', () => {
    const plan = {
      id: '00000000-0000-4000-8000-000000000000',
      name: 'Maker',
      interval: 'monthly' as const,
      priceCents: 250_000,
      currency: 'INR',
      includedHours: 10,
      discountPercent: 10,
      premium: false,
      archived: false,
      createdAt: '2026-11-01T00:00:00.000Z',
    };
    expect(planTerms(plan)).toBe('₹2,500.00 a month · 10 h included · 10% off extra hours');
    expect(planTerms({ ...plan, interval: 'yearly', discountPercent: 0 })).toBe(
      '₹2,500.00 a year · 10 h included',
    );
  });
});
