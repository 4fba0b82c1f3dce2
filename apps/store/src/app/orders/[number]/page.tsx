import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { Button, buttonClasses, Card, Container } from '@makrx/ui';
import { Notice } from '../../../components/form-field';
import { cancelOwnOrder, reorderOwnOrder } from '../../../features/orders/actions';
import { serverFlags } from '../../../features/flags/server-flags';
import { currentSession } from '../../../features/session/current-session';
import { OrderLines } from '../../../features/orders/components/order-lines';
import { ParcelTracking } from '../../../features/orders/components/parcel-tracking';
import { OrderStatusBadge } from '../../../features/orders/components/order-status-badge';
import { ShippingAddress } from '../../../features/orders/components/shipping-address';
import { StatusTimeline } from '../../../features/orders/components/status-timeline';
import { findVisibleOrder, linkTokenQuery } from '../../../features/orders/order-lookup';
import { formatOrderDate, isCancellable } from '../../../features/orders/order-status';
import { readPrintOfOrder } from '../../../features/print-orders/api';
import { PrintProgress } from '../../../features/print-orders/components/print-progress';
import { PrintRating } from '../../../features/print-orders/components/print-rating';

interface TrackingPageProps {
  params: Promise<{ number: string }>;
  searchParams: Promise<{
    cancelled?: string;
    cancel?: string;
    token?: string;
    rated?: string;
    rating?: string;
  }>;
}

export async function generateMetadata({ params }: TrackingPageProps): Promise<Metadata> {
  const { number } = await params;
  return { title: `Order ${number}`, robots: { index: false } };
}

