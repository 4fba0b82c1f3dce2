import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { Badge, EmptyState, formatPrice } from '@makrx/ui';
import { requireStoreAdminPage } from '../../../../features/catalog-admin/admin-access';
import {
  AdminFrame,
  NotAStoreAdmin,
} from '../../../../features/catalog-admin/components/admin-frame';
import { readCustomer } from '../../../../features/order-admin/api';
import { OrderStatusBadge } from '../../../../features/orders/components/order-status-badge';
import { formatOrderDate } from '../../../../features/orders/order-status';
import { ServiceError } from '../../../../lib/service-client';

export const metadata: Metadata = { title: 'Customer · Store admin', robots: { index: false } };

export default async function AdminCustomerPage({ params }: { params: Promise<{ key: string }> }) {
  const key = decodeURIComponent((await params).key);
  if (!(await requireStoreAdminPage(`/admin/customers/${encodeURIComponent(key)}`)))
    return <NotAStoreAdmin />;
  let detail;
  try {
    detail = await readCustomer(key);
  } catch (error) {
    // A key that is neither an account id nor an email is as unknown as one nobody ordered as.
    if (error instanceof ServiceError && (error.status === 404 || error.status === 400)) notFound();
    throw error;
  }
  const { customer, orders } = detail;
  const title = customer.name || customer.email;

  return (
    <AdminFrame
      title={title}
      current="customers"
      crumbs={[{ label: 'Customers', href: '/admin/customers' }, { label: title }]}
    >
      <dl className="grid gap-4 sm:grid-cols-4">
        {[
          ['Email', customer.email],
          ['Kind', customer.kind === 'account' ? 'Account' : 'Guest checkout'],
          ['Orders', String(customer.orderCount)],
          ['Spent (paid orders)', formatPrice(customer.totalSpentCents, customer.currency)],
        ].map(([label, value]) => (
          <div key={label} className="rounded-2xl border border-ink-200 bg-white px-5 py-4">
            <dt className="text-sm font-medium text-ink-600">{label}</dt>
            <dd className="mt-1 font-semibold break-words text-ink-950">{value}</dd>
          </div>
        ))}
      </dl>

      <section aria-labelledby="customer-orders" className="mt-8">
        <h2 id="customer-orders" className="text-lg font-bold text-ink-950">
          Orders
          {customer.orderCount > orders.length ? (
            <span className="ml-2 text-sm font-normal text-ink-600">
              (the latest {orders.length} of {customer.orderCount})
            </span>
          ) : null}
        </h2>
        {orders.length === 0 ? (
          <EmptyState className="mt-4" titleAs="h3" title="No orders" />
        ) : (
          <div className="mt-4 overflow-x-auto rounded-2xl border border-ink-200 bg-white">
            <table className="w-full min-w-[36rem] text-sm">
              <caption className="sr-only">Orders of {title}, newest first</caption>
              <thead className="bg-ink-50 text-left text-xs tracking-wide text-ink-600 uppercase">
                <tr>
                  <th scope="col" className="px-4 py-3 font-semibold">
                    Order
                  </th>
                  <th scope="col" className="px-4 py-3 font-semibold">
                    Placed
                  </th>
                  <th scope="col" className="px-4 py-3 text-right font-semibold">
                    Items
                  </th>
                  <th scope="col" className="px-4 py-3 text-right font-semibold">
                    Total
                  </th>
                  <th scope="col" className="px-4 py-3 font-semibold">
                    Status
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-ink-100">
                {orders.map((order) => (
                  <tr key={order.id} className="hover:bg-ink-50/60">
                    <th scope="row" className="px-4 py-3 text-left">
                      <Link
                        href={`/admin/orders/${order.id}`}
                        className="font-mono font-semibold text-accent-700 underline-offset-4 hover:underline"
                      >
                        {order.number}
                      </Link>
                      {order.email !== customer.email ? (
                        <span className="block text-xs text-ink-600">{order.email}</span>
                      ) : null}
                    </th>
                    <td className="px-4 py-3 text-ink-700">
                      <time dateTime={order.createdAt}>
                        {formatOrderDate(order.createdAt, true)}
                      </time>
                    </td>
                    <td className="px-4 py-3 text-right tabular-nums">{order.itemCount}</td>
                    <td className="px-4 py-3 text-right font-semibold tabular-nums">
                      {formatPrice(order.totalCents, order.currency)}
                    </td>
                    <td className="px-4 py-3">
                      <OrderStatusBadge status={order.status} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      {customer.kind === 'guest' ? (
        <p className="mt-6 text-sm text-ink-600">
          <Badge tone="neutral">Guest</Badge> Orders placed without an account, grouped by the email
          they were placed with.
        </p>
      ) : null}
    </AdminFrame>
  );
}
