import {
  carrierCodes,
  carrierName,
  carrierTrackingUrl,
  type Order,
  type OrderStatus,
} from '@makrx/contracts';
import { auditActor, recordAudit, type Database } from '@makrx/db';
import { publishEvent } from '@makrx/events';
import { AppError, conflict, notFound } from '@makrx/service-kit';
import { and, asc, eq, inArray, isNotNull, lte, notInArray, sql } from 'drizzle-orm';
import { orderLines, orders, orderStatusHistory, shippingMethods } from './tables';

export type OrderRow = typeof orders.$inferSelect;

type OrderLine = Order['lines'][number];
type HistoryJson = { fromStatus: string | null; status: string; note: string | null; at: string };

/** The order's lines and history come with it, as JSON: one round trip for the whole order. */
const linesOfOrder = sql<OrderLine[]>`(
  select coalesce(json_agg(json_build_object(
    'kind', l.kind, 'variantId', l.variant_id, 'sku', l.sku, 'productName', l.product_name,
    'productSlug', l.product_slug, 'options', l.options, 'unitPriceCents', l.unit_price_cents,
    'quantity', l.quantity, 'lineTotalCents', l.line_total_cents) order by l.position), '[]')
  from ${orderLines} l where l.order_id = ${orders.id})`;
const historyOfOrder = sql<HistoryJson[]>`(
  select coalesce(json_agg(json_build_object(
    'fromStatus', h.from_status, 'status', h.status, 'note', h.note, 'at', h.at) order by h.id), '[]')
  from ${orderStatusHistory} h where h.order_id = ${orders.id})`;

/** An order as its buyer and the store's admins read it. */
export async function loadOrder(db: Database, where: { id: string } | { number: string }) {
  const [row] = await db
    .select({
      order: orders,
      methodName: shippingMethods.name,
      lines: linesOfOrder,
      history: historyOfOrder,
    })
    .from(orders)
    .innerJoin(shippingMethods, eq(shippingMethods.code, orders.shippingMethod))
    .where('id' in where ? eq(orders.id, where.id) : eq(orders.number, where.number));
  if (!row) return undefined;
  return { row: row.order, order: toOrder(row.order, row.methodName, row.lines, row.history) };
}

function toOrder(
  o: OrderRow,
  methodName: string,
  lines: OrderLine[],
  history: HistoryJson[],
): Order {
  return {
    id: o.id,
    number: o.number,
    status: o.status,
    email: o.email,
    currency: o.currency,
    lines,
    subtotalCents: o.subtotalCents,
    discountCents: o.discountCents,
    discountCode: o.discountCode,
    shippingCents: o.shippingCents,
    taxCents: o.taxCents,
    taxRateBasisPoints: o.taxRateBasisPoints,
    totalCents: o.totalCents,
    shippingMethod: { code: o.shippingMethod, name: methodName },
    shippingAddress: o.shippingAddress,
    trackingNumber: o.trackingNumber,
    ...shipmentOf(o),
    createdAt: o.createdAt.toISOString(),
    expiresAt: o.expiresAt.toISOString(),
    history: history.map((h) => ({
      fromStatus: h.fromStatus as OrderStatus | null,
      status: h.status as OrderStatus,
      note: h.note,
      // JSON carries PostgreSQL's own timestamp text; the API speaks ISO 8601.
      at: new Date(h.at).toISOString(),
    })),
  };
}

/** The carrier's tracking page, for an order shipped with a carrier the store knows. */
function shipmentOf(o: OrderRow): Pick<Order, 'shipment'> {
  const carrier = carrierCodes.find((code) => code === o.carrier);
  if (!carrier || !o.trackingNumber) return {};
  const trackingUrl = carrierTrackingUrl(carrier, o.trackingNumber)!;
  return { shipment: { carrier, carrierName: carrierName(carrier)!, trackingUrl } };
}

export interface StatusChange {
  to: OrderStatus;
  /** The statuses the order may be moving from; anything else is a 409. */
  from: readonly OrderStatus[];
  note?: string;
  actorId: string | null;
  requestId?: string | null;
  trackingNumber?: string;
  /** A code of the contracts' `carriers`, set with the tracking number. */
  carrier?: string;
  action: string;
}

/**
 * Moves an order to a new status, if it is still in one of `from` (read under the row's lock,
 * so of two racing changes the second sees the first's status and fails), with a history row
 * and an audit row in `tx`. Answers the order as changed, with the status it came from.
 */
