import Link from 'next/link';
import type { CheckoutQuote } from '@makrx/contracts';
import { Card, formatPrice } from '@makrx/ui';
import type { Cart } from '../../cart/api';
import { optionsText } from '@makrx/contracts/line-names';
import { DiscountCodeForm } from '../../promotions/components/discount-code-form';
import { discountProblemMessage } from '../../promotions/discount-messages';

/** The checkout's sidebar: what is being bought, at the prices the service gave just now. */
export function CheckoutCartSummary({
  cart,
  shipping,
  quote,
  discount,
  returnTo,
  unpriced = false,
}: {
  cart: Cart;
  discount?: { applied?: string; problem?: string };
  /** The page the discount code form comes back to. */
  returnTo: string;
  shipping?: { name: string; cents: number };
  /** The service's price for the address and method chosen: shipping, tax and total. */
  quote?: CheckoutQuote;
  /** The service would not price this address: no total is shown, and the frame says why. */
  unpriced?: boolean;
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
      <dl
        aria-live="polite"
        className="mt-2 grid grid-cols-[1fr_auto] gap-y-2 border-t border-ink-200 pt-4 text-sm"
      >
        <dt className="text-ink-600">Subtotal</dt>
        <dd className="text-right text-ink-950 tabular-nums">{price(cart.subtotalCents)}</dd>
        {quote && quote.discountCents > 0 ? (
          <>
            <dt className="text-ink-600">Discount ({quote.discountCode})</dt>
            <dd
              className="text-right font-medium text-emerald-700 tabular-nums"
              data-testid="checkout-discount"
            >
              −{price(quote.discountCents)}
            </dd>
          </>
        ) : null}
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
            {/* One row across both columns, so its divider runs the full width unbroken. */}
            <div className="col-span-2 mt-1 flex items-baseline justify-between gap-4 border-t border-ink-200 pt-3">
              <dt className="text-base font-semibold text-ink-950">Total</dt>
              <dd className="text-right text-base font-bold text-ink-950 tabular-nums">
                {price(quote.totalCents)}
              </dd>
            </div>
          </>
        ) : (
          <>
            <dt className="text-ink-600">Tax</dt>
            <dd
              className={
                unpriced ? 'text-right font-medium text-red-700' : 'text-right text-ink-600'
              }
            >
              {unpriced ? 'Not available for this address' : 'Once we have your address'}
            </dd>
          </>
        )}
      </dl>
      <div className="border-t border-ink-200 mt-4">
        <DiscountCodeForm
          applied={discount?.applied}
          problem={discountProblemMessage(discount?.problem)}
          returnTo={returnTo}
        />
      </div>
    </Card>
  );
}
