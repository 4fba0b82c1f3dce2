import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { Button, Card } from '@makrx/ui';
import { placeOnePageOrder } from '../../features/checkout/actions';
import {
  AddressFields,
  ContactFields,
  ShippingOptions,
} from '../../features/checkout/components/checkout-fields';
import { CheckoutFrame } from '../../features/checkout/components/checkout-frame';
import { LiveAddress } from '../../features/checkout/components/live-address';
import { invalidFields, loadCheckout, quoteFor } from '../../features/checkout/checkout-state';
import { SavedAddressPicker } from '../../features/checkout/components/saved-address-picker';
import {
  picksSavedAddress,
  preselectedAddress,
  readSavedAddresses,
  toShippingAddress,
} from '../../features/checkout/saved-addresses';
import { serverFlags } from '../../features/flags/server-flags';
import { storeConfig } from '../../lib/config';

export const metadata: Metadata = { title: 'Checkout', robots: { index: false } };

interface CheckoutPageProps {
  searchParams: Promise<{
    invalid?: string;
    refused?: string;
    address?: string;
    saved?: string;
    discountProblem?: string;
  }>;
}

/**
 * ENABLE_NEW_CHECKOUT_FLOW on: everything on one page. Off: the classic steps, starting with
 * the contact step for a guest and the address for someone signed in.
 */
export default async function CheckoutPage({ searchParams }: CheckoutPageProps) {
  const flags = await serverFlags();
  const { cart, session, draft, methods, shipping } = await loadCheckout();
  if (!flags.isOn('ENABLE_NEW_CHECKOUT_FLOW')) {
    redirect(session ? '/checkout/address' : '/checkout/contact');
  }
  const query = await searchParams;
  const invalid = invalidFields(query.invalid);
  const saved = await readSavedAddresses(session !== null);
  const picking = picksSavedAddress(saved.addresses, draft, query.address);
  const selectedAddress = picking ? preselectedAddress(saved.addresses, draft) : undefined;
  const selectedMethod = draft.shippingMethod ?? saved.defaultShippingMethod ?? methods[0]?.code;
  // Priced as the form starts: the address and method it submits unless the buyer changes them.
  const picked = saved.addresses.find((a) => a.id === selectedAddress);
  const startingAddress = picked
    ? toShippingAddress(picked)
    : draft.enteredAddress
      ? undefined
      : draft.address;
  const { quote, quoteRefused, discountRefused } =
    startingAddress && selectedMethod
      ? await quoteFor(startingAddress, selectedMethod, draft.discountCode)
      : {};
  const { portalUrls } = await storeConfig();
  const sectionTitle = 'text-lg font-semibold text-ink-950';

  return (
    <CheckoutFrame
      step="details"
      onePage
      title="Checkout"
      cart={cart}
      shipping={shipping}
      quote={quote}
      refused={query.refused}
      discount={{
        applied: discountRefused ? undefined : draft.discountCode,
        problem: discountRefused ?? query.discountProblem,
      }}
      quoteRefused={query.refused ? undefined : quoteRefused}
      savedToFix={query.saved === 'fix'}
    >
      <form action={placeOnePageOrder} className="space-y-6">
        <input type="hidden" name="attemptKey" value={draft.attemptKey} />
        <Card className="p-6">
          <h2 className={sectionTitle}>Contact</h2>
          <div className="mt-4">
            {session ? (
              <p className="text-sm text-ink-700">
                Signed in as <span className="font-medium text-ink-950">{session.user.email}</span>;
                your confirmation goes there.
              </p>
            ) : (
              <ContactFields email={draft.email} invalid={invalid} />
            )}
          </div>
        </Card>
        <Card className="p-6">
          <h2 className={sectionTitle}>Shipping address</h2>
          <div className="mt-4">
            {picking ? (
              <SavedAddressPicker
                addresses={saved.addresses}
                selected={selectedAddress}
                invalid={invalid}
                anotherHref="/checkout?address=new"
                manageUrl={`${portalUrls.gateway}/account/addresses`}
              />
            ) : (
              <>
                <LiveAddress />
                <AddressFields
                  values={draft.enteredAddress ?? draft.address ?? {}}
                  invalid={invalid}
                />
              </>
            )}
          </div>
        </Card>
        <Card className="p-6">
          <ShippingOptions
            methods={methods}
            selected={selectedMethod}
            subtotalCents={cart.subtotalCents}
            currency={cart.currency}
            invalid={invalid}
          />
        </Card>
        <div className="flex flex-col gap-3 sm:flex-row sm:items-center sm:justify-between">
          <p className="text-sm text-ink-600">
            {quote
              ? 'Tax and total are for the address and shipping selected; you see them again before you pay.'
              : 'Tax and total show once your address is in; you see them before you pay.'}
          </p>
          <Button type="submit" size="lg">
            Continue to payment
          </Button>
        </div>
      </form>
    </CheckoutFrame>
  );
}
