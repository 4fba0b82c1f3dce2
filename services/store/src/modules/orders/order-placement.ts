import { createHash, randomBytes } from 'node:crypto';
import type { CreateOrderBody, PlacedOrder } from '@makrx/contracts';
import { auditActor, canonicalJson, recordAudit, type Database } from '@makrx/db';
import { conflict } from '@makrx/service-kit';
import { and, eq, sql } from 'drizzle-orm';
import { loadOrder } from './order-records';
import type { OrderTotals } from './pricing';
import { orderLines, orders, orderStatusHistory } from './tables';

import { idempotencyScopeOf, PAYMENT_WINDOW_MS } from './order-holds';

export interface Buyer {
  userId: string | null;
  email: string;
}

export interface OrderItem {
  variantId: string;
  quantity: number;
}

export interface PlaceOrder {
  buyer: Buyer;
  items: OrderItem[];
  shippingAddress: CreateOrderBody['shippingAddress'];
  shippingMethod: string;
  /** A discount code the buyer typed: the order is refused (4xx) if it does not apply. */
  discountCode?: string;
  idempotencyKey: string;
  requestId?: string;
  /**
   * Placing the order from this cart: the retry check covers the cart rather than its items
   * (which are gone after the first success), and the cart is emptied with the order.
   */
  fromCartId?: string;
}

/** The same variant twice becomes one line; lines are kept in variant id order. */
export function mergeItems(items: readonly OrderItem[]): OrderItem[] {
  const quantities = new Map<string, number>();
  for (const { variantId, quantity } of items) {
    quantities.set(variantId, (quantities.get(variantId) ?? 0) + quantity);
  }
  return [...quantities]
    .map(([variantId, quantity]) => ({ variantId, quantity }))
    .sort((a, b) => (a.variantId < b.variantId ? -1 : 1));
}

/** What the idempotency key is bound to: the same key with another request is refused. */
export function hashOrderRequest(request: PlaceOrder, items: readonly OrderItem[]): string {
  const { buyer, shippingAddress, shippingMethod, fromCartId, discountCode } = request;
  const what = fromCartId ? { cart: fromCartId } : { items };
  const code = discountCode ? { discountCode: discountCode.toLowerCase() } : {};
  return createHash('sha256')
    .update(canonicalJson({ buyer, ...what, shippingAddress, shippingMethod, ...code }))
    .digest('hex');
}

/**
 * The order this buyer placed earlier with this idempotency key, as they got it; undefined when
 * there is none, 409 IDEMPOTENCY_KEY_REUSED when they placed it with another request. Keys are
 * the buyer's own (idempotencyScopeOf): another buyer's order is never found by its key.
 */
export async function orderForIdempotencyKey(
  db: Database,
  request: Pick<PlaceOrder, 'buyer' | 'fromCartId' | 'idempotencyKey'>,
  requestHash: string,
): Promise<PlacedOrder | undefined> {
  const [row] = await db
    .select({ id: orders.id, requestHash: orders.requestHash })
    .from(orders)
    .where(
      and(
        eq(orders.idempotencyScope, idempotencyScopeOf(request)),
        eq(orders.idempotencyKey, request.idempotencyKey),
      ),
    );
  if (!row) return undefined;
  if (row.requestHash !== requestHash) {
    throw conflict(
      'IDEMPOTENCY_KEY_REUSED',
      'This Idempotency-Key was already used for a different order request. Use a new key for a new order.',
    );
  }
  return placedOrder(db, row.id);
}

/** An order as the buyer who placed it gets it: with its access token. */
export async function placedOrder(db: Database, orderId: string): Promise<PlacedOrder> {
  const found = (await loadOrder(db, { id: orderId }))!;
  return { ...found.order, accessToken: found.row.accessToken };
}

/** An order line as it will be kept: what was bought, as it read then. */
export interface NewOrderLine extends Omit<OrderItem, 'variantId'> {
  /** A print line (print-orders module) has no catalog variant. */
  kind?: 'product' | 'print';
  variantId: string | null;
  sku: string;
  productName: string;
  productSlug: string;
  options: Record<string, string>;
  unitPriceCents: number;
}

export interface NewOrder {
  request: PlaceOrder;
  requestHash: string;
  shippingMethod: string;
  currency: string;
  totals: OrderTotals;
  /** The discount code as the store spells it, when one took `totals.discountCents` off. */
  discountCode?: string | null;
  lines: NewOrderLine[];
}

/**
 * Writes a new order awaiting payment, its lines, its first history row and its audit row, in
 * `tx`. The idempotency key is unique per buyer: a concurrent retry that committed first makes this fail
 * with a unique violation of `orders_idempotency_scope_key_unique`.
 */
export async function recordOrder(tx: Database, order: NewOrder): Promise<string> {
  const { request, totals } = order;
  const [created] = await tx
    .insert(orders)
    .values({
      userId: request.buyer.userId,
      email: request.buyer.email,
      currency: order.currency,
      ...totals,
      discountCode: order.discountCode ?? null,
      shippingMethod: order.shippingMethod,
      shippingAddress: request.shippingAddress,
      idempotencyKey: request.idempotencyKey,
      idempotencyScope: idempotencyScopeOf(request),
      requestHash: order.requestHash,
      accessToken: randomBytes(24).toString('base64url'),
      expiresAt: sql`now() + ${`${PAYMENT_WINDOW_MS} milliseconds`}::interval`,
    })
    .returning({ id: orders.id, number: orders.number });
  const orderId = created!.id;
  await tx.insert(orderLines).values(
    order.lines.map((line, position) => ({
      orderId,
      kind: line.kind ?? 'product',
      variantId: line.variantId,
      sku: line.sku,
      productName: line.productName,
      productSlug: line.productSlug,
      options: line.options,
      unitPriceCents: line.unitPriceCents,
      quantity: line.quantity,
      lineTotalCents: line.unitPriceCents * line.quantity,
      position,
    })),
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
      ...(order.discountCode
        ? { discountCode: order.discountCode, discountCents: totals.discountCents }
        : {}),
      lines: order.lines.map((l) => ({ sku: l.sku, quantity: l.quantity })),
      ...(request.buyer.userId ? { by: request.buyer.userId } : { guest: request.buyer.email }),
    },
    requestId: request.requestId ?? null,
  });
  return orderId;
}
