import type { Metadata } from 'next';
import Link from 'next/link';
import { Card, Container } from '@makrx/ui';
import { FindOrderForm } from '../../../features/orders/components/find-order-form';

export const metadata: Metadata = { title: 'Find your order', robots: { index: false } };

/** For a guest without the order email: the link is sent again, to the order's address. */
export default function FindOrderPage() {
  return (
    <Container className="py-10 sm:py-14">
      <div className="mx-auto max-w-md">
        <h1 className="text-3xl font-extrabold tracking-tight text-ink-950">Find your order</h1>
        <p className="mt-3 text-ink-600">
          Ordered as a guest and can’t find the email? Give the order number and your email address,
          and we will send the order’s link there again.
        </p>
        <Card className="mt-8 p-6">
          <FindOrderForm />
        </Card>
        <p className="mt-6 text-center text-sm text-ink-600">
          Have a MakrX account?{' '}
          <a
            href="/auth/login?returnTo=%2Forders"
            className="font-medium text-accent-700 underline-offset-4 hover:underline"
          >
            Sign in
          </a>{' '}
          to see all your orders, or{' '}
          <Link href="/" className="font-medium text-accent-700 underline-offset-4 hover:underline">
            keep shopping
          </Link>
          .
        </p>
      </div>
    </Container>
  );
}
