import type { CustomerDetail, CustomerPage, StoreCustomer } from '@makrx/contracts';
import type { Database } from '@makrx/db';
import { notFound } from '@makrx/service-kit';
import { sql, type SQL } from 'drizzle-orm';
import { REFUNDABLE } from './order-rules';
import { STORE_CURRENCY } from './sales-report';

const PAID = sql.join(
  REFUNDABLE.map((status) => sql`${status}`),
  sql`, `,
);

/** At most this many orders on a customer's page: the newest, which are the ones asked about. */
const CUSTOMER_ORDERS = 100;

type CustomerRow = {
  key: string;
  kind: 'account' | 'guest';
  name: string;
  email: string;
  order_count: number;
  total_spent_cents: number;
  last_order_at: Date | string;
  total: number;
};

/**
 * Buyers grouped from the orders: an account's orders by its user id (its name as the account
 * has it now), a guest's by the email, lower-cased (the name on their latest order).
 */
function customersSql(where: SQL, limit: number, offset: number) {
  return sql`
    with buyers as (
      select
        coalesce(cast(o.user_id as text), lower(o.email)) as key,
        case when o.user_id is null then 'guest' else 'account' end as kind,
        (array_agg(o.shipping_address ->> 'name' order by o.created_at desc))[1] as shipped_to,
        (array_agg(o.email order by o.created_at desc))[1] as email,
        max(o.user_id::text) as user_id,
        cast(count(*) as integer) as order_count,
        cast(coalesce(sum(o.total_cents) filter (
          where o.status in (${PAID}) and o.currency = ${STORE_CURRENCY}
        ), 0) as integer) as total_spent_cents,
        max(o.created_at) as last_order_at
      from store.orders o
      group by 1, 2
    )
    select b.key, b.kind, coalesce(u.display_name, b.shipped_to, '') as name, b.email,
      b.order_count, b.total_spent_cents, b.last_order_at,
      cast(count(*) over () as integer) as total
    from buyers b
    left join public.users u on cast(u.id as text) = b.user_id
    where ${where}
    order by b.last_order_at desc, b.key
    limit ${limit} offset ${offset}`;
}

const customerOf = (row: CustomerRow): StoreCustomer => ({
  key: row.key,
  kind: row.kind,
  name: row.name,
  email: row.email,
  orderCount: Number(row.order_count),
  totalSpentCents: Number(row.total_spent_cents),
  currency: STORE_CURRENCY,
  lastOrderAt: new Date(row.last_order_at).toISOString(),
});

/** Everyone who ordered, the latest buyer first, by part of their name or email (`q`). */
export async function listCustomers(
  db: Database,
  query: { page: number; pageSize: number; q?: string },
): Promise<CustomerPage> {
  const pattern = query.q ? `%${query.q.replace(/[%_\\]/g, '\\$&')}%` : undefined;
  const where = pattern
    ? sql`(b.email ilike ${pattern} or coalesce(u.display_name, b.shipped_to, '') ilike ${pattern})`
    : sql`true`;
  const rows = (
    await db.execute<CustomerRow>(
      customersSql(where, query.pageSize, (query.page - 1) * query.pageSize),
    )
  ).rows;
  const total = Number(rows[0]?.total ?? 0);
  return {
    items: rows.map(customerOf),
    page: query.page,
    pageSize: query.pageSize,
    total,
    totalPages: Math.ceil(total / query.pageSize),
  };
}

/** One customer, by account id or guest email, with their latest orders; 404 if none. */
export async function readCustomer(db: Database, key: string): Promise<CustomerDetail> {
  const buyerKey = key.includes('@') ? key.toLowerCase() : key;
  const [row] = (await db.execute<CustomerRow>(customersSql(sql`b.key = ${buyerKey}`, 1, 0))).rows;
  if (!row) throw notFound('Customer');
  const ofBuyer =
    row.kind === 'account'
      ? sql`o.user_id = ${buyerKey}`
      : sql`o.user_id is null and lower(o.email) = ${buyerKey}`;
  const orders = (
    await db.execute<{
      id: string;
      number: string;
      status: CustomerDetail['orders'][number]['status'];
      email: string;
      total_cents: number;
      currency: string;
      item_count: number;
      created_at: Date | string;
    }>(sql`
      select o.id, o.number, o.status, o.email, o.total_cents, o.currency, o.created_at,
        cast((select coalesce(sum(l.quantity), 0) from store.order_lines l where l.order_id = o.id) as integer) as item_count
      from store.orders o
      where ${ofBuyer}
      order by o.created_at desc, o.number desc
      limit ${CUSTOMER_ORDERS}`)
  ).rows;
  return {
    customer: customerOf(row),
    orders: orders.map((order) => ({
      id: order.id,
      number: order.number,
      status: order.status,
      email: order.email,
      totalCents: Number(order.total_cents),
      currency: order.currency,
      itemCount: Number(order.item_count),
      createdAt: new Date(order.created_at).toISOString(),
    })),
  };
}
