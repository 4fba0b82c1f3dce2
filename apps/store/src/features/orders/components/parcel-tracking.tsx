import type { Order } from '@makrx/contracts';

/** The tracking number, and the carrier's page for the parcel when the store knows the carrier. */
export function ParcelTracking({ order }: { order: Pick<Order, 'trackingNumber' | 'shipment'> }) {
  if (!order.trackingNumber) return null;
  return (
    <>
      <p className="mt-1 text-sm text-ink-700">
        {order.shipment ? `${order.shipment.carrierName} tracking number ` : 'Tracking number '}
        <span className="font-mono font-semibold text-ink-950">{order.trackingNumber}</span>
      </p>
      {order.shipment ? (
        <p className="mt-1 text-sm">
          <a
            href={order.shipment.trackingUrl}
            rel="noreferrer"
            className="font-semibold text-accent-700 underline underline-offset-4"
          >
            Follow the parcel at {order.shipment.carrierName}
          </a>
        </p>
      ) : null}
    </>
  );
}
