import type { PrintQuote } from '@makrx/contracts';

export type QuoteSort = 'price' | 'lead-time';

export const MAX_QUANTITY = 1000;

/** Cheapest first (the service's order), or soonest ready first with price breaking ties. */
export function sortQuotes(quotes: readonly PrintQuote[], sort: QuoteSort): PrintQuote[] {
  const byPrice = (a: PrintQuote, b: PrintQuote) => a.total - b.total;
  if (sort === 'price')
    return [...quotes].sort((a, b) => byPrice(a, b) || a.leadTimeDays - b.leadTimeDays);
  return [...quotes].sort((a, b) => a.leadTimeDays - b.leadTimeDays || byPrice(a, b));
}

/** A quantity typed in the box: a whole number from 1 to MAX_QUANTITY, else undefined. */
export function parseQuantity(text: string | null | undefined): number | undefined {
  if (!text || !/^\s*\d+\s*$/.test(text)) return undefined;
  const quantity = Number(text);
  return quantity >= 1 && quantity <= MAX_QUANTITY ? quantity : undefined;
}

/** The key that names one quote among a list: the offering at a quantity. */
export const quoteKey = (quote: Pick<PrintQuote, 'offeringId' | 'quantity'>) =>
  `${quote.offeringId}:${quote.quantity}`;

/** The summary page of a chosen quote, with the choice (and the project it is for) in the URL. */
export function quoteSummaryHref(
  uploadId: string,
  offeringId: string,
  quantity: number,
  projectId?: string,
): string {
  const query = new URLSearchParams({
    offering: offeringId,
    quantity: String(quantity),
    ...(projectId ? { project: projectId } : {}),
  });
  return `/print/${uploadId}?${query}`;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The MakrCave project a print is ordered for (`?project=<id>`, from a project's "Order a 3D
 * print"), if the parameter is one; the cave decides whether it lists the print there.
 */
export const printProjectOf = (value: unknown): string | undefined =>
  typeof value === 'string' && UUID.test(value) ? value.toLowerCase() : undefined;

/** The quote a summary URL names, if it is still among the quotes. */
export function chosenQuote(
  quotes: readonly PrintQuote[],
  offeringId: string | undefined,
): PrintQuote | undefined {
  return offeringId ? quotes.find((quote) => quote.offeringId === offeringId) : undefined;
}

/** "PLA · Standard" etc. */
export const qualityLabel = (quality: PrintQuote['quality']) =>
  ({ draft: 'Draft', standard: 'Standard', fine: 'Fine' })[quality];

export function isExpired(quote: Pick<PrintQuote, 'validUntil'>, now: Date): boolean {
  return new Date(quote.validUntil).getTime() <= now.getTime();
}

/**
 * A quote's breakdown as a table: its lines, and the total row. The quoting package ends the
 * lines with the total itself ("Total", with the lead time); a list without one gets it added.
 */
export function breakdownOf(quote: Pick<PrintQuote, 'lines' | 'total'>): {
  items: PrintQuote['lines'];
  total: PrintQuote['lines'][number];
} {
  const last = quote.lines.at(-1);
  if (last && last.label === 'Total' && last.amount === quote.total) {
    return { items: quote.lines.slice(0, -1), total: last };
  }
  return { items: quote.lines, total: { label: 'Total', detail: '', amount: quote.total } };
}

/** The materials among the quotes, cheapest first as the quotes are, with how many each has. */
export function materialsOf(
  quotes: readonly PrintQuote[],
): { key: string; name: string; count: number }[] {
  const materials = new Map<string, { key: string; name: string; count: number }>();
  for (const quote of quotes) {
    const known = materials.get(quote.materialKey);
    if (known) known.count += 1;
    else
      materials.set(quote.materialKey, {
        key: quote.materialKey,
        name: quote.materialName,
        count: 1,
      });
  }
  return [...materials.values()];
}
