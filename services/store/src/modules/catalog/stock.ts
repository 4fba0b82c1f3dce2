import type { StockAdjustment } from '@makrx/contracts';
import type { Database } from '@makrx/db';
import { badRequest, conflict } from '@makrx/service-kit';
import { and, eq, gte, inArray, sql } from 'drizzle-orm';
import { audit, findAdminProduct, lockedVariant, type Actor } from './catalog-admin';
import { announceLowStock } from './low-stock';
import { products, productVariants } from './tables';

/*
 * Stock is the catalog's. Orders take units and give them back only through takeStock and
 * releaseStock; store admins change it by an adjustment with a reason, or by importing a
 * catalog, which sets the count found on the shelf.
 */

export interface StockRequest {
  variantId: string;
  quantity: number;
}

/** The units taken, with what the variant was when they were: its SKU, options and price. */
export interface TakenStock extends StockRequest {
  productId: string;
  sku: string;
  options: Record<string, string>;
  unitPriceCents: number;
}

/** In variant id order, so two orders for the same variants never wait on each other in turn. */
const inVariantOrder = <T extends StockRequest>(items: readonly T[]) =>
  [...items].sort((a, b) => (a.variantId < b.variantId ? -1 : a.variantId > b.variantId ? 1 : 0));

/**
 * Takes the units of each item if that many are left, or refuses the lot: 409 OUT_OF_STOCK
 * naming the first short variant, 409 NOT_FOR_SALE for one archived (or its product), 400
 * UNKNOWN_VARIANT for one not in the catalog. Each take
 * is one conditional update (`stock >= quantity`), so the database, not a read before the
 * write, keeps stock from going below zero; run it in the transaction that records what the
 * units are for, whose rollback gives them back.
 */
export async function takeStock(
  tx: Database,
  items: readonly StockRequest[],
): Promise<TakenStock[]> {
  const taken: (TakenStock & { left: number })[] = [];
  for (const item of inVariantOrder(items)) taken.push(await takeUnits(tx, item));
  await announceLowStock(
    tx,
    taken.map(({ sku, left, quantity }) => ({ sku, before: left + quantity, after: left })),
  );
  return taken.map(({ left: _left, ...line }) => line);
}

/** The variant and its product are on sale (not archived), checked in the statement that takes. */
const onSale = sql`${productVariants.archivedAt} is null and exists (select 1 from ${products} where ${products.id} = ${productVariants.productId} and ${products.archivedAt} is null)`;

/** Off sale: the variant or its product was archived. */
const archived = sql<boolean>`(${products.archivedAt} is not null or ${productVariants.archivedAt} is not null)`;

async function takeUnits(tx: Database, item: StockRequest): Promise<TakenStock & { left: number }> {
  const [taken] = await tx
    .update(productVariants)
    .set({ stock: sql`${productVariants.stock} - ${item.quantity}` })
    .where(
      and(
        eq(productVariants.id, item.variantId),
        gte(productVariants.stock, item.quantity),
        onSale,
      ),
    )
    .returning({
      variantId: productVariants.id,
      productId: productVariants.productId,
      sku: productVariants.sku,
      options: productVariants.options,
      unitPriceCents: productVariants.priceCents,
      left: productVariants.stock,
    });
  if (taken) return { ...taken, quantity: item.quantity };
  throw await whyNotTaken(tx, item);
}

/**
 * What an order for these items would take, read without taking a lock: the variants as they
 * are now, refused as `takeStock` would refuse them (400 UNKNOWN_VARIANT, 409 OUT_OF_STOCK)
 * when that is already visible. After a sell-out, a buyer is told at once instead of queueing
 * behind the buyers who hold the row; `takeStock` still decides for the rest.
 */
