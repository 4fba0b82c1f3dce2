import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { carriers } from '@makrx/contracts/carriers';
import { Button, Card } from '@makrx/ui';
import { ServiceError } from '../../../../lib/service-client';
import { requireStoreAdminPage } from '../../../../features/catalog-admin/admin-access';
import {
  AdminFrame,
  inputClasses,
  labelClasses,
  NotAStoreAdmin,
} from '../../../../features/catalog-admin/components/admin-frame';
import { changeOrder } from '../../../../features/order-admin/actions';
import { doneMessages, problemMessage } from '../../../../features/order-admin/admin-messages';
import { readOrderAsAdmin } from '../../../../features/order-admin/api';
import { OrderLines } from '../../../../features/orders/components/order-lines';
import { ParcelTracking } from '../../../../features/orders/components/parcel-tracking';
import { OrderStatusBadge } from '../../../../features/orders/components/order-status-badge';
import { ShippingAddress } from '../../../../features/orders/components/shipping-address';
import { StatusTimeline } from '../../../../features/orders/components/status-timeline';
import { formatOrderDate, isCancellable } from '../../../../features/orders/order-status';

export const metadata: Metadata = { title: 'Order · Store admin', robots: { index: false } };

interface AdminOrderPageProps {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ done?: string; problem?: string }>;
}

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export default async function AdminOrderPage({ params, searchParams }: AdminOrderPageProps) {
  const { id } = await params;
  const { done, problem } = await searchParams;
  if (!(await requireStoreAdminPage(`/admin/orders/${id}`))) return <NotAStoreAdmin />;
  if (!uuid.test(id)) notFound();
  let order;
  try {
    order = await readOrderAsAdmin(id);
  } catch (error) {
    if (error instanceof ServiceError && error.status === 404) notFound();
    throw error;
  }
  const act = changeOrder.bind(null, order.id);
  const paidOnce = order.history.some((change) => change.status === 'paid');

  return (
    <AdminFrame
      title={`Order ${order.number}`}
      current="orders"
      crumbs={[{ label: 'Orders', href: '/admin/orders' }, { label: order.number }]}
      notice={done ? doneMessages[done] : undefined}
      problem={problemMessage(problem)}
    >
      <div className="flex flex-wrap items-center gap-3">
        <OrderStatusBadge status={order.status} />
        <p className="text-sm text-ink-600">
          Placed <time dateTime={order.createdAt}>{formatOrderDate(order.createdAt, true)}</time> by{' '}
          <span className="font-medium text-ink-900">{order.email}</span>
        </p>
      </div>

      <div className="mt-6 grid gap-8 lg:grid-cols-[1fr_22rem]">
        <div className="space-y-6">
          <Card className="p-6">
            <h2 className="text-lg font-semibold text-ink-950">Items</h2>
            <OrderLines order={order} />
          </Card>
          <Card className="grid gap-6 p-6 sm:grid-cols-2">
            <div>
              <h2 className="text-sm font-semibold text-ink-950">Ship to</h2>
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

        <div className="space-y-6">
          <Card className="p-6">
            <h2 className="text-lg font-semibold text-ink-950">Next step</h2>
            <div className="mt-4 space-y-4">
              {order.status === 'pending_payment' ? (
                <p className="text-sm text-ink-700">Waiting for the buyer to pay.</p>
              ) : null}
              {order.status === 'paid' ? (
                <form action={act}>
                  <input type="hidden" name="step" value="fulfil" />
                  <Button type="submit" className="w-full">
                    Mark in fulfilment
                  </Button>
                </form>
              ) : null}
              {order.status === 'in_fulfilment' ? (
                <form action={act} className="space-y-3">
                  <input type="hidden" name="step" value="ship" />
                  <div>
                    <label htmlFor="carrier" className={labelClasses}>
                      Carrier
                    </label>
                    <select
                      id="carrier"
                      name="carrier"
                      defaultValue=""
                      className={`${inputClasses} mt-1.5`}
                    >
                      {Object.entries(carriers).map(([code, carrier]) => (
                        <option key={code} value={code}>
                          {carrier.name}
                        </option>
                      ))}
                      <option value="">Another carrier (no tracking link)</option>
                    </select>
                  </div>
                  <div>
                    <label htmlFor="trackingNumber" className={labelClasses}>
                      Tracking number
                    </label>
                    <input
                      id="trackingNumber"
                      name="trackingNumber"
                      required
                      minLength={4}
                      maxLength={60}
                      autoComplete="off"
                      className={`${inputClasses} mt-1.5 font-mono`}
                    />
                  </div>
                  <Button type="submit" className="w-full">
                    Mark shipped
                  </Button>
                </form>
              ) : null}
              {order.status === 'shipped' ? (
                <form action={act}>
                  <input type="hidden" name="step" value="deliver" />
                  <Button type="submit" className="w-full">
                    Mark delivered
                  </Button>
                </form>
              ) : null}
              {order.status === 'delivered' ||
              order.status === 'cancelled' ||
              order.status === 'refunded' ? (
                <p className="text-sm text-ink-700">Nothing more to do for this order.</p>
              ) : null}
              {isCancellable(order.status) ? (
                <form action={act} className="border-t border-ink-200 pt-4">
                  <input type="hidden" name="step" value="cancel" />
                  <Button type="submit" variant="secondary" className="w-full text-red-700">
                    Cancel order{order.status === 'pending_payment' ? '' : ' and refund'}
                  </Button>
                </form>
              ) : null}
              {paidOnce && (order.status === 'shipped' || order.status === 'delivered') ? (
                <form action={act} className="space-y-3 border-t border-ink-200 pt-4">
                  <input type="hidden" name="step" value="refund" />
                  <div>
                    <label htmlFor="refund-note" className={labelClasses}>
                      Reason for the refund (optional)
                    </label>
                    <input
                      id="refund-note"
                      name="note"
                      maxLength={500}
                      className={`${inputClasses} mt-1.5`}
                    />
                  </div>
                  <Button type="submit" variant="secondary" className="w-full text-red-700">
                    Refund payment
                  </Button>
                </form>
              ) : null}
            </div>
          </Card>
          <Card className="p-6">
            <h2 className="text-lg font-semibold text-ink-950">History</h2>
            <div className="mt-5">
              <StatusTimeline order={order} />
            </div>
          </Card>
        </div>
      </div>
    </AdminFrame>
  );
}
