import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound, redirect } from 'next/navigation';
import { buttonClasses, Card, Container, cx } from '@makrx/ui';
import { OrderLines } from '../../../../features/orders/components/order-lines';
import { ShippingAddress } from '../../../../features/orders/components/shipping-address';
import { findVisibleOrder, linkTokenQuery } from '../../../../features/orders/order-lookup';
import { currentSession } from '../../../../features/session/current-session';

export const metadata: Metadata = { title: 'Thank you for your order', robots: { index: false } };

export default async function ConfirmationPage({
  params,
  searchParams,
}: {
  params: Promise<{ number: string }>;
  searchParams: Promise<{ token?: string }>;
}) {
  const { number } = await params;
  const { token } = await searchParams;
  const visible = await findVisibleOrder(number, token);
  if (!visible) notFound();
  const { order } = visible;
  const session = await currentSession();
  if (order.status === 'pending_payment')
    redirect(`/orders/${encodeURIComponent(number)}/pay${linkTokenQuery(token)}`);
  const orderHref = `/orders/${encodeURIComponent(order.number)}`;
  const carry = linkTokenQuery(token);

  return (
    <Container className="py-10 sm:py-14">
      <div className="mx-auto max-w-3xl">
        <div className="flex items-start gap-4">
          <span
            aria-hidden="true"
            className="flex size-12 shrink-0 items-center justify-center rounded-full bg-emerald-100 text-emerald-700"
          >
            <svg
              viewBox="0 0 24 24"
              fill="none"
              stroke="currentColor"
              strokeWidth="2.5"
              className="size-6"
            >
              <path d="M5 13l4 4L19 7" strokeLinecap="round" strokeLinejoin="round" />
            </svg>
          </span>
          <div>
            <h1 className="text-3xl font-extrabold tracking-tight text-ink-950">
              Thank you — your order is confirmed
            </h1>
            <p className="mt-2 text-ink-700">
              Order <span className="font-mono font-semibold text-ink-950">{order.number}</span> is
              paid. A confirmation with a link to follow your order is on its way to{' '}
              <span className="font-medium text-ink-950">{order.email}</span>.
            </p>
          </div>
        </div>

        <div className="mt-8 grid gap-6 sm:grid-cols-[1fr_16rem]">
          <Card className="self-start p-6">
            <h2 className="text-lg font-semibold text-ink-950">What you ordered</h2>
            <OrderLines order={order} />
          </Card>
          <div className="space-y-6">
            <Card className="p-6">
              <h2 className="text-sm font-semibold text-ink-950">Shipping to</h2>
              <div className="mt-2">
                <ShippingAddress address={order.shippingAddress} />
              </div>
              <p className="mt-3 text-sm text-ink-600">{order.shippingMethod.name}</p>
            </Card>
            {session ? null : (
              <Card className="border-accent-200 bg-accent-50/60 p-6">
                <h2 className="text-sm font-semibold text-ink-950">
                  Keep this order in an account
                </h2>
                <p className="mt-2 text-sm text-ink-700">
                  Create a MakrX account with{' '}
                  <span className="font-medium break-all text-ink-950">{order.email}</span>. Once
                  you confirm that address from the email we send, this order is in My orders, with
                  the next ones.
                </p>
                <a
                  href={`/auth/login?${new URLSearchParams({ signup: '1', email: order.email, returnTo: '/orders' }).toString()}`}
                  className={cx(buttonClasses({ variant: 'secondary' }), 'mt-4 w-full')}
                >
                  Create an account
                </a>
              </Card>
            )}
            <div className="flex flex-col gap-3">
              <Link href={`${orderHref}${carry}`} className={buttonClasses({ size: 'lg' })}>
                Track your order
              </Link>
              <Link
                href={`${orderHref}/invoice${carry}`}
                className={buttonClasses({ variant: 'secondary' })}
              >
                View invoice
              </Link>
              <Link href="/" className={buttonClasses({ variant: 'ghost' })}>
                Continue shopping
              </Link>
            </div>
          </div>
        </div>
      </div>
    </Container>
  );
}