export async function stockToTake(
  db: Database,
  items: readonly StockRequest[],
): Promise<TakenStock[]> {
  const ordered = inVariantOrder(items);
  const rows = await db
    .select({
      variantId: productVariants.id,
      productId: productVariants.productId,
      sku: productVariants.sku,
      options: productVariants.options,
      unitPriceCents: productVariants.priceCents,
      stock: productVariants.stock,
      archived,
    })
    .from(productVariants)
    .innerJoin(products, eq(products.id, productVariants.productId))
    .where(
      inArray(
        productVariants.id,
        ordered.map((item) => item.variantId),
      ),
    );
  const byId = new Map(rows.map((row) => [row.variantId, row]));
  return ordered.map((item) => {
    const found = byId.get(item.variantId);
    if (!found) throw unknownVariant(item);
    if (found.archived) throw notForSale(item, found);
    if (found.stock < item.quantity) throw outOfStock(item, found);
    const { stock: _stock, archived: _archived, ...variant } = found;
    return { ...variant, quantity: item.quantity };
  });
}

async function whyNotTaken(tx: Database, item: StockRequest) {
  const [variant] = await tx
    .select({
      sku: productVariants.sku,
      stock: productVariants.stock,
      archived,
    })
    .from(productVariants)
    .innerJoin(products, eq(products.id, productVariants.productId))
    .where(eq(productVariants.id, item.variantId));
  if (!variant) return unknownVariant(item);
  return variant.archived ? notForSale(item, variant) : outOfStock(item, variant);
}

/** 409 NOT_FOR_SALE: the item or its product was archived; it is not sold any more. */
export const notForSale = (item: { variantId: string }, variant: { sku: string }) =>
  conflict('NOT_FOR_SALE', `${variant.sku} is no longer sold; remove it to check out.`, {
    variantId: item.variantId,
    sku: variant.sku,
  });

const unknownVariant = (item: StockRequest) =>
  badRequest('UNKNOWN_VARIANT', 'One of the items is not in the catalog.', [
    { field: 'items', variantId: item.variantId, message: 'no such product variant' },
  ]);

function outOfStock(item: StockRequest, variant: { sku: string; stock: number }) {
  return conflict(
    'OUT_OF_STOCK',
    variant.stock === 0
      ? `${variant.sku} is sold out.`
      : `Only ${variant.stock} of ${variant.sku} left; ${item.quantity} were asked for.`,
    {
      variantId: item.variantId,
      sku: variant.sku,
      available: variant.stock,
      requested: item.quantity,
    },
  );
}

/** Puts units back on the shelf: an order cancelled, expired or refunded before it shipped. */
export async function releaseStock(tx: Database, items: readonly StockRequest[]): Promise<void> {
  for (const item of inVariantOrder(items)) {
    await tx
      .update(productVariants)
      .set({ stock: sql`${productVariants.stock} + ${item.quantity}` })
      .where(eq(productVariants.id, item.variantId));
  }
}

/**
 * Changes a variant's stock by `delta` or to `setTo`, with a reason in the audit log. The new
 * level is computed under the row's lock, so a sale in between is not lost.
 */
export async function adjustStock(db: Database, actor: Actor, sku: string, input: StockAdjustment) {
  const productId = await db.transaction(async (tx) => {
    const before = await lockedVariant(tx, sku);
    const stock = input.setTo ?? before.stock + (input.delta ?? 0);
    if (stock < 0)
      throw conflict(
        'STOCK_BELOW_ZERO',
        `Only ${before.stock} in stock: cannot take away ${-(input.delta ?? 0)}.`,
        { stock: before.stock },
      );
    await tx.update(productVariants).set({ stock }).where(eq(productVariants.id, before.id));
    await announceLowStock(tx, [{ sku, before: before.stock, after: stock }]);
    await audit(tx, actor, {
      action: 'catalog.stock.adjust',
      entityType: 'product_variant',
      entityId: before.id,
      before: { sku, stock: before.stock },
      after: { sku, stock, delta: stock - before.stock, reason: input.reason },
    });
    return before.productId;
  });
  return findAdminProduct(db, productId);
}
