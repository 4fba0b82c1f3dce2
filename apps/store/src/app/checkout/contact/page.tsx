import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { Button, Card } from '@makrx/ui';
import { saveContact } from '../../../features/checkout/actions';
import { ContactFields } from '../../../features/checkout/components/checkout-fields';
import { CheckoutFrame } from '../../../features/checkout/components/checkout-frame';
import { invalidFields, loadCheckout } from '../../../features/checkout/checkout-state';

export const metadata: Metadata = { title: 'Checkout: contact', robots: { index: false } };

export default async function ContactStep({
  searchParams,
}: {
  searchParams: Promise<{ invalid?: string; discountProblem?: string }>;
}) {
  const { cart, session, draft, shipping } = await loadCheckout();
  if (session) redirect('/checkout/address');
  const invalid = invalidFields((await searchParams).invalid);
  return (
    <CheckoutFrame
      step="contact"
      title="How can we reach you?"
      cart={cart}
      shipping={shipping}
      discount={{ applied: draft.discountCode, problem: (await searchParams).discountProblem }}
    >
      <Card className="p-6">
        <form action={saveContact} className="space-y-6">
          <ContactFields email={draft.email} invalid={invalid} />
          <div className="flex flex-col-reverse gap-3 sm:flex-row sm:items-center sm:justify-between">
            <p className="text-sm text-ink-600">
              Have an account?{' '}
              <a
                href="/auth/login?returnTo=%2Fcheckout"
                className="font-medium text-accent-700 underline-offset-4 hover:underline"
              >
                Sign in
              </a>{' '}
              to use your saved details.
            </p>
            <Button type="submit" size="lg">
              Continue to address
            </Button>
          </div>
        </form>
      </Card>
    </CheckoutFrame>
  );
}
