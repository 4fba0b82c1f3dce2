import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { Button, Card } from '@makrx/ui';
import { saveShipping } from '../../../features/checkout/actions';
import { rateFor, ShippingOptions } from '../../../features/checkout/components/checkout-fields';
import { CheckoutFrame } from '../../../features/checkout/components/checkout-frame';
import { invalidFields, loadCheckout, quoteFor } from '../../../features/checkout/checkout-state';
import { readSavedAddresses } from '../../../features/checkout/saved-addresses';

export const metadata: Metadata = { title: 'Checkout: shipping', robots: { index: false } };

export default async function ShippingStep({
  searchParams,
}: {
  searchParams: Promise<{ invalid?: string; discountProblem?: string }>;
}) {
  const checkout = await loadCheckout();
  const { cart, session, draft, methods } = checkout;
  if (!draft.address) redirect('/checkout/address');
  const invalid = invalidFields((await searchParams).invalid);
  // The method the buyer keeps on MakrX.org, until they choose one here.
  const saved = draft.shippingMethod ? undefined : await readSavedAddresses(session !== null);
  const selected = draft.shippingMethod ?? saved?.defaultShippingMethod ?? methods[0]?.code;
  // Priced for the method the form starts on, so the summary has a total before any choice.
  const method = methods.find((m) => m.code === selected);
  const shipping =
    checkout.shipping ??
    (method ? { name: method.name, cents: rateFor(method, cart.subtotalCents) } : undefined);
  const { quote, quoteRefused, discountRefused } =
    draft.shippingMethod || !method
      ? checkout
      : await quoteFor(draft.address, method.code, draft.discountCode);
  return (
    <CheckoutFrame
      step="shipping"
      title="How should we ship it?"
      cart={cart}
      shipping={shipping}
      quote={quote}
      quoteRefused={quoteRefused}
      discount={{
        applied: discountRefused ? undefined : draft.discountCode,
        problem: discountRefused ?? (await searchParams).discountProblem,
      }}
    >
      <Card className="p-6">
        <form action={saveShipping} className="space-y-6">
          <ShippingOptions
            methods={methods}
            selected={selected}
            subtotalCents={cart.subtotalCents}
            currency={cart.currency}
            invalid={invalid}
          />
          <div className="flex flex-col-reverse gap-3 sm:flex-row sm:items-center sm:justify-between">
            <Link
              href="/checkout/address"
              className="text-sm font-medium text-accent-700 underline-offset-4 hover:underline"
            >
              ← Back to address
            </Link>
            <Button type="submit" size="lg">
              Continue to review
            </Button>
          </div>
        </form>
      </Card>
    </CheckoutFrame>
  );
}
