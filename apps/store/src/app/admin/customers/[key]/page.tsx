import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { Badge, EmptyState, formatPrice } from '@makrx/ui';
import { requireStoreAdminPage } from '../../../../features/catalog-admin/admin-access';
import {
  AdminFrame,
  NotAStoreAdmin,
} from '../../../../features/catalog-admin/components/admin-frame';
import { readCustomer } from '../../../../features/order-admin/api';
import { AdminOrdersTable } from '../../../../features/order-admin/components/admin-orders-table';
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
          <div className="mt-4">
            <AdminOrdersTable
              orders={orders}
              caption={`Orders of ${title}, newest first`}
              buyer={{ column: false, email: customer.email }}
            />
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
