/**
 * Money in this package is an integer count of the currency's minor unit (cents, paise, pence)
 * beside an ISO 4217 code. Physical quantities (grams, hours) are fractional, so a price worked
 * out from them is fractional too; it is rounded exactly once, half up, at the end of each
 * component, never part-way through.
 */

/** ISO 4217 code, e.g. "INR", "EUR". */
export type CurrencyCode = string;

/**
 * Rounds a non-negative amount of minor units half up (12.5 → 13). The amount is first snapped
 * to 6 decimals so that binary noise (12.4999999999 from 0.1 + 0.2 style sums) does not turn a
 * true half into a round-down.
 */
export function roundHalfUp(minorUnits: number): number {
  if (!Number.isFinite(minorUnits) || minorUnits < 0) {
    throw new RangeError(`Cannot round ${minorUnits}: amounts are finite and never negative.`);
  }
  return Math.floor(Number(minorUnits.toFixed(6)) + 0.5);
}

/** Throws unless `value` is a whole, non-negative number of minor units. */
export function assertMinorUnits(name: string, value: number): void {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new RangeError(
      `${name} must be a whole, non-negative number of minor units; got ${value}.`,
    );
  }
}

/** The ISO 4217 codes the runtime can format money in, read once. */
let knownCurrencies: ReadonlySet<string> | undefined;

/**
 * Throws unless `code` is an ISO 4217 code the runtime knows, the rule of `currencyCode` in
 * `@makrx/contracts`; repeated here so this package needs no dependency (it is loaded in Web
 * Workers), while services check offerings with that schema at their edge.
 */
export function assertCurrencyCode(name: string, code: string): void {
  knownCurrencies ??= new Set(Intl.supportedValuesOf('currency'));
  if (!/^[A-Z]{3}$/.test(code) || !knownCurrencies.has(code)) {
    throw new RangeError(`${name} must be an ISO 4217 code such as "EUR"; got "${code}".`);
  }
}
