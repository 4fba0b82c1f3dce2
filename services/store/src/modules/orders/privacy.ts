import type { Database } from '@makrx/db';
import { desc, eq, inArray, sql } from 'drizzle-orm';
import { orderLines, orderStatusHistory, orders } from './tables';

/** A user's orders with their lines and status history, for their export. */
export async function ordersExportOf(db: Database, userId: string) {
  const own = await db
    .select({
      id: orders.id,
      number: orders.number,
      email: orders.email,
      status: orders.status,
      currency: orders.currency,
      subtotalCents: orders.subtotalCents,
      shippingCents: orders.shippingCents,
      taxCents: orders.taxCents,
      totalCents: orders.totalCents,
      shippingMethod: orders.shippingMethod,
      shippingAddress: orders.shippingAddress,
      trackingNumber: orders.trackingNumber,
      createdAt: orders.createdAt,
    })
    .from(orders)
    .where(eq(orders.userId, userId))
    .orderBy(desc(orders.createdAt));
  const ids = own.map((o) => o.id);
  if (ids.length === 0) return [];
  const lines = await db.select().from(orderLines).where(inArray(orderLines.orderId, ids));
  const history = await db
    .select()
    .from(orderStatusHistory)
    .where(inArray(orderStatusHistory.orderId, ids));
  return own.map((order) => ({
    ...order,
    lines: lines.filter((l) => l.orderId === order.id),
    statusHistory: history.filter((h) => h.orderId === order.id),
  }));
}

/**
 * A deleted account's orders stay, as the law keeps sales records and invoices, but stop
 * naming the person: the email becomes an address that reaches nobody, and the shipping
 * address keeps only what the tax was computed from (city, region, postal code, country).
 * Safe to repeat.
 */
export async function anonymiseOrders(tx: Database, userId: string): Promise<number> {
  const marker = `deleted-${userId}@deleted.makrx.invalid`;
  const changed = await tx
    .update(orders)
    .set({
      email: marker,
      shippingAddress: sql`(${orders.shippingAddress} - 'line2') || jsonb_build_object('name', 'Deleted user', 'line1', '-')`,
      idempotencyScope: sql`'erased:' || ${orders.id}`,
      updatedAt: new Date(),
    })
    .where(sql`${orders.userId} = ${userId} and ${orders.email} <> ${marker}`)
    .returning({ id: orders.id });
  return changed.length;
}

/** The names a user's orders were shipped to, so copies of them elsewhere can be found. */
export async function shippingNamesOf(db: Database, userId: string): Promise<string[]> {
  const rows = await db
    .selectDistinct({ name: sql<string>`${orders.shippingAddress} ->> 'name'` })
    .from(orders)
    .where(eq(orders.userId, userId));
  return rows.map((r) => r.name).filter((name) => name && name !== 'Deleted user');
}
