import { estimatePrint } from './estimate.js';
import { formatDuration, formatMoney, formatNumber, plural } from './format.js';
import { fitsBuildVolume, type PartGeometry, type Size3 } from './geometry.js';
import { roundHalfUp, type CurrencyCode } from './money.js';
import { assertValidOffering, percentOffFor, type Offering } from './offering.js';
import {
  assertValidProcessProfile,
  defaultProcessProfile,
  type ProcessProfile,
} from './process.js';

export interface QuoteOptions {
  /** Identical parts in the order line. */
  quantity: number;
  /** When the quote is made; it is valid for the offering's validityHours from then. */
  now: Date;
  /** FDM only: overrides the offering's default infill. */
  infillPercent?: number;
}

/**
 * The line's price in minor units of `currency`. Always
 * total = material + machineTime + setup − discount + minimumChargeTopUp.
 */
export interface QuoteBreakdown {
  material: number;
  machineTime: number;
  setup: number;
  /** The quantity discount, subtracted (a positive amount). */
  discount: number;
  /** What is added to reach the offering's minimum charge; 0 when the line costs more. */
  minimumChargeTopUp: number;
  total: number;
}

/** One row of the breakdown as a customer reads it; `amount` is signed (a discount is < 0). */
export interface QuoteLine {
  label: string;
  detail: string;
  amount: number;
  text: string;
}

export interface Quote {
  offeringId: string;
  currency: CurrencyCode;
  quantity: number;
  breakdown: QuoteBreakdown;
  /** Per part, supports included. */
  grams: number;
  /** Per part. */
  printHours: number;
  /** One part's material and machine time after the quantity discount (setup not included). */
  unitPrice: number;
  percentOff: number;
  leadTimeDays: number;
  quotedAt: Date;
  validUntil: Date;
  /** The orientation the part is priced in (and printed in): z is its height on the bed. */
  orientation: Size3;
  layerHeightMm: number;
  /** FDM: the infill priced; null for resin and powder. */
  infillPercent: number | null;
  lines: QuoteLine[];
}

const isPositiveFinite = (value: number) => Number.isFinite(value) && value > 0;

function assertValidPart(part: PartGeometry): void {
  const { x, y, z } = part.boundingBoxMm;
  if (![part.volumeMm3, part.surfaceAreaMm2, x, y, z].every(isPositiveFinite)) {
    throw new RangeError('A part needs a positive, finite volume, surface area and size.');
  }
}

function assertValidOptions({ quantity, now, infillPercent }: QuoteOptions): void {
  if (!Number.isSafeInteger(quantity) || quantity < 1) {
    throw new RangeError(
      `The quantity must be a whole number of parts, 1 or more; got ${quantity}.`,
    );
  }
  if (Number.isNaN(now.getTime())) throw new RangeError('`now` must be a valid date.');
  if (infillPercent !== undefined && !(infillPercent >= 0 && infillPercent <= 100)) {
    throw new RangeError(`The infill must be between 0 and 100 %; got ${infillPercent}.`);
  }
}

/** The offering's machine settings: its own over the defaults for its technology and quality. */
export function processProfileFor(offering: Offering): ProcessProfile {
  const profile = {
    ...defaultProcessProfile(offering.material.technology, offering.quality),
    ...offering.process,
  };
  assertValidProcessProfile(offering.material.technology, profile);
  return profile;
}

/**
 * Prices `quantity` identical parts on one offering (README, "Formulas"). Physical quantities
 * stay fractional; each money component is rounded half up once, at its end. A part the
 * offering's machine cannot hold in any orientation is refused (RangeError with the reason):
 * `quotesFor` is what sorts offerings into those that can make it and those that cannot.
 */
