import type { Database } from '@makrx/db';
import { publishEvent } from '@makrx/events';
import { and, asc, eq, isNull, lt } from 'drizzle-orm';
import { products, productVariants } from './tables';

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

/** Variants on sale with fewer than LOW_STOCK units left, the emptiest first. */
export async function lowStockVariants(db: Database, limit = 10) {
  const rows = await db
    .select({
      productId: products.id,
      productName: products.name,
      sku: productVariants.sku,
      options: productVariants.options,
      stock: productVariants.stock,
    })
    .from(productVariants)
    .innerJoin(products, eq(products.id, productVariants.productId))
    .where(
      and(
        lt(productVariants.stock, LOW_STOCK),
        isNull(productVariants.archivedAt),
        isNull(products.archivedAt),
      ),
    )
    .orderBy(asc(productVariants.stock), asc(products.name), asc(productVariants.sku))
    .limit(limit);
  return rows;
}
