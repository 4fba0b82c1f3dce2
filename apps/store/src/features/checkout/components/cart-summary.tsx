import Link from 'next/link';
import type { CheckoutQuote } from '@makrx/contracts';
import { Card, formatPrice } from '@makrx/ui';
import type { Cart } from '../../cart/api';
import { optionsText } from '@makrx/contracts/line-names';

/** The checkout's sidebar: what is being bought, at the prices the service gave just now. */
export function CheckoutCartSummary({
  cart,
  shipping,
  quote,
}: {
  cart: Cart;
  shipping?: { name: string; cents: number };
  /** The service's price for the address and method chosen: shipping, tax and total. */
  quote?: CheckoutQuote;
}) {
  const price = (cents: number) => formatPrice(cents, quote?.currency ?? cart.currency);
  const shippingCents = quote?.shippingCents ?? shipping?.cents;
  const shippingName = quote?.shippingMethod.name ?? shipping?.name;
  const taxPercent = quote
    ? (quote.taxRateBasisPoints / 100).toLocaleString('en-US', { maximumFractionDigits: 2 })
    : undefined;
  return (
    <Card className="p-6">
      <div className="flex items-baseline justify-between gap-4">
        <h2 className="text-lg font-semibold text-ink-950">Your order</h2>
        <Link
          href="/cart"
          className="text-sm font-medium text-accent-700 underline-offset-4 hover:underline"
        >
          Edit cart
        </Link>
      </div>
      <ul className="mt-4 divide-y divide-ink-100">
        {cart.lines.map((line) => (
          <li key={line.variantId} className="flex justify-between gap-4 py-3 text-sm">
            <div className="min-w-0">
              <p className="font-medium text-ink-950">
                {line.quantity} × {line.productName}
              </p>
              {Object.keys(line.options).length > 0 ? (
                <p className="text-ink-600">{optionsText(line.options)}</p>
              ) : null}
            </div>
            <p className="shrink-0 text-ink-950 tabular-nums">{price(line.lineTotalCents)}</p>
          </li>
        ))}
      </ul>
      <dl className="mt-2 grid grid-cols-[1fr_auto] gap-y-2 border-t border-ink-200 pt-4 text-sm">
        <dt className="text-ink-600">Subtotal</dt>
        <dd className="text-right text-ink-950 tabular-nums">{price(cart.subtotalCents)}</dd>
        <dt className="text-ink-600">Shipping{shippingName ? ` (${shippingName})` : ''}</dt>
        <dd className="text-right text-ink-950 tabular-nums">
          {shippingCents === undefined
            ? 'Not chosen yet'
            : shippingCents === 0
              ? 'Free'
              : price(shippingCents)}
        </dd>
        {quote ? (
          <>
            <dt className="text-ink-600">Tax ({taxPercent}%)</dt>
            <dd className="text-right text-ink-950 tabular-nums">{price(quote.taxCents)}</dd>
            <dt className="border-t border-ink-200 pt-3 text-base font-semibold text-ink-950">
              Total
            </dt>
            <dd className="border-t border-ink-200 pt-3 text-right text-base font-bold text-ink-950 tabular-nums">
              {price(quote.totalCents)}
            </dd>
          </>
        ) : (
          <>
            <dt className="text-ink-600">Tax</dt>
            <dd className="text-right text-ink-600">Once we have your address</dd>
          </>
        )}
      </dl>
    </Card>
  );
}
