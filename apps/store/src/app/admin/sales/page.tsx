import type { Metadata } from 'next';
import Link from 'next/link';
import { salesRanges, type SalesReport } from '@makrx/contracts';
import { cx, EmptyState, formatPrice } from '@makrx/ui';
import { requireStoreAdminPage } from '../../../features/catalog-admin/admin-access';
import { AdminFrame, NotAStoreAdmin } from '../../../features/catalog-admin/components/admin-frame';
import { readSalesReport } from '../../../features/sales-admin/api';
import { SalesChart } from '../../../features/sales-admin/components/sales-chart';
import { single } from '../../../lib/search-params';

export const metadata: Metadata = { title: 'Sales · Store admin', robots: { index: false } };

const rangeHref = (days: number) => (days === 30 ? '/admin/sales' : `/admin/sales?days=${days}`);

const longDay = (day: string) =>
  new Date(`${day}T00:00:00Z`).toLocaleDateString('en-US', {
    weekday: 'short',
    month: 'short',
    day: 'numeric',
    year: 'numeric',
    timeZone: 'UTC',
  });

const cell = 'px-4 py-2.5';
const headCell = 'px-4 py-3 font-semibold';
const tableHead = 'bg-ink-50 text-left text-xs tracking-wide text-ink-600 uppercase';

