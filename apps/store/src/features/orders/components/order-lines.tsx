import Link from 'next/link';
import { formatPrice } from '@makrx/ui';
import type { Order } from '@makrx/contracts';
import { optionsText } from '@makrx/contracts/line-names';

type Priced = Pick<
  Order,
  | 'lines'
  | 'currency'
  | 'subtotalCents'
  | 'discountCents'
  | 'discountCode'
  | 'shippingCents'
  | 'taxCents'
  | 'taxRateBasisPoints'
  | 'totalCents'
  | 'shippingMethod'
>;

/** The lines of an order and its totals, all as the service computed them. */
export function OrderLines({
  order,
  linkProducts = true,
  reviewable = false,
}: {
  order: Priced;
  linkProducts?: boolean;
  /** The buyer's own delivered order: each product line links to its review form. */
  reviewable?: boolean;
}) {
  const price = (cents: number) => formatPrice(cents, order.currency);
  const taxPercent = (order.taxRateBasisPoints / 100).toLocaleString('en-US', {
    maximumFractionDigits: 2,
  });
  return (
    <div>
      <ul className="divide-y divide-ink-200" aria-label="Items">
        {order.lines.map((line) => (
          <li
            key={line.variantId ?? line.sku}
            className="flex items-start justify-between gap-4 py-4"
          >
            <div className="min-w-0">
              <p className="font-semibold text-ink-950">
                {linkProducts && line.kind === 'product' ? (
                  <Link
                    href={`/products/${line.productSlug}`}
                    className="underline-offset-4 hover:underline"
                  >
                    {line.productName}
                  </Link>
                ) : (
                  line.productName
                )}
              </p>
              {Object.keys(line.options).length > 0 ? (
                <p className="mt-0.5 text-sm text-ink-600">{optionsText(line.options)}</p>
              ) : null}
              <p className="mt-0.5 text-sm text-ink-600">
                <span className="font-mono text-xs">{line.sku}</span> · {line.quantity} ×{' '}
                {price(line.unitPriceCents)}
              </p>
              {reviewable && line.kind === 'product' ? (
                <Link
                  href={`/products/${line.productSlug}/review`}
                  className="mt-2 inline-block text-sm font-semibold text-accent-700 underline-offset-4 hover:underline"
                >
                  Review this product
                  <span className="sr-only">: {line.productName}</span>
                </Link>
              ) : null}
            </div>
            <p className="shrink-0 font-semibold text-ink-950 tabular-nums">
              {price(line.lineTotalCents)}
            </p>
          </li>
        ))}
      </ul>
      <dl className="grid grid-cols-[1fr_auto] gap-x-6 gap-y-2 border-t border-ink-200 pt-4 text-sm">
        <dt className="text-ink-600">Subtotal</dt>
        <dd className="text-right text-ink-900 tabular-nums">{price(order.subtotalCents)}</dd>
        {order.discountCode ? (
          <>
            <dt className="text-ink-600">Discount ({order.discountCode})</dt>
            <dd className="text-right text-emerald-700 tabular-nums" data-testid="order-discount">
              −{price(order.discountCents)}
            </dd>
          </>
        ) : null}
        <dt className="text-ink-600">Shipping ({order.shippingMethod.name})</dt>
        <dd className="text-right text-ink-900 tabular-nums">
          {order.shippingCents === 0 ? 'Free' : price(order.shippingCents)}
        </dd>
        <dt className="text-ink-600">Tax ({taxPercent}%)</dt>
        <dd className="text-right text-ink-900 tabular-nums">{price(order.taxCents)}</dd>
        {/* One row across both columns: a border on each cell left the column gap unruled. */}
        <div className="col-span-2 mt-1 flex items-baseline justify-between gap-6 border-t border-ink-200 pt-3">
          <dt className="text-base font-semibold text-ink-950">Total</dt>
          <dd className="text-right text-base font-bold text-ink-950 tabular-nums">
            {price(order.totalCents)}
          </dd>
        </div>
      </dl>
    </div>
  );
}
