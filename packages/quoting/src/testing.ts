import type { Machine, PartGeometry } from './geometry.js';
import { materials } from './materials.js';
import type { Offering } from './offering.js';

/** A solid rectangular block: the part whose volume and area anyone can check by hand. */
export function blockPart(x: number, y: number, z: number): PartGeometry {
  return {
    volumeMm3: x * y * z,
    surfaceAreaMm2: 2 * (x * y + y * z + x * z),
    boundingBoxMm: { x, y, z },
  };
}

export const prusaMk4: Machine = { name: 'Prusa MK4', buildVolumeMm: { x: 250, y: 210, z: 220 } };
export const form3: Machine = { name: 'Form 3', buildVolumeMm: { x: 145, y: 145, z: 185 } };

/**
 * PLA at standard quality on a Prusa MK4, in US cents: $25.00/kg, $3.00/h, $5.00 setup, no
 * minimum, no discounts, valid 72 hours. Tests change what they are about.
 */
export function plaOffering(overrides: Partial<Offering> = {}): Offering {
  return {
    id: 'pla-standard',
    providerName: 'Austin Makerspace',
    material: materials.pla,
    quality: 'standard',
    machine: prusaMk4,
    currency: 'USD',
    pricePerKg: 2500,
    machineHourlyRate: 300,
    setupFee: 500,
    minimumCharge: 0,
    leadTimeDays: 3,
    defaultInfillPercent: 20,
    quantityDiscounts: [],
    validityHours: 72,
    ...overrides,
  };
}

/** Standard resin at standard quality on a Form 3, same prices as `plaOffering`. */
export function resinOffering(overrides: Partial<Offering> = {}): Offering {
  return plaOffering({
    id: 'resin-standard',
    material: materials.resinStandard,
    machine: form3,
    ...overrides,
  });
}
