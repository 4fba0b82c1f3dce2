import type { AvailableProvider, ProviderOffering } from '@makrx/contracts';
import { describe, expect, it } from 'vitest';
import { formatBuildVolume, formatLeadTimeRange, leadTimeRange, machinesOf } from './providers';

const mk4 = {
  equipmentId: crypto.randomUUID(),
  name: 'Prusa MK4',
  buildVolumeMm: { x: 250, y: 210, z: 220 },
};
const form3 = {
  equipmentId: crypto.randomUUID(),
  name: 'Form 3+',
  buildVolumeMm: { x: 145, y: 145, z: 185 },
};

const offering = (
  machine: typeof mk4,
  materialKey: string,
  quality: ProviderOffering['quality'],
  leadTimeDays: number,
): ProviderOffering => ({
  id: crypto.randomUUID(),
  materialKey,
  quality,
  machine,
  currency: 'INR',
  pricePerKg: 250_000,
  machineHourlyRate: 15_000,
  setupFee: 0,
  minimumCharge: 0,
  leadTimeDays,
  defaultInfillPercent: 20,
  quantityDiscounts: [],
  validityHours: 72,
});

const provider = (offerings: ProviderOffering[]): AvailableProvider => ({
  makerspaceId: crypto.randomUUID(),
  slug: 'hub',
  name: 'Hub',
  city: 'Bengaluru',
  country: 'IN',
  location: null,
  rating: { average: null, count: 0 },
  responseWindowMinutes: 120,
  freeHoursNext14Days: 40,
  offerings,
});

describe('a provider’s offerings, by machine', () => {
  it('groups materials and their qualities (in quality order) under each printer', () => {
    const hub = provider([
      offering(mk4, 'pla', 'fine', 3),
      offering(mk4, 'pla', 'draft', 1),
      offering(form3, 'resin-standard', 'standard', 4),
      offering(mk4, 'petg', 'standard', 2),
    ]);
    expect(machinesOf(hub)).toEqual([
      {
        ...form3,
        materials: [
          {
            key: 'resin-standard',
            name: 'Standard resin',
            qualities: ['Standard'],
            leadTimeDays: [4, 4],
          },
        ],
      },
      {
        ...mk4,
        materials: [
          { key: 'petg', name: 'PETG', qualities: ['Standard'], leadTimeDays: [2, 2] },
          { key: 'pla', name: 'PLA', qualities: ['Draft', 'Fine'], leadTimeDays: [1, 3] },
        ],
      },
    ]);
    expect(leadTimeRange(hub)).toEqual([1, 4]);
    expect(leadTimeRange(provider([]))).toBeNull();
  });

  it('words lead times and build volumes', () => {
    expect(formatLeadTimeRange([0, 0])).toBe('Ships today');
    expect(formatLeadTimeRange([1, 1])).toBe('Ready in 1 day');
    expect(formatLeadTimeRange([2, 5])).toBe('Ready in 2–5 days');
    expect(formatBuildVolume(mk4.buildVolumeMm)).toBe('250 × 210 × 220 mm');
  });
});
