import Link from 'next/link';
import type { ReactNode } from 'react';
import { Container, cx } from '@makrx/ui';
import { Breadcrumbs, type Crumb } from '../../catalog/components/breadcrumbs';

const tabs = [
  { key: 'sales', label: 'Sales', href: '/admin/sales' },
  { key: 'orders', label: 'Orders', href: '/admin/orders' },
  { key: 'customers', label: 'Customers', href: '/admin/customers' },
  { key: 'products', label: 'Products', href: '/admin/products' },
  { key: 'categories', label: 'Categories', href: '/admin/categories' },
  { key: 'import', label: 'Import CSV', href: '/admin/import' },
  { key: 'promotions', label: 'Discount codes', href: '/admin/promotions' },
  { key: 'reviews', label: 'Reviews', href: '/admin/reviews' },
  { key: 'accounts', label: 'Purchasing accounts', href: '/admin/purchasing-accounts' },
] as const;

export interface AdminFrameProps {
  title: string;
  current: (typeof tabs)[number]['key'];
  crumbs?: Crumb[];
  /** Outcome of the last change (`?notice=` / `?problem=`). */
  notice?: string;
  problem?: string;
  children: ReactNode;
}

/** The store admin pages' head: where you are, the two sections, and what just happened. */
export function AdminFrame({ title, current, crumbs, notice, problem, children }: AdminFrameProps) {
  return (
    <>
      <section className="border-b border-ink-200 bg-ink-50">
        <Container className="pt-7 sm:pt-9">
          <Breadcrumbs
            crumbs={[
              { label: 'Store admin', href: '/admin/products' },
              ...(crumbs ?? [{ label: title }]),
            ]}
          />
          <h1 className="mt-3 text-2xl font-extrabold tracking-tight text-ink-950 sm:text-3xl">
            {title}
          </h1>
          <nav aria-label="Store admin" className="mt-5 -mb-px flex gap-1 overflow-x-auto">
            {tabs.map((tab) => (
              <Link
                key={tab.key}
                href={tab.href}
                aria-current={tab.key === current ? 'page' : undefined}
                className={cx(
                  'shrink-0 border-b-2 px-3 py-2.5 text-sm font-semibold whitespace-nowrap',
                  tab.key === current
                    ? 'border-accent-600 text-accent-800'
                    : 'border-transparent text-ink-600 hover:text-ink-950',
                )}
              >
                {tab.label}
              </Link>
            ))}
          </nav>
        </Container>
      </section>
      <Container className="py-8 sm:py-10">
        {notice ? (
          <p
            role="status"
            className="mb-6 rounded-xl border border-emerald-200 bg-emerald-50 px-4 py-3 text-sm font-medium text-emerald-900"
          >
            {notice}
          </p>
        ) : null}
        {problem ? (
          <p
            role="alert"
            className="mb-6 rounded-xl border border-red-200 bg-red-50 px-4 py-3 text-sm font-medium text-red-900"
          >
            {problem}
          </p>
        ) : null}
        {children}
      </Container>
    </>
  );
}

/** For a signed-in person who is not a store admin. */
export function NotAStoreAdmin() {
  return (
    <Container className="py-16">
      <div className="mx-auto max-w-lg rounded-2xl border border-ink-200 bg-white p-8 text-center">
        <h1 className="text-2xl font-bold text-ink-950">Store admins only</h1>
        <p className="mt-3 text-ink-600">
          Managing the catalog and orders needs the store admin role. Ask a super admin if you
          should have it.
        </p>
        <Link
          href="/"
          className="mt-6 inline-block font-semibold text-accent-700 underline-offset-4 hover:underline"
        >
          Back to the shop
        </Link>
      </div>
    </Container>
  );
}

export const inputClasses =
  'block w-full rounded-lg border-0 bg-white px-3 py-2 text-sm text-ink-950 shadow-sm ring-1 ring-ink-300 ring-inset placeholder:text-ink-400 focus:ring-2 focus:ring-accent-600 focus:outline-none';
export const labelClasses = 'block text-sm font-medium text-ink-900';
