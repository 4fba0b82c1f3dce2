import type { Database } from '@makrx/db';
import { publishEvent } from '@makrx/events';

/**
 * Below this many units a variant is running low: the admin list flags it, and the cave hears
 * of it at once for the codes its BOMs use (spec 7, "Sync Schedule": critical stock levels).
 */
export const LOW_STOCK = 5;

export interface StockChange {
  sku: string;
  before: number;
  after: number;
}

/**
 * Publishes `store.catalog.stock-low` for the variants this change took below LOW_STOCK or
 * further down under it, in the transaction `tx` of the change itself, so the event exists
 * exactly when the change does. A change that leaves stock as it was, or raises it, is not one.
 */
export async function announceLowStock(tx: Database, changes: readonly StockChange[]) {
  const skus = changes
    .filter(({ before, after }) => after < LOW_STOCK && after < before)
    .map(({ sku }) => sku);
  if (skus.length === 0) return;
  await publishEvent(tx, {
    type: 'store.catalog.stock-low',
    source: 'store',
    payload: { skus: [...new Set(skus)] },
  });
}
