import { lineName, type Invoice, type Order, type OrderPage } from '@makrx/contracts';
import type { Database } from '@makrx/db';
import { conflict } from '@makrx/service-kit';
import { and, desc, eq, ilike, or, sql, type SQL } from 'drizzle-orm';
import { orderLines, orders } from './tables';

export interface OrderFilter {
  page: number;
  pageSize: number;
  userId?: string;
  status?: Order['status'];
  /** Part of the buyer's email, or an order number. */
  q?: string;
}

/** Orders newest first, a page at a time: a buyer's own, or all of them for store admins. */
export async function listOrders(db: Database, filter: OrderFilter): Promise<OrderPage> {
  const conditions: (SQL | undefined)[] = [
    filter.userId ? eq(orders.userId, filter.userId) : undefined,
    filter.status ? eq(orders.status, filter.status) : undefined,
    filter.q
      ? or(
          ilike(orders.email, `%${filter.q.replace(/[%_\\]/g, '\\$&')}%`),
          eq(orders.number, filter.q.toUpperCase()),
        )
      : undefined,
  ];
  const rows = await db
    .select({
      id: orders.id,
      number: orders.number,
      status: orders.status,
      email: orders.email,
      totalCents: orders.totalCents,
      currency: orders.currency,
      createdAt: orders.createdAt,
      itemCount: sql<number>`cast(coalesce(sum(${orderLines.quantity}), 0) as integer)`,
      total: sql<number>`cast(count(*) over () as integer)`,
    })
    .from(orders)
    .leftJoin(orderLines, eq(orderLines.orderId, orders.id))
    .where(and(...conditions))
    .groupBy(orders.id)
    .orderBy(desc(orders.createdAt), desc(orders.number))
    .limit(filter.pageSize)
    .offset((filter.page - 1) * filter.pageSize);
  const total = rows[0]?.total ?? 0;
  return {
    items: rows.map(({ total: _total, createdAt, ...row }) => ({
      ...row,
      createdAt: createdAt.toISOString(),
    })),
    page: filter.page,
    pageSize: filter.pageSize,
    total,
    totalPages: Math.ceil(total / filter.pageSize),
  };
}

const SELLER = {
  name: 'MakrX.Store',
  address: 'MakrX Labs, 1 Maker Way, Bengaluru 560001, India',
  email: 'orders@makrx.store',
};

/**
 * The invoice of a paid order, numbered after it (`INV-100001` for `MX-100001`), issued when
 * it was paid. An unpaid or cancelled-before-payment order has none.
 */
export function invoiceOf(order: Order): Invoice {
  const paid = order.history.find((h) => h.status === 'paid');
  if (!paid) {
    throw conflict('NO_INVOICE', 'An order gets its invoice once it is paid.', {
      status: order.status,
    });
  }
  return {
    invoiceNumber: order.number.replace(/^MX-/, 'INV-'),
    orderNumber: order.number,
    issuedAt: paid.at,
    status: order.status === 'refunded' || order.status === 'cancelled' ? 'refunded' : 'paid',
    seller: SELLER,
    billedTo: {
      name: order.shippingAddress.name,
      email: order.email,
      address: order.shippingAddress,
    },
    lines: order.lines.map((line) => ({
      description: lineName(line),
      sku: line.sku,
      quantity: line.quantity,
      unitPriceCents: line.unitPriceCents,
      amountCents: line.lineTotalCents,
    })),
    subtotalCents: order.subtotalCents,
    discountCents: order.discountCents,
    discountCode: order.discountCode,
    shippingCents: order.shippingCents,
    shippingMethod: order.shippingMethod.name,
    taxRateBasisPoints: order.taxRateBasisPoints,
    taxCents: order.taxCents,
    totalCents: order.totalCents,
    currency: order.currency,
  };
}

/** A guest finds their order by its number and the email it was placed with. */
export async function findGuestOrder(db: Database, number: string, email: string) {
  const [row] = await db
    .select({ id: orders.id })
    .from(orders)
    .where(and(eq(orders.number, number), sql`lower(${orders.email}) = lower(${email})`));
  return row?.id;
}
