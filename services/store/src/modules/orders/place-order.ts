import { createHash, randomBytes } from 'node:crypto';
import type { CreateOrderBody, PlacedOrder } from '@makrx/contracts';
import { auditActor, canonicalJson, recordAudit, violates, type Database } from '@makrx/db';
import { badRequest, conflict } from '@makrx/service-kit';
import { and, eq, gte, sql } from 'drizzle-orm';
import { cartItems } from '../cart/tables';
import { productVariants } from '../catalog/tables';
import { loadOrder } from './order-records';
import { findShippingMethod, priceOrder } from './pricing';
import { orderLines, orders, orderStatusHistory } from './tables';

/** How long a pending order holds its stock before the expiry sweep gives it back. */
export const PAYMENT_WINDOW_MS = 30 * 60_000;

export interface Buyer {
  userId: string | null;
  email: string;
}

export interface PlaceOrder {
  buyer: Buyer;
  items: { variantId: string; quantity: number }[];
  shippingAddress: CreateOrderBody['shippingAddress'];
  shippingMethod: string;
  idempotencyKey: string;
  requestId?: string;
  /**
   * Placing the order from this cart: the retry check covers the cart rather than its items
   * (which are gone after the first success), and the cart is emptied with the order.
   */
  fromCartId?: string;
}

/**
 * Places an order: prices, shipping and tax recomputed here, stock taken in the same
 * transaction by conditional updates (`stock >= quantity`), status pending_payment. The same
 * idempotency key with the same request returns the first order; with another request, 409.
 */
export async function placeOrder(
  db: Database,
  request: PlaceOrder,
): Promise<{ order: PlacedOrder; replayed: boolean }> {
  const items = mergeItems(request.items);
  const requestHash = hashRequest(request, items);
  const earlier = await orderForKey(db, request.idempotencyKey, requestHash);
  if (earlier) return { order: earlier, replayed: true };
  if (items.length === 0) {
    throw badRequest('CART_EMPTY', 'The cart is empty: add something before checking out.');
  }
  try {
    const orderId = await db.transaction((tx) => insertOrder(tx, request, items, requestHash));
    const placed = (await loadOrder(db, { id: orderId }))!;
    return { order: { ...placed.order, accessToken: placed.row.accessToken }, replayed: false };
  } catch (error) {
    // A concurrent retry with the same key committed first: answer with its order.
    if (!violates(error, '23505', 'orders_idempotency_key_unique')) throw error;
    const first = await orderForKey(db, request.idempotencyKey, requestHash);
    if (!first) throw error;
    return { order: first, replayed: true };
  }
}

async function insertOrder(
  tx: Database,
  request: PlaceOrder,
  items: { variantId: string; quantity: number }[],
  requestHash: string,
): Promise<string> {
  const method = await findShippingMethod(tx, request.shippingMethod);
  const taken = [];
  // In variant id order, so two orders for the same variants never wait on each other in turn.
  for (const item of items) taken.push(await takeStock(tx, item));
  const { currency, productOf, totals } = await priceOrder(
    tx,
    taken,
    method,
    request.shippingAddress,
  );
  const [created] = await tx
    .insert(orders)
    .values({
      userId: request.buyer.userId,
      email: request.buyer.email,
      currency,
      ...totals,
      shippingMethod: method.code,
      shippingAddress: request.shippingAddress,
      idempotencyKey: request.idempotencyKey,
      requestHash,
      accessToken: randomBytes(24).toString('base64url'),
      expiresAt: sql`now() + ${`${PAYMENT_WINDOW_MS} milliseconds`}::interval`,
    })
    .returning({ id: orders.id, number: orders.number });
  const orderId = created!.id;
  await tx.insert(orderLines).values(
    taken.map((line, position) => {
      const product = productOf.get(line.productId)!;
      return {
        orderId,
        variantId: line.variantId,
        sku: line.sku,
        productName: product.name,
        productSlug: product.slug,
        options: line.options,
        unitPriceCents: line.unitPriceCents,
        quantity: line.quantity,
        lineTotalCents: line.unitPriceCents * line.quantity,
        position,
      };
    }),
  );
  await tx.insert(orderStatusHistory).values({
    orderId,
    fromStatus: null,
    status: 'pending_payment',
    actorId: request.buyer.userId,
  });
  await recordAudit(tx, {
    service: 'store',
    action: 'order.placed',
    entityType: 'order',
    entityId: orderId,
    actorId: await auditActor(tx, request.buyer.userId),
    after: {
      number: created!.number,
      status: 'pending_payment',
      totalCents: totals.totalCents,
      lines: taken.map((l) => ({ sku: l.sku, quantity: l.quantity })),
      ...(request.buyer.userId ? { by: request.buyer.userId } : { guest: request.buyer.email }),
    },
    requestId: request.requestId ?? null,
  });
  if (request.fromCartId) {
    await tx.delete(cartItems).where(eq(cartItems.cartId, request.fromCartId));
  }
  return orderId;
}

/** Takes `quantity` units of a variant if that many are left; else the order is refused. */
async function takeStock(tx: Database, item: { variantId: string; quantity: number }) {
  const [taken] = await tx
    .update(productVariants)
    .set({ stock: sql`${productVariants.stock} - ${item.quantity}` })
    .where(and(eq(productVariants.id, item.variantId), gte(productVariants.stock, item.quantity)))
    .returning({
      variantId: productVariants.id,
      productId: productVariants.productId,
      sku: productVariants.sku,
      options: productVariants.options,
      unitPriceCents: productVariants.priceCents,
    });
  if (taken) return { ...taken, quantity: item.quantity };
  const [variant] = await tx
    .select({ sku: productVariants.sku, stock: productVariants.stock })
    .from(productVariants)
    .where(eq(productVariants.id, item.variantId));
  if (!variant) {
    throw badRequest('UNKNOWN_VARIANT', 'One of the items is not in the catalog.', [
      { field: 'items', variantId: item.variantId, message: 'no such product variant' },
    ]);
  }
  throw conflict(
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

/** The same variant twice becomes one line; lines are kept in variant id order. */
export function mergeItems(items: PlaceOrder['items']) {
  const quantities = new Map<string, number>();
  for (const { variantId, quantity } of items) {
    quantities.set(variantId, (quantities.get(variantId) ?? 0) + quantity);
  }
  return [...quantities]
    .map(([variantId, quantity]) => ({ variantId, quantity }))
    .sort((a, b) => (a.variantId < b.variantId ? -1 : 1));
}

function hashRequest(request: PlaceOrder, items: PlaceOrder['items']): string {
  const { buyer, shippingAddress, shippingMethod, fromCartId } = request;
  const what = fromCartId ? { cart: fromCartId } : { items };
  return createHash('sha256')
    .update(canonicalJson({ buyer, ...what, shippingAddress, shippingMethod }))
    .digest('hex');
}

async function orderForKey(
  db: Database,
  idempotencyKey: string,
  requestHash: string,
): Promise<PlacedOrder | undefined> {
  const [row] = await db
    .select({ id: orders.id, requestHash: orders.requestHash })
    .from(orders)
    .where(eq(orders.idempotencyKey, idempotencyKey));
  if (!row) return undefined;
  if (row.requestHash !== requestHash) {
    throw conflict(
      'IDEMPOTENCY_KEY_REUSED',
      'This Idempotency-Key was already used for a different order request. Use a new key for a new order.',
    );
  }
  const found = (await loadOrder(db, { id: row.id }))!;
  return { ...found.order, accessToken: found.row.accessToken };
}