export function quote(part: PartGeometry, offering: Offering, options: QuoteOptions): Quote {
  assertValidPart(part);
  assertValidOffering(offering);
  assertValidOptions(options);
  const { quantity, now } = options;
  const fit = fitsBuildVolume(part, offering.machine);
  if (!fit.fits) throw new RangeError(fit.reason);
  const { orientation } = fit;
  const profile = processProfileFor(offering);
  const isFdm = offering.material.technology === 'FDM';
  const infillPercent = isFdm ? (options.infillPercent ?? offering.defaultInfillPercent) : null;
  const estimate = estimatePrint(part, offering.material, profile, {
    heightMm: orientation.z,
    infillPercent: infillPercent ?? 100,
  });
  const printHours = estimate.printSeconds / 3600;

  const { breakdown, unitPrice, percentOff } = priceLine(
    {
      material: (estimate.grams * offering.pricePerKg) / 1000,
      machineTime: printHours * offering.machineHourlyRate,
    },
    offering,
    quantity,
  );

  const quoted: Omit<Quote, 'lines'> = {
    offeringId: offering.id,
    currency: offering.currency,
    quantity,
    breakdown,
    grams: estimate.grams,
    printHours,
    unitPrice,
    percentOff,
    leadTimeDays: offering.leadTimeDays,
    quotedAt: new Date(now.getTime()),
    validUntil: new Date(now.getTime() + offering.validityHours * 3_600_000),
    orientation,
    layerHeightMm: profile.layerHeightMm,
    infillPercent,
  };
  return { ...quoted, lines: describeQuote(quoted, offering) };
}

/**
 * The line's money from one part's exact (fractional) material and machine-time cost: each
 * component rounded once, the discount on the per-part price, setup once, then the minimum.
 */
function priceLine(
  perPart: { material: number; machineTime: number },
  offering: Offering,
  quantity: number,
): { breakdown: QuoteBreakdown; unitPrice: number; percentOff: number } {
  const percentOff = percentOffFor(offering.quantityDiscounts, quantity);
  const perPartCost = perPart.material + perPart.machineTime;
  const material = roundHalfUp(perPart.material * quantity);
  const machineTime = roundHalfUp(perPart.machineTime * quantity);
  const setup = offering.setupFee;
  // Never more than what it discounts, which rounding alone could otherwise allow.
  const discount = Math.min(
    roundHalfUp((perPartCost * quantity * percentOff) / 100),
    material + machineTime,
  );
  const subtotal = material + machineTime + setup - discount;
  const minimumChargeTopUp = Math.max(0, offering.minimumCharge - subtotal);
  return {
    breakdown: {
      material,
      machineTime,
      setup,
      discount,
      minimumChargeTopUp,
      total: subtotal + minimumChargeTopUp,
    },
    unitPrice: roundHalfUp(perPartCost * (1 - percentOff / 100)),
    percentOff,
  };
}

/** A quote holds until its validUntil, exclusive. */
export function isQuoteValid(quoted: Pick<Quote, 'validUntil'>, now: Date): boolean {
  return now.getTime() < quoted.validUntil.getTime();
}

function line(label: string, detail: string, amount: number, currency: CurrencyCode): QuoteLine {
  const money = amount < 0 ? `−${formatMoney(-amount, currency)}` : formatMoney(amount, currency);
  return { label, detail, amount, text: `${label} — ${detail}: ${money}` };
}

/** The breakdown in words, in the order a customer reads an invoice. */
function describeQuote(q: Omit<Quote, 'lines'>, offering: Offering): QuoteLine[] {
  const { currency, quantity, breakdown } = q;
  const parts = plural(quantity, 'part');
  const infill = q.infillPercent === null ? '' : `, ${q.infillPercent} % infill,`;
  const lines = [
    line(
      'Material',
      `${quantity} × ${formatNumber(q.grams)} g of ${offering.material.name}${infill} at ${formatMoney(offering.pricePerKg, currency)}/kg`,
      breakdown.material,
      currency,
    ),
    line(
      'Machine time',
      `${quantity} × ${formatDuration(q.printHours)} on ${formatNumber(q.layerHeightMm, 3)} mm layers at ${formatMoney(offering.machineHourlyRate, currency)}/h`,
      breakdown.machineTime,
      currency,
    ),
    line('Setup', 'once per order line', breakdown.setup, currency),
  ];
  if (breakdown.discount > 0) {
    lines.push(
      line(
        'Quantity discount',
        `${q.percentOff} % off for ${parts}`,
        -breakdown.discount,
        currency,
      ),
    );
  }
  if (breakdown.minimumChargeTopUp > 0) {
    lines.push(
      line(
        'Minimum charge',
        `an order line costs at least ${formatMoney(offering.minimumCharge, currency)}`,
        breakdown.minimumChargeTopUp,
        currency,
      ),
    );
  }
  lines.push(
    line('Total', `ready in ${plural(q.leadTimeDays, 'working day')}`, breakdown.total, currency),
  );
  return lines;
}
