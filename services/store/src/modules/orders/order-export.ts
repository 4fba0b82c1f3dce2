import { Readable } from 'node:stream';
import type { OrderExportQuery } from '@makrx/contracts';
import type { Database } from '@makrx/db';
import { stringify } from 'csv-stringify';
import { and, asc, eq, gte, lt, sql, type SQL } from 'drizzle-orm';
import { orderLines, orders } from './tables';

const HEADER = [
  'Order number',
  'Date',
  'Status',
  'Buyer name',
  'Email',
  'Items',
  'Subtotal',
  'Shipping',
  'Tax',
  'Total',
  'Currency',
];

/** Orders are read this many at a time, so a long range never sits in memory at once. */
const BATCH = 500;

/**
 * Text a spreadsheet would run as a formula (=, +, -, @, or a tab or carriage return first)
 * is kept as text by a leading quote: buyers choose their own names.
 */
export const inert = (text: string) => (/^[=+\-@\t\r]/.test(text) ? `'${text}` : text);

const amount = (cents: number) => (cents / 100).toFixed(2);

/** The day after a calendar day, `YYYY-MM-DD`, for an end that includes the whole last day. */
const dayAfter = (day: string) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

async function* exportRows(db: Database, query: OrderExportQuery) {
  const range: SQL[] = [
    gte(orders.createdAt, new Date(`${query.from}T00:00:00Z`)),
    lt(orders.createdAt, new Date(`${dayAfter(query.to)}T00:00:00Z`)),
    ...(query.status ? [eq(orders.status, query.status)] : []),
  ];
  let offset = 0;
  for (;;) {
    const batch = await db
      .select({
        id: orders.id,
        number: orders.number,
        createdAt: orders.createdAt,
        status: orders.status,
        buyerName: sql<string>`coalesce(${orders.shippingAddress} ->> 'name', '')`,
        email: orders.email,
        items: sql<number>`cast(coalesce(sum(${orderLines.quantity}), 0) as integer)`,
        subtotalCents: orders.subtotalCents,
        shippingCents: orders.shippingCents,
        taxCents: orders.taxCents,
        totalCents: orders.totalCents,
        currency: orders.currency,
      })
      .from(orders)
      .leftJoin(orderLines, eq(orderLines.orderId, orders.id))
      .where(and(...range))
      .groupBy(orders.id)
      .orderBy(asc(orders.createdAt), asc(orders.id))
      .limit(BATCH)
      // Oldest first, so orders placed while the file is written land after the last batch.
      .offset(offset);
    for (const row of batch) {
      yield [
        row.number,
        row.createdAt.toISOString(),
        row.status,
        inert(row.buyerName),
        inert(row.email),
        row.items,
        amount(row.subtotalCents),
        amount(row.shippingCents),
        amount(row.taxCents),
        amount(row.totalCents),
        row.currency,
      ];
    }
    if (batch.length < BATCH) return;
    offset += BATCH;
  }
}

/**
 * The orders placed from `from` to `to` (whole UTC days), oldest first, as an RFC 4180 CSV
 * stream with a header row; csv-stringify quotes commas, quotes and line breaks.
 */
export function orderExportCsv(db: Database, query: OrderExportQuery): Readable {
  return Readable.from(exportRows(db, query)).pipe(stringify({ header: true, columns: HEADER }));
}

export const orderExportFileName = (query: OrderExportQuery) =>
  `orders-${query.from}-to-${query.to}${query.status ? `-${query.status}` : ''}.csv`;
