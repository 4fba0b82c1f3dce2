import type { BomItem, BomView, BomWarning } from '@makrx/contracts';
import type { BomItemRow } from './items';
import type { CodeLevels, StoreLevels } from './store-match';

/*
 * The BOM as its page shows it: each item with what the Store says of its code, the warnings a
 * maker acts on (spec 7, "Critical stock levels … pricing changes"), the total cost and what
 * the Store cannot supply now.
 */

const formatMoney = (cents: number, currency: string) =>
  new Intl.NumberFormat('en', { style: 'currency', currency }).format(cents / 100);

/** Warnings for an item still to buy; one already ordered or received needs none. */
function warningsOf(item: BomItemRow, levels: CodeLevels | undefined): BomWarning[] {
  if (!levels || item.status !== 'needed') return [];
  const warnings: BomWarning[] = [];
  const { stock, lowStockBelow } = levels;
  if (stock === 0 || levels.inStock === false) {
    warnings.push({ kind: 'out_of_stock', message: 'Out of stock in the Store.' });
  } else if (
    stock !== null &&
    (stock < item.quantity || (lowStockBelow !== null && stock < lowStockBelow))
  ) {
    warnings.push({
      kind: 'low_stock',
      message:
        stock < item.quantity
          ? `Only ${stock} left in the Store; this BOM needs ${item.quantity}.`
          : `Running low in the Store: ${stock} left.`,
      stock,
      lowStockBelow,
    });
  }
  const was = item.priceWhenAddedCents;
  if (
    was !== null &&
    item.currency !== null &&
    (was !== levels.priceCents || item.currency !== levels.currency)
  ) {
    warnings.push({
      kind: 'price_changed',
      message: `The price changed from ${formatMoney(was, item.currency)} to ${formatMoney(levels.priceCents, levels.currency)} since it was added.`,
      was: { cents: was, currency: item.currency },
      now: { cents: levels.priceCents, currency: levels.currency },
    });
  }
  return warnings;
}

function itemView(
  item: BomItemRow,
  store: StoreLevels,
  productUrl: (slug: string) => string,
): BomItem {
  const levels = item.code ? store.byCode.get(item.code) : undefined;
  return {
    id: item.id,
    name: item.name,
    quantity: item.quantity,
    unit: item.unit,
    code: item.code,
    supplier: item.supplier,
    notes: item.notes,
    status: item.status,
    orderNumber: item.orderNumber,
    position: item.position,
    priceWhenAdded:
      item.priceWhenAddedCents !== null && item.currency !== null
        ? { cents: item.priceWhenAddedCents, currency: item.currency }
        : null,
    match: levels
      ? {
          productName: levels.productName,
          productUrl: levels.productSlug ? productUrl(levels.productSlug) : null,
          priceCents: levels.priceCents,
          currency: levels.currency,
          stock: levels.stock,
          inStock: levels.inStock,
          source: levels.source,
          at: levels.at,
        }
      : null,
    unknownCode: item.code !== null && store.unknownCodes.has(item.code),
    warnings: warningsOf(item, levels),
    updatedAt: item.updatedAt.toISOString(),
  };
}

/** Matched items × quantity in the Store's currency (the first matched item's). */
function totalOf(items: readonly BomItem[]): BomView['total'] {
  const matched = items.filter((item) => item.match);
  const currency = matched[0]?.match?.currency;
  if (!currency) return null;
  const inCurrency = matched.filter((item) => item.match!.currency === currency);
  return {
    cents: Math.round(
      inCurrency.reduce((sum, item) => sum + item.match!.priceCents * item.quantity, 0),
    ),
    currency,
    matchedItems: inCurrency.length,
    unmatchedItems: items.length - inCurrency.length,
  };
}

function shortagesOf(items: readonly BomItem[]): BomView['shortages'] {
  return items.flatMap((item) => {
    const stock = item.match?.stock;
    if (item.status !== 'needed' || !item.code || stock === null || stock === undefined) return [];
    if (stock >= item.quantity) return [];
    return [{ itemId: item.id, name: item.name, code: item.code, needed: item.quantity, stock }];
  });
}

export function bomViewOf(
  rows: readonly BomItemRow[],
  store: StoreLevels,
  productUrl: (slug: string) => string,
): Pick<BomView, 'items' | 'total' | 'shortages' | 'store' | 'notice'> {
  const items = rows.map((row) => itemView(row, store, productUrl));
  const usesStore = rows.some((row) => row.code);
  return {
    items,
    total: totalOf(items),
    shortages: shortagesOf(items),
    store: store.checkedAt ? { checkedAt: store.checkedAt } : null,
    notice:
      store.checkedAt || !usesStore
        ? null
        : 'The Store could not be reached just now: prices and stock are the last ones it sent, and may be out of date.',
  };
}
