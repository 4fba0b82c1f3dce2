import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { Button, Card, formatPrice } from '@makrx/ui';
import { placeReviewedOrder } from '../../../features/checkout/actions';
import { CheckoutFrame } from '../../../features/checkout/components/checkout-frame';
import { loadCheckout } from '../../../features/checkout/checkout-state';
import { ShippingAddress } from '../../../features/orders/components/shipping-address';

export const metadata: Metadata = { title: 'Checkout: review', robots: { index: false } };

function ReviewRow({
  title,
  change,
  children,
}: {
  title: string;
  change: string;
  children: React.ReactNode;
}) {
  return (
    <div className="flex items-start justify-between gap-4 py-4">
      <div>
        <h2 className="text-sm font-semibold text-ink-950">{title}</h2>
        <div className="mt-1 text-sm text-ink-700">{children}</div>
      </div>
      <Link
        href={change}
        className="text-sm font-medium text-accent-700 underline-offset-4 hover:underline"
      >
        Change<span className="sr-only"> {title.toLowerCase()}</span>
      </Link>
    </div>
  );
}

export default async function ReviewStep({
  searchParams,
}: {
  searchParams: Promise<{ refused?: string; discountProblem?: string }>;
}) {
  const { cart, session, draft, methods, shipping, quote, quoteRefused, discountRefused } =
    await loadCheckout();
  if (!session && !draft.email) redirect('/checkout/contact');
  if (!draft.address) redirect('/checkout/address');
  if (!shipping) redirect('/checkout/shipping');
  const { refused, discountProblem } = await searchParams;
  const pickupAt = methods.find((m) => m.code === draft.shippingMethod)?.pickupAt;
  return (
    <CheckoutFrame
      step="review"
      title="Review your order"
      cart={cart}
      shipping={shipping}
      quote={quote}
      refused={refused}
      quoteRefused={refused ? undefined : quoteRefused}
      discount={{
        applied: discountRefused ? undefined : draft.discountCode,
        problem: discountRefused ?? discountProblem,
      }}
    >
      <Card className="divide-y divide-ink-200 px-6">
        <ReviewRow title="Contact" change={session ? '/checkout/address' : '/checkout/contact'}>
          {session ? session.user.email : draft.email}
        </ReviewRow>
        <ReviewRow title="Shipping address" change="/checkout/address">
          <ShippingAddress address={draft.address} />
        </ReviewRow>
        <ReviewRow title="Shipping method" change="/checkout/shipping">
          {shipping.name}
          {pickupAt ? (
            <span className="block">
              At {pickupAt.name}, {pickupAt.address}
            </span>
          ) : null}
        </ReviewRow>
      </Card>
      <form
        action={placeReviewedOrder}
        className="mt-6 flex flex-col gap-3 sm:flex-row sm:items-center sm:justify-between"
      >
        {/* One key per checkout attempt: submitting this form twice places one order. */}
        <input type="hidden" name="attemptKey" value={draft.attemptKey} />
        <p className="text-sm text-ink-600">
          {quote
            ? `You pay ${formatPrice(quote.totalCents, quote.currency)}, ${
                quote.taxCents > 0
                  ? `including ${formatPrice(quote.taxCents, quote.currency)} tax`
                  : 'with no sales tax for this address'
              }. Your items are held for you while you pay.`
            : 'Your items are held for you while you pay.'}
        </p>
        <Button type="submit" size="lg">
          Place order and pay
        </Button>
      </form>
    </CheckoutFrame>
  );
}
