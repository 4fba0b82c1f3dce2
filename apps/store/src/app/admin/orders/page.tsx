import type { Metadata } from 'next';
import Link from 'next/link';
import type { OrderStatus } from '@makrx/contracts';
import { cx, EmptyState, Pagination } from '@makrx/ui';
import { requireStoreAdminPage } from '../../../features/catalog-admin/admin-access';
import {
  AdminFrame,
  inputClasses,
  NotAStoreAdmin,
} from '../../../features/catalog-admin/components/admin-frame';
import { listOrders } from '../../../features/order-admin/api';
import { OrderExportForm } from '../../../features/order-admin/components/order-export-form';
import { AdminOrdersTable } from '../../../features/order-admin/components/admin-orders-table';
import { statusLabels } from '../../../features/orders/order-status';
import { single } from '../../../lib/search-params';

export const metadata: Metadata = { title: 'Orders · Store admin', robots: { index: false } };

const statuses = Object.keys(statusLabels) as OrderStatus[];

function listHref({ status, q, page }: { status?: OrderStatus; q?: string; page?: number }) {
  const params = new URLSearchParams();
  if (status) params.set('status', status);
  if (q) params.set('q', q);
  if (page && page > 1) params.set('page', String(page));
  const search = params.toString();
  return search ? `/admin/orders?${search}` : '/admin/orders';
}

export default async function AdminOrdersPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const params = await searchParams;
  const q = (single(params.q) ?? '').trim().slice(0, 200) || undefined;
  const requested = single(params.status);
  const status = statuses.find((s) => s === requested);
  const page = Math.max(Number.parseInt(single(params.page) ?? '1', 10) || 1, 1);
  if (!(await requireStoreAdminPage(listHref({ status, q, page })))) return <NotAStoreAdmin />;
  const orders = await listOrders({ status, q, page });
  const problem = single(params.problem)?.slice(0, 300);

  return (
    <AdminFrame title="Orders" current="orders" problem={problem}>
      <div className="flex flex-col gap-4">
        <form
          method="get"
          action="/admin/orders"
          role="search"
          className="flex w-full max-w-lg gap-2"
        >
          {status ? <input type="hidden" name="status" value={status} /> : null}
          <label htmlFor="admin-order-search" className="sr-only">
            Search orders by number or email
          </label>
          <input
            id="admin-order-search"
            name="q"
            type="search"
            defaultValue={q}
            placeholder="Order number or buyer email"
            className={inputClasses}
          />
          <button
            type="submit"
            className="rounded-lg bg-accent-600 px-4 text-sm font-semibold text-white hover:bg-accent-700"
          >
            Search
          </button>
        </form>
        <nav aria-label="Filter by status">
          <ul className="flex flex-wrap gap-2">
            {[undefined, ...statuses].map((option) => (
              <li key={option ?? 'all'}>
                <Link
                  href={listHref({ status: option, q })}
                  aria-current={option === status ? 'page' : undefined}
                  className={cx(
                    'inline-flex h-8 items-center rounded-full px-3 text-sm font-medium ring-1 ring-inset',
                    option === status
                      ? 'bg-ink-900 text-white ring-ink-900'
                      : 'bg-white text-ink-700 ring-ink-300 hover:bg-ink-50',
                  )}
                >
                  {option ? statusLabels[option] : 'All'}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      </div>

      <OrderExportForm
        from={single(params['export-from'])}
        to={single(params['export-to'])}
        status={single(params['export-status'])}
      />

      {orders.items.length === 0 ? (
        <EmptyState
          className="mt-8"
          title="No orders match"
          description={
            q || status
              ? 'Try another status or search.'
              : 'Orders appear here as soon as they are placed.'
          }
        />
      ) : (
        <div className="mt-6">
          <AdminOrdersTable
            orders={orders.items}
            caption={`Orders${status ? ` with status ${statusLabels[status]}` : ''}, newest first (${orders.total})`}
            buyer={{ column: true }}
          />
        </div>
      )}
      <Pagination
        className="mt-8"
        page={orders.page}
        totalPages={orders.totalPages}
        hrefFor={(target) => listHref({ status, q, page: target })}
        label="Order pages"
      />
    </AdminFrame>
  );
}