export default async function TrackingPage({ params, searchParams }: TrackingPageProps) {
  const { number } = await params;
  const query = await searchParams;
  const visible = await findVisibleOrder(number, query.token);
  const carry = linkTokenQuery(query.token);
  const tokenField = query.token ? <input type="hidden" name="token" value={query.token} /> : null;
  if (!visible) notFound();
  const { order } = visible;
  const href = `/orders/${encodeURIComponent(order.number)}`;
  const hasPrint = order.lines.some((line) => line.kind === 'print');
  const [flags, session, print] = await Promise.all([
    serverFlags(),
    currentSession(),
    hasPrint ? readPrintOfOrder(order.id, query.token) : null,
  ]);
  // Quick reorder fills the account's cart, so it is for signed-in buyers; on by default, and
  // the service refuses it itself while the flag is off.
  // A print is made to order: it is ordered again from its model, not reordered by SKU.
  const canReorder = session !== null && !hasPrint && flags.isOn('ENABLE_QUICK_REORDER', true);
  const canCancel = isCancellable(order.status) && (!print || print.status === 'awaiting_payment');

  return (
    <Container className="py-10 sm:py-14">
      <nav aria-label="Breadcrumb" className="text-sm text-ink-600">
        <Link href="/orders" className="underline-offset-4 hover:underline">
          Orders
        </Link>{' '}
        / <span className="text-ink-900">{order.number}</span>
      </nav>
      <div className="mt-3 flex flex-wrap items-center gap-3">
        <h1 className="text-3xl font-extrabold tracking-tight text-ink-950">
          Order <span className="font-mono">{order.number}</span>
        </h1>
        <OrderStatusBadge status={order.status} />
      </div>
      <p className="mt-1 text-sm text-ink-600">
        Placed on <time dateTime={order.createdAt}>{formatOrderDate(order.createdAt, true)}</time>{' '}
        by {order.email}
      </p>

      {query.cancelled ? (
        <Notice tone="success" className="mt-6" title="Your order is cancelled">
          {order.history.some((change) => change.status === 'paid')
            ? 'The payment is refunded to your card.'
            : 'Nothing will be charged or shipped.'}
        </Notice>
      ) : null}
      {query.cancel === 'confirm' && canCancel ? (
        <section
          aria-labelledby="cancel-title"
          className="mt-6 rounded-2xl border border-red-200 bg-red-50 p-5 sm:p-6"
        >
          <h2 id="cancel-title" className="text-lg font-semibold text-red-900">
            Cancel order {order.number}?
          </h2>
          <p className="mt-1 text-sm text-red-900">
            {order.status === 'pending_payment'
              ? 'Nothing has been charged; the items go back on the shelf.'
              : 'Your payment is refunded to your card, and nothing will be shipped.'}
          </p>
          <form
            action={cancelOwnOrder.bind(null, order.number)}
            className="mt-4 flex flex-wrap gap-3"
          >
            {tokenField}
            <Button type="submit" variant="danger">
              Yes, cancel the order
            </Button>
            <Link href={`${href}${carry}`} className={buttonClasses({ variant: 'secondary' })}>
              Keep the order
            </Link>
          </form>
        </section>
      ) : null}
      {order.status === 'pending_payment' && order.paymentProcessing ? (
        <Notice tone="info" className="mt-6" title="Payment processing">
          Your bank is processing the payment. This page shows when it has gone through; nothing
          else is needed from you.
        </Notice>
      ) : null}
      {query.cancel === 'refused' ? (
        <Notice tone="warning" className="mt-6" title="This order can no longer be cancelled">
          It has already left our warehouse. Contact us to return it.
        </Notice>
      ) : null}

      <div className="mt-8 grid gap-8 lg:grid-cols-[20rem_1fr] lg:gap-12">
        <section aria-labelledby="progress-title">
          <Card className="p-6">
            <h2 id="progress-title" className="text-lg font-semibold text-ink-950">
              Progress
            </h2>
            <div className="mt-5">
              <StatusTimeline order={order} />
            </div>
          </Card>
          <div className="mt-4 flex flex-col gap-3">
            {order.status === 'pending_payment' && !order.paymentProcessing ? (
              <Link href={`${href}/pay${carry}`} className={buttonClasses({ size: 'lg' })}>
                Pay now
              </Link>
            ) : null}
            {canReorder && order.status !== 'pending_payment' ? (
              <form action={reorderOwnOrder.bind(null, order.number)}>
                {tokenField}
                <Button type="submit" className="w-full">
                  Reorder
                </Button>
              </form>
            ) : null}
            <Link
              href={`${href}/invoice${carry}`}
              className={buttonClasses({ variant: 'secondary' })}
            >
              View invoice
            </Link>
            {canCancel && query.cancel !== 'confirm' ? (
              <Link
                href={`${href}?cancel=confirm${linkTokenQuery(query.token, '&')}`}
                className={buttonClasses({
                  variant: 'ghost',
                  className: 'w-full text-red-700 hover:bg-red-50 hover:text-red-800',
                })}
              >
                Cancel order
              </Link>
            ) : null}
          </div>
        </section>
        <div className="space-y-6">
          {print ? <PrintProgress initial={print} token={query.token} /> : null}
          {print ? (
            <PrintRating
              print={print}
              orderNumber={order.number}
              canRate={session !== null && !query.token}
              outcome={{ rated: query.rated === '1', problem: query.rating }}
            />
          ) : null}
          <Card className="p-6">
            <h2 className="text-lg font-semibold text-ink-950">Items</h2>
            <OrderLines
              order={order}
              reviewable={order.status === 'delivered' && session !== null && !visible.token}
            />
          </Card>
          <Card className="grid gap-6 p-6 sm:grid-cols-2">
            <div>
              <h2 className="text-sm font-semibold text-ink-950">Shipping address</h2>
              <div className="mt-2">
                <ShippingAddress address={order.shippingAddress} />
              </div>
            </div>
            <div>
              <h2 className="text-sm font-semibold text-ink-950">Delivery</h2>
              <p className="mt-2 text-sm text-ink-700">{order.shippingMethod.name}</p>
              <ParcelTracking order={order} />
            </div>
          </Card>
        </div>
      </div>
    </Container>
  );
}
