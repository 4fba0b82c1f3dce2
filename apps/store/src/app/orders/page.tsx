import type { Metadata } from 'next';
import Link from 'next/link';
import { buttonClasses, Card, Container, EmptyState, formatPrice, Pagination } from '@makrx/ui';
import { listMyOrders } from '../../features/orders/api';
import { OrderStatusBadge } from '../../features/orders/components/order-status-badge';
import { knownOrders } from '../../features/orders/guest-orders';
import { formatOrderDate } from '../../features/orders/order-status';
import { currentSession } from '../../features/session/current-session';

export const metadata: Metadata = { title: 'My orders', robots: { index: false } };

function GuestOrders({ numbers }: { numbers: string[] }) {
  return (
    <div className="mx-auto max-w-2xl">
      <EmptyState
        titleAs="h2"
        title="Sign in to see your orders"
        description="Orders placed as a guest open from the link in their confirmation email."
        action={
          <div className="flex flex-wrap justify-center gap-3">
            <a href="/auth/login?returnTo=%2Forders" className={buttonClasses({ size: 'lg' })}>
              Sign in
            </a>
            <Link
              href="/orders/find"
              className={buttonClasses({ variant: 'secondary', size: 'lg' })}
            >
              Find an order without the email
            </Link>
          </div>
        }
      />
      {numbers.length > 0 ? (
        <Card className="mt-8 p-6">
          <h2 className="text-lg font-semibold text-ink-950">Placed in this browser</h2>
          <ul className="mt-3 space-y-2">
            {numbers.map((number) => (
              <li key={number}>
                <Link
                  href={`/orders/${encodeURIComponent(number)}`}
                  className="font-mono font-semibold text-accent-700 underline-offset-4 hover:underline"
                >
                  {number}
                </Link>
              </li>
            ))}
          </ul>
        </Card>
      ) : null}
    </div>
  );
}

export default async function MyOrdersPage({
  searchParams,
}: {
  searchParams: Promise<{ page?: string }>;
}) {
  const session = await currentSession();
  const page = Math.max(Number.parseInt((await searchParams).page ?? '1', 10) || 1, 1);
  return (
    <Container className="py-10 sm:py-14">
      <h1 className="text-3xl font-extrabold tracking-tight text-ink-950">My orders</h1>
      <div className="mt-8">
        {session ? (
          <SignedInOrders page={page} />
        ) : (
          <GuestOrders numbers={(await knownOrders()).map((o) => o.number)} />
        )}
      </div>
    </Container>
  );
}

async function SignedInOrders({ page }: { page: number }) {
  const orders = await listMyOrders(page);
  if (orders.total === 0) {
    return (
      <EmptyState
        title="No orders yet"
        description="When you buy something, it shows here with where it is."
        action={
          <Link href="/" className={buttonClasses({ size: 'lg' })}>
            Browse the catalog
          </Link>
        }
      />
    );
  }
  return (
    <>
      <ul className="divide-y divide-ink-200 rounded-2xl border border-ink-200 bg-white">
        {orders.items.map((order) => (
          <li key={order.id} className="flex flex-wrap items-center justify-between gap-4 p-5">
            <div>
              <Link
                href={`/orders/${encodeURIComponent(order.number)}`}
                className="font-mono text-base font-semibold text-ink-950 underline-offset-4 hover:underline"
              >
                {order.number}
              </Link>
              <p className="mt-0.5 text-sm text-ink-600">
                <time dateTime={order.createdAt}>{formatOrderDate(order.createdAt)}</time> ·{' '}
                {order.itemCount} {order.itemCount === 1 ? 'item' : 'items'}
              </p>
            </div>
            <div className="flex items-center gap-4">
              <OrderStatusBadge status={order.status} />
              <p className="w-24 text-right font-semibold text-ink-950 tabular-nums">
                {formatPrice(order.totalCents, order.currency)}
              </p>
            </div>
          </li>
        ))}
      </ul>
      <Pagination
        className="mt-8"
        page={orders.page}
        totalPages={orders.totalPages}
        hrefFor={(target) => (target > 1 ? `/orders?page=${target}` : '/orders')}
        label="Order pages"
      />
    </>
  );
}
