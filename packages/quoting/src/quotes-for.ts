import { fitsBuildVolume, type Machine, type PartGeometry } from './geometry.js';
import type { Offering } from './offering.js';
import { quote, type Quote, type QuoteOptions } from './quote.js';

/** An offering that cannot make the part, and why, in words the customer can be shown. */
export interface UnavailableOffering {
  offeringId: string;
  reason: 'TOO_BIG_FOR_MACHINE';
  /** The machine and its build volume, for a page that words it itself. */
  machine: Machine;
  message: string;
}

export interface QuotesForPart {
  /** Cheapest line total first; on a tie, the shorter lead time. */
  quotes: Quote[];
  unavailable: UnavailableOffering[];
}

/**
 * Every offering's quote for the part. Totals are compared as numbers, so offerings meant to
 * be compared should share a currency; each quote still carries its own.
 */
export function quotesFor(
  part: PartGeometry,
  offerings: readonly Offering[],
  options: QuoteOptions,
): QuotesForPart {
  const quotes: Quote[] = [];
  const unavailable: UnavailableOffering[] = [];
  for (const offering of offerings) {
    const fit = fitsBuildVolume(part, offering.machine);
    if (fit.fits) quotes.push(quote(part, offering, options));
    else
      unavailable.push({
        offeringId: offering.id,
        reason: 'TOO_BIG_FOR_MACHINE',
        machine: offering.machine,
        message: fit.reason,
      });
  }
  quotes.sort((a, b) => a.breakdown.total - b.breakdown.total || a.leadTimeDays - b.leadTimeDays);
  return { quotes, unavailable };
}
