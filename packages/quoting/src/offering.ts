import type { Machine } from './geometry.js';
import type { Material } from './materials.js';
import { assertCurrencyCode, assertMinorUnits, type CurrencyCode } from './money.js';
import type { ProcessProfile, Quality } from './process.js';

/** From `minQuantity` parts up, each part costs `percentOff` % less. */
export interface QuantityDiscountTier {
  minQuantity: number;
  percentOff: number;
}

/**
 * A provider's price for one material at one quality on one machine. Every amount is an
 * integer in the minor unit of `currency`.
 */
export interface Offering {
  id: string;
  providerName: string;
  material: Material;
  quality: Quality;
  machine: Machine;
  currency: CurrencyCode;
  pricePerKg: number;
  machineHourlyRate: number;
  /** Charged once per order line, however many parts it has. */
  setupFee: number;
  /** The least an order line costs, setup included. */
  minimumCharge: number;
  /** Working days from the order to shipping. */
  leadTimeDays: number;
  /** FDM only: the infill the provider prints with unless the customer asks for another. */
  defaultInfillPercent: number;
  quantityDiscounts: QuantityDiscountTier[];
  /** How long a quote stays valid, in hours from when it is made. */
  validityHours: number;
  /** The provider's own machine settings, over the defaults for the material's technology. */
  process?: Partial<ProcessProfile>;
}

const isPercent = (value: number) => Number.isFinite(value) && value >= 0 && value <= 100;

/** Throws a RangeError naming the first field that cannot be priced with. */
export function assertValidOffering(offering: Offering): void {
  for (const field of ['pricePerKg', 'machineHourlyRate', 'setupFee', 'minimumCharge'] as const) {
    assertMinorUnits(`${offering.id}: ${field}`, offering[field]);
  }
  if (!(
    Number.isFinite(offering.material.densityGPerCm3) && offering.material.densityGPerCm3 > 0
  )) {
    throw new RangeError(`${offering.id}: the material's density must be positive.`);
  }
  assertCurrencyCode(`${offering.id}: currency`, offering.currency);
  if (!isPercent(offering.defaultInfillPercent)) {
    throw new RangeError(`${offering.id}: defaultInfillPercent must be between 0 and 100.`);
  }
  if (!Number.isInteger(offering.leadTimeDays) || offering.leadTimeDays < 0) {
    throw new RangeError(`${offering.id}: leadTimeDays must be a whole number of days.`);
  }
  if (!(offering.validityHours > 0)) {
    throw new RangeError(`${offering.id}: validityHours must be positive.`);
  }
  for (const tier of offering.quantityDiscounts) {
    if (!Number.isInteger(tier.minQuantity) || tier.minQuantity < 1) {
      throw new RangeError(`${offering.id}: a discount tier's minQuantity must be 1 or more.`);
    }
    if (!isPercent(tier.percentOff) || tier.percentOff === 100) {
      throw new RangeError(
        `${offering.id}: a discount tier's percentOff must be at least 0 and below 100.`,
      );
    }
  }
}

/** The discount for `quantity` parts: the tier with the largest minQuantity reached, or 0 %. */
export function percentOffFor(tiers: readonly QuantityDiscountTier[], quantity: number): number {
  let best: QuantityDiscountTier | undefined;
  for (const tier of tiers) {
    if (tier.minQuantity <= quantity && (!best || tier.minQuantity > best.minQuantity)) best = tier;
  }
  return best?.percentOff ?? 0;
}
