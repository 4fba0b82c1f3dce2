import type { SalesReport } from '@makrx/contracts';
import type { Database } from '@makrx/db';
import { sql } from 'drizzle-orm';
import { lowStockVariants } from '../catalog/service';
import { REFUNDABLE } from './order-rules';

/**
 * The catalog sells in one currency (products default to USD); orders in any other are left
 * out of the sums rather than added up as if they were dollars.
 */
export const STORE_CURRENCY = 'USD';

/** Orders that count as sales: paid and not given back (cancelled or refunded). */
const PAID = sql.join(
  REFUNDABLE.map((status) => sql`${status}`),
  sql`, `,
);

const TOP_PRODUCTS = 5;

/**
 * Paid sales over the last `days` days (today included, days in UTC), summed by PostgreSQL:
 * revenue is what buyers paid (subtotal, shipping and tax), on the day the order was placed.
 */
export async function salesReport(db: Database, days: number): Promise<SalesReport> {
  const perDay = (
    await db.execute<{ day: string; revenue_cents: number; orders: number }>(sql`
      with days as (
        select generate_series(
          date_trunc('day', now() at time zone 'UTC') - make_interval(days => ${days - 1}),
          date_trunc('day', now() at time zone 'UTC'),
          interval '1 day'
        ) as day
      )
      select to_char(d.day, 'YYYY-MM-DD') as day,
        cast(coalesce(sum(o.total_cents), 0) as integer) as revenue_cents,
        cast(count(o.id) as integer) as orders
      from days d
      left join store.orders o
        on date_trunc('day', o.created_at at time zone 'UTC') = d.day
        and o.status in (${PAID}) and o.currency = ${STORE_CURRENCY}
      group by d.day
      order by d.day`)
  ).rows.map((row) => ({
    day: row.day,
    revenueCents: Number(row.revenue_cents),
    orders: Number(row.orders),
  }));
  const from = perDay[0]!.day;
  const products = await productSales(db, from);
  const revenueCents = perDay.reduce((sum, day) => sum + day.revenueCents, 0);
  const orders = perDay.reduce((sum, day) => sum + day.orders, 0);
  return {
    days,
    from,
    to: perDay.at(-1)!.day,
    currency: STORE_CURRENCY,
    totals: {
      revenueCents,
      orders,
      averageOrderCents: orders === 0 ? 0 : Math.round(revenueCents / orders),
    },
    perDay,
    topByRevenue: [...products]
      .sort((a, b) => b.revenueCents - a.revenueCents || b.units - a.units)
      .slice(0, TOP_PRODUCTS),
    topByUnits: [...products]
      .sort((a, b) => b.units - a.units || b.revenueCents - a.revenueCents)
      .slice(0, TOP_PRODUCTS),
    lowStock: await lowStockVariants(db),
  };
}

/** What each product sold in paid orders placed since `from` (a UTC day). */
async function productSales(db: Database, from: string) {
  const rows = (
    await db.execute<{
      product_slug: string;
      product_name: string;
      revenue_cents: number;
      units: number;
    }>(sql`
      select l.product_slug, max(l.product_name) as product_name,
        cast(sum(l.line_total_cents) as integer) as revenue_cents,
        cast(sum(l.quantity) as integer) as units
      from store.order_lines l
      join store.orders o on o.id = l.order_id
      where o.created_at >= cast(${from} as date) at time zone 'UTC'
        and o.status in (${PAID}) and o.currency = ${STORE_CURRENCY}
      group by l.product_slug`)
  ).rows;
  return rows.map((row) => ({
    productSlug: row.product_slug,
    productName: row.product_name,
    revenueCents: Number(row.revenue_cents),
    units: Number(row.units),
  }));
}