export default async function AdminSalesPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const requested = Number(single((await searchParams).days));
  const days = salesRanges.find((range) => range === requested) ?? 30;
  if (!(await requireStoreAdminPage(rangeHref(days)))) return <NotAStoreAdmin />;
  const report = await readSalesReport(days);
  const money = (cents: number) => formatPrice(cents, report.currency);

  return (
    <AdminFrame title="Sales" current="sales">
      <div className="flex flex-wrap items-center justify-between gap-4">
        <p className="text-sm text-ink-600">
          Paid orders placed from {longDay(report.from)} to {longDay(report.to)} (UTC), in{' '}
          {report.currency}.
        </p>
        <nav aria-label="Sales period">
          <ul className="flex gap-2">
            {salesRanges.map((range) => (
              <li key={range}>
                <Link
                  href={rangeHref(range)}
                  aria-current={range === days ? 'page' : undefined}
                  className={cx(
                    'inline-flex h-8 items-center rounded-full px-3 text-sm font-medium ring-1 ring-inset',
                    range === days
                      ? 'bg-ink-900 text-white ring-ink-900'
                      : 'bg-white text-ink-700 ring-ink-300 hover:bg-ink-50',
                  )}
                >
                  Last {range} days
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      </div>

      <section aria-labelledby="sales-totals" className="mt-6">
        <h2 id="sales-totals" className="sr-only">
          Totals for the last {days} days
        </h2>
        <dl className="grid gap-4 sm:grid-cols-3">
          {[
            ['Revenue', money(report.totals.revenueCents)],
            ['Paid orders', String(report.totals.orders)],
            ['Average order value', money(report.totals.averageOrderCents)],
          ].map(([label, value]) => (
            <div key={label} className="rounded-2xl border border-ink-200 bg-white px-5 py-4">
              <dt className="text-sm font-medium text-ink-600">{label}</dt>
              <dd className="mt-1 text-2xl font-extrabold text-ink-950 tabular-nums">{value}</dd>
            </div>
          ))}
        </dl>
      </section>

      <section aria-labelledby="sales-per-day" className="mt-8">
        <h2 id="sales-per-day" className="text-lg font-bold text-ink-950">
          Revenue per day
        </h2>
        {report.totals.orders === 0 ? (
          <EmptyState
            className="mt-4"
            titleAs="h3"
            title={`No paid orders in the last ${days} days`}
            description="Sales show here, day by day, as soon as orders are paid."
          />
        ) : (
          <div className="mt-4 rounded-2xl border border-ink-200 bg-white p-4 sm:p-6">
            <SalesChart report={report} />
            <PerDayTable report={report} money={money} />
          </div>
        )}
      </section>

      <div className="mt-8 grid gap-8 lg:grid-cols-2">
        <TopProducts
          id="top-revenue"
          title="Top products by revenue"
          products={report.topByRevenue}
          money={money}
        />
        <TopProducts
          id="top-units"
          title="Top products by units"
          products={report.topByUnits}
          money={money}
        />
      </div>

      <LowStock report={report} />
    </AdminFrame>
  );
}

type Money = (cents: number) => string;

/** The chart's numbers, for screen readers and browsers without JavaScript, and for anyone. */
function PerDayTable({ report, money }: { report: SalesReport; money: Money }) {
  return (
    <div
      className="mt-6 max-h-80 overflow-y-auto rounded-xl border border-ink-200"
      tabIndex={0}
      role="region"
      aria-label="Revenue and orders per day"
    >
      <table className="w-full text-sm">
        <caption className="sr-only">Revenue and paid orders per day, oldest first</caption>
        <thead className={cx(tableHead, 'sticky top-0')}>
          <tr>
            <th scope="col" className={headCell}>
              Day
            </th>
            <th scope="col" className={cx(headCell, 'text-right')}>
              Orders
            </th>
            <th scope="col" className={cx(headCell, 'text-right')}>
              Revenue
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-ink-100">
          {report.perDay.map((row) => (
            <tr key={row.day} className={row.orders === 0 ? 'text-ink-500' : 'text-ink-900'}>
              <th scope="row" className={cx(cell, 'text-left font-normal')}>
                <time dateTime={row.day}>{longDay(row.day)}</time>
              </th>
              <td className={cx(cell, 'text-right tabular-nums')}>{row.orders}</td>
              <td className={cx(cell, 'text-right tabular-nums')}>{money(row.revenueCents)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function TopProducts({
  id,
  title,
  products,
  money,
}: {
  id: string;
  title: string;
  products: SalesReport['topByRevenue'];
  money: Money;
}) {
  return (
    <section aria-labelledby={id}>
      <h2 id={id} className="text-lg font-bold text-ink-950">
        {title}
      </h2>
      {products.length === 0 ? (
        <p className="mt-4 rounded-2xl border border-dashed border-ink-300 bg-ink-50/60 px-4 py-6 text-center text-sm text-ink-600">
          Nothing sold in this period yet.
        </p>
      ) : (
        <div className="mt-4 overflow-x-auto rounded-2xl border border-ink-200 bg-white">
          <table className="w-full text-sm">
            <caption className="sr-only">{title}</caption>
            <thead className={tableHead}>
              <tr>
                <th scope="col" className={headCell}>
                  Product
                </th>
                <th scope="col" className={cx(headCell, 'text-right')}>
                  Units
                </th>
                <th scope="col" className={cx(headCell, 'text-right')}>
                  Revenue
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-ink-100">
              {products.map((product) => (
                <tr key={product.productSlug}>
                  <th scope="row" className={cx(cell, 'text-left font-medium text-ink-950')}>
                    <Link
                      href={`/products/${product.productSlug}`}
                      className="underline-offset-4 hover:underline"
                    >
                      {product.productName}
                    </Link>
                  </th>
                  <td className={cx(cell, 'text-right tabular-nums')}>{product.units}</td>
                  <td className={cx(cell, 'text-right tabular-nums')}>
                    {money(product.revenueCents)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function LowStock({ report }: { report: SalesReport }) {
  return (
    <section aria-labelledby="low-stock" className="mt-8">
      <h2 id="low-stock" className="text-lg font-bold text-ink-950">
        Running low
      </h2>
      {report.lowStock.length === 0 ? (
        <p className="mt-4 rounded-2xl border border-dashed border-ink-300 bg-ink-50/60 px-4 py-6 text-center text-sm text-ink-600">
          Every variant on sale has stock to spare.
        </p>
      ) : (
        <div className="mt-4 overflow-x-auto rounded-2xl border border-ink-200 bg-white">
          <table className="w-full text-sm">
            <caption className="sr-only">Variants with few units left, emptiest first</caption>
            <thead className={tableHead}>
              <tr>
                <th scope="col" className={headCell}>
                  Product
                </th>
                <th scope="col" className={headCell}>
                  SKU
                </th>
                <th scope="col" className={cx(headCell, 'text-right')}>
                  In stock
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-ink-100">
              {report.lowStock.map((variant) => (
                <tr key={variant.sku}>
                  <th scope="row" className={cx(cell, 'text-left font-medium text-ink-950')}>
                    <Link
                      href={`/admin/products/${variant.productId}`}
                      className="underline-offset-4 hover:underline"
                    >
                      {variant.productName}
                    </Link>
                    {Object.keys(variant.options).length > 0 ? (
                      <span className="block text-xs font-normal text-ink-600">
                        {Object.values(variant.options).join(' · ')}
                      </span>
                    ) : null}
                  </th>
                  <td className={cx(cell, 'font-mono text-xs text-ink-700')}>{variant.sku}</td>
                  <td
                    className={cx(
                      cell,
                      'text-right font-semibold tabular-nums',
                      variant.stock === 0 ? 'text-red-700' : 'text-amber-800',
                    )}
                  >
                    {variant.stock === 0 ? 'Sold out' : variant.stock}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