export async function changeOrderStatus(
  tx: Database,
  orderId: string,
  change: StatusChange,
): Promise<OrderRow & { fromStatus: OrderStatus }> {
  const [before] = await tx
    .select({ status: orders.status })
    .from(orders)
    .where(eq(orders.id, orderId))
    .for('update');
  if (!before) throw notFound('The order');
  if (!change.from.includes(before.status)) {
    throw conflict(
      'ORDER_STATUS_CONFLICT',
      `The order is ${before.status.replace('_', ' ')} and cannot become ${change.to.replace('_', ' ')}.`,
      { status: before.status, wanted: change.to },
    );
  }
  const [updated] = await tx
    .update(orders)
    .set({
      status: change.to,
      updatedAt: new Date(),
      ...(change.trackingNumber ? { trackingNumber: change.trackingNumber } : {}),
      ...(change.carrier ? { carrier: change.carrier } : {}),
    })
    .where(eq(orders.id, orderId))
    .returning();
  if (!updated) throw new AppError(500, 'INTERNAL', 'The order vanished while it was changed.');
  await tx.insert(orderStatusHistory).values({
    orderId,
    fromStatus: before.status,
    status: change.to,
    note: change.note ?? null,
    actorId: change.actorId,
  });
  await recordAudit(tx, {
    service: 'store',
    action: change.action,
    entityType: 'order',
    entityId: orderId,
    actorId: await auditActor(tx, change.actorId),
    before: { status: before.status },
    after: {
      status: change.to,
      ...(change.trackingNumber ? { trackingNumber: change.trackingNumber } : {}),
      ...(change.carrier ? { carrier: change.carrier } : {}),
      ...(change.actorId ? { by: change.actorId } : {}),
    },
    requestId: change.requestId ?? null,
  });
  await announceFulfilmentChange(tx, updated, before.status);
  return { ...updated, fromStatus: before.status };
}

const afterPayment = ['paid', 'in_fulfilment', 'shipped', 'delivered'] as const;
const fulfilmentSteps = ['shipped', 'delivered', 'cancelled', 'refunded'] as const;

/**
 * A paid order shipped, delivered, cancelled or refunded: `store.order.fulfilment-changed`, in
 * the transaction of the change (an unpaid order that expires or is cancelled concerns nobody).
 */
async function announceFulfilmentChange(tx: Database, order: OrderRow, from: OrderStatus) {
  const fromPaid = afterPayment.find((status) => status === from);
  const to = fulfilmentSteps.find((status) => status === order.status);
  if (!fromPaid || !to) return;
  await publishEvent(tx, {
    type: 'store.order.fulfilment-changed',
    source: 'store',
    payload: {
      orderId: order.id,
      orderNumber: order.number,
      userId: order.userId,
      from: fromPaid,
      to,
    },
  });
}

/** The units an order holds: each variant and how many, what goes back to stock if it closes. */
export async function unitsHeldBy(db: Database, orderId: string) {
  return db
    .select({ variantId: sql<string>`${orderLines.variantId}`, quantity: orderLines.quantity })
    .from(orderLines)
    .where(and(eq(orderLines.orderId, orderId), isNotNull(orderLines.variantId)));
}

/** What an order bought, line by line in its order, for the event that announces it paid. */
export async function boughtLines(db: Database, orderId: string) {
  return db
    .select({ variantId: orderLines.variantId, sku: orderLines.sku, quantity: orderLines.quantity })
    .from(orderLines)
    .where(eq(orderLines.orderId, orderId))
    .orderBy(asc(orderLines.position));
}

/** Orders still awaiting payment whose window closed by `now`, oldest first, at most `limit`. */
export async function unpaidOrdersDue(db: Database, now: Date, limit: number) {
  const due = await db
    .select({ id: orders.id })
    .from(orders)
    .where(and(eq(orders.status, 'pending_payment'), lte(orders.expiresAt, now)))
    .orderBy(asc(orders.expiresAt))
    .limit(limit);
  return due.map((row) => row.id);
}

/** What these orders come to, those cancelled or refunded left out (a purchasing account's spend). */
export async function totalOfOpenOrders(db: Database, orderIds: readonly string[]) {
  if (orderIds.length === 0) return 0;
  const [row] = await db
    .select({ total: sql<number>`cast(coalesce(sum(${orders.totalCents}), 0) as integer)` })
    .from(orders)
    .where(
      and(inArray(orders.id, [...orderIds]), notInArray(orders.status, ['cancelled', 'refunded'])),
    );
  return row?.total ?? 0;
}

/**
 * Whether this signed-in buyer has an order that was delivered with one of these variants in it:
 * a verified purchase (reviews ask it; guests' orders carry no user and never count).
 */
export async function boughtAndDelivered(
  db: Database,
  userId: string,
  variantIds: readonly string[],
): Promise<boolean> {
  if (variantIds.length === 0) return false;
  const [found] = await db
    .select({ orderId: orders.id })
    .from(orders)
    .innerJoin(orderLines, eq(orderLines.orderId, orders.id))
    .where(
      and(
        eq(orders.userId, userId),
        eq(orders.status, 'delivered'),
        inArray(orderLines.variantId, [...variantIds]),
      ),
    )
    .limit(1);
  return found !== undefined;
}
