import type { Metadata } from 'next';
import Link from 'next/link';
import { Badge, buttonClasses, EmptyState, formatPrice, Pagination } from '@makrx/ui';
import { requireStoreAdminPage } from '../../../features/catalog-admin/admin-access';
import {
  AdminFrame,
  inputClasses,
  NotAStoreAdmin,
} from '../../../features/catalog-admin/components/admin-frame';
import { listCustomers } from '../../../features/order-admin/api';
import { formatOrderDate } from '../../../features/orders/order-status';
import { single } from '../../../lib/search-params';

export const metadata: Metadata = { title: 'Customers · Store admin', robots: { index: false } };

function listHref(q: string | undefined, page: number) {
  const params = new URLSearchParams();
  if (q) params.set('q', q);
  if (page > 1) params.set('page', String(page));
  const search = params.toString();
  return search ? `/admin/customers?${search}` : '/admin/customers';
}

export default async function AdminCustomersPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const params = await searchParams;
  const q = (single(params.q) ?? '').trim().slice(0, 200) || undefined;
  const page = Math.max(Number.parseInt(single(params.page) ?? '1', 10) || 1, 1);
  if (!(await requireStoreAdminPage(listHref(q, page)))) return <NotAStoreAdmin />;
  const customers = await listCustomers({ q, page });

  return (
    <AdminFrame title="Customers" current="customers">
      <div className="flex flex-wrap items-center justify-between gap-4">
        <form
          method="get"
          action="/admin/customers"
          role="search"
          className="flex w-full max-w-lg gap-2"
        >
          <label htmlFor="admin-customer-search" className="sr-only">
            Search customers by name or email
          </label>
          <input
            id="admin-customer-search"
            name="q"
            type="search"
            defaultValue={q}
            placeholder="Name or email"
            className={inputClasses}
          />
          <button type="submit" className={buttonClasses({ variant: 'secondary' })}>
            Search
          </button>
        </form>
        <p className="text-sm text-ink-600">
          {customers.total} {customers.total === 1 ? 'customer' : 'customers'}
        </p>
      </div>

      {customers.items.length === 0 ? (
        <EmptyState
          className="mt-6"
          title={q ? 'No customers match' : 'No customers yet'}
          description={
            q
              ? 'Try part of their name or email.'
              : 'Everyone who places an order, with an account or as a guest, is listed here.'
          }
        />
      ) : (
        <div className="mt-6 overflow-x-auto rounded-2xl border border-ink-200 bg-white">
          <table className="w-full min-w-[40rem] text-sm">
            <caption className="sr-only">
              Customers, the latest buyer first ({customers.total})
            </caption>
            <thead className="bg-ink-50 text-left text-xs tracking-wide text-ink-600 uppercase">
              <tr>
                <th scope="col" className="px-4 py-3 font-semibold">
                  Customer
                </th>
                <th scope="col" className="px-4 py-3 text-right font-semibold">
                  Orders
                </th>
                <th scope="col" className="px-4 py-3 text-right font-semibold">
                  Spent
                </th>
                <th scope="col" className="px-4 py-3 font-semibold">
                  Last order
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-ink-100">
              {customers.items.map((customer) => (
                <tr key={customer.key} className="hover:bg-ink-50/60">
                  <th scope="row" className="px-4 py-3 text-left font-normal">
                    <div className="flex flex-wrap items-center gap-2">
                      <Link
                        href={`/admin/customers/${encodeURIComponent(customer.key)}`}
                        className="font-semibold text-accent-700 underline-offset-4 hover:underline"
                      >
                        {customer.name || customer.email}
                      </Link>
                      {customer.kind === 'guest' ? <Badge tone="neutral">Guest</Badge> : null}
                    </div>
                    <p className="text-xs text-ink-600">{customer.email}</p>
                  </th>
                  <td className="px-4 py-3 text-right tabular-nums">{customer.orderCount}</td>
                  <td className="px-4 py-3 text-right font-semibold tabular-nums">
                    {formatPrice(customer.totalSpentCents, customer.currency)}
                  </td>
                  <td className="px-4 py-3 text-ink-700">
                    <time dateTime={customer.lastOrderAt}>
                      {formatOrderDate(customer.lastOrderAt)}
                    </time>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pagination
        className="mt-8"
        page={customers.page}
        totalPages={customers.totalPages}
        hrefFor={(target) => listHref(q, target)}
        label="Customer pages"
      />
    </AdminFrame>
  );
}
