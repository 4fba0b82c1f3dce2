import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { Button, Card } from '@makrx/ui';
import { saveAddress } from '../../../features/checkout/actions';
import { AddressFields } from '../../../features/checkout/components/checkout-fields';
import { CheckoutFrame } from '../../../features/checkout/components/checkout-frame';
import { invalidFields, loadCheckout } from '../../../features/checkout/checkout-state';
import { SavedAddressPicker } from '../../../features/checkout/components/saved-address-picker';
import {
  picksSavedAddress,
  preselectedAddress,
  readSavedAddresses,
} from '../../../features/checkout/saved-addresses';
import { storeConfig } from '../../../lib/config';

export const metadata: Metadata = { title: 'Checkout: address', robots: { index: false } };

export default async function AddressStep({
  searchParams,
}: {
  searchParams: Promise<{
    invalid?: string;
    address?: string;
    refused?: string;
    saved?: string;
    discountProblem?: string;
  }>;
}) {
  const { cart, session, draft, shipping, quote, quoteRefused } = await loadCheckout();
  if (!session && !draft.email) redirect('/checkout/contact');
  const query = await searchParams;
  const invalid = invalidFields(query.invalid);
  const saved = await readSavedAddresses(session !== null);
  const { portalUrls } = await storeConfig();
  return (
    <CheckoutFrame
      step="address"
      title="Where should we ship it?"
      cart={cart}
      shipping={shipping}
      quote={quote}
      refused={query.refused}
      quoteRefused={query.refused ? undefined : quoteRefused}
      savedToFix={query.saved === 'fix'}
      discount={{ applied: draft.discountCode, problem: query.discountProblem }}
    >
      <Card className="p-6">
        <form action={saveAddress} className="space-y-6">
          {picksSavedAddress(saved.addresses, draft, query.address) ? (
            <SavedAddressPicker
              addresses={saved.addresses}
              selected={preselectedAddress(saved.addresses, draft)}
              invalid={invalid}
              anotherHref="/checkout/address?address=new"
              manageUrl={`${portalUrls.gateway}/account/addresses`}
            />
          ) : (
            <AddressFields values={draft.enteredAddress ?? draft.address ?? {}} invalid={invalid} />
          )}
          <div className="flex flex-col-reverse gap-3 sm:flex-row sm:items-center sm:justify-between">
            {session ? (
              <span />
            ) : (
              <Link
                href="/checkout/contact"
                className="text-sm font-medium text-accent-700 underline-offset-4 hover:underline"
              >
                ← Back to contact
              </Link>
            )}
            <Button type="submit" size="lg">
              Continue to shipping
            </Button>
          </div>
        </form>
      </Card>
    </CheckoutFrame>
  );
}
