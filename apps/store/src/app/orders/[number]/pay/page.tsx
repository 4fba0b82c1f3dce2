import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound, redirect } from 'next/navigation';
import { Button, Card, Container, formatPrice } from '@makrx/ui';
import { Notice } from '../../../../components/form-field';
import {
  confirmOrderPayment,
  payForOrder,
  startStripePayment,
} from '../../../../features/orders/actions';
import { StripePaymentForm } from '../../../../features/orders/components/stripe-payment-form';
import { TestCardForm } from '../../../../features/orders/components/test-card-form';
import { OrderLines } from '../../../../features/orders/components/order-lines';
import { findVisibleOrder, linkTokenQuery } from '../../../../features/orders/order-lookup';
import { paymentFailureMessage } from '../../../../features/orders/payment-errors';
import { CheckoutSteps } from '../../../../features/checkout/components/checkout-steps';
import { serverFlags } from '../../../../features/flags/server-flags';
import { storeConfig } from '../../../../lib/config';

export const metadata: Metadata = { title: 'Payment', robots: { index: false } };

interface PayPageProps {
  params: Promise<{ number: string }>;
  searchParams: Promise<{ failed?: string; confirm?: string; token?: string }>;
}

export default async function PayPage({ params, searchParams }: PayPageProps) {
  const { number } = await params;
  const { failed, confirm, token } = await searchParams;
  const visible = await findVisibleOrder(number, token);
  const tokenField = token ? <input type="hidden" name="token" value={token} /> : null;
  if (!visible) notFound();
  const { order } = visible;
  if (order.status !== 'pending_payment') {
    redirect(`/orders/${encodeURIComponent(number)}${linkTokenQuery(token)}`);
  }
  const failure = paymentFailureMessage(failed);
  const flags = await serverFlags();
  // With Stripe, Stripe's Payment Element takes the card; without, the offline test gateway
  // (DESIGN: embedded mode) takes Stripe's test card tokens.
  const { stripePublishableKey } = await storeConfig();
  const total = formatPrice(order.totalCents, order.currency);

  return (
    <Container className="py-8 sm:py-12">
      <CheckoutSteps current="payment" onePage={flags.isOn('ENABLE_NEW_CHECKOUT_FLOW')} />
      <h1 className="mt-6 text-3xl font-extrabold tracking-tight text-ink-950">
        {confirm ? 'Confirm your payment' : 'Payment'}
      </h1>
      <p className="mt-2 text-ink-600">
        Order <span className="font-mono font-semibold text-ink-900">{order.number}</span> is
        waiting for payment of {total}. Your items are held for you until{' '}
        {new Date(order.expiresAt).toLocaleTimeString('en-US', {
          hour: 'numeric',
          minute: '2-digit',
          timeZone: 'UTC',
        })}{' '}
        UTC.
      </p>

      <div className="mt-8 grid gap-8 lg:grid-cols-[1fr_24rem] lg:gap-12">
        <div>
          {confirm ? (
            <Card className="p-6 sm:p-8">
              <h2 className="text-lg font-semibold text-ink-950">
                Your card issuer asks you to confirm
              </h2>
              <p className="mt-2 text-sm text-ink-700">
                Your bank wants to make sure it is you paying {total} to MakrX.Store. Confirm to
                complete the payment, or go back and use another card.
              </p>
              <form
                action={confirmOrderPayment.bind(null, order.number)}
                className="mt-6 flex flex-wrap gap-3"
              >
                <input type="hidden" name="paymentId" value={confirm} />
                {tokenField}
                <Button type="submit" name="decision" value="confirm" size="lg">
                  Confirm payment of {total}
                </Button>
                <Button type="submit" name="decision" value="decline" variant="secondary" size="lg">
                  Use another card
                </Button>
              </form>
            </Card>
          ) : order.paymentProcessing ? (
            <Card className="p-6 sm:p-8">
              <Notice tone="info" title="Payment processing">
                Your payment of {total} is being processed by your bank. Nothing else is needed from
                you: the order page shows when it has gone through, and we email you then.
              </Notice>
            </Card>
          ) : (
            <Card className="p-6 sm:p-8">
              <h2 className="text-lg font-semibold text-ink-950">Pay by card</h2>
              {failure ? (
                <Notice tone="danger" title="Payment failed" className="mt-4">
                  {failure}
                </Notice>
              ) : null}
              {stripePublishableKey ? (
                <StripePaymentForm
                  publishableKey={stripePublishableKey}
                  start={startStripePayment.bind(null, order.number, token)}
                  returnPath={`/orders/${encodeURIComponent(order.number)}${linkTokenQuery(token)}`}
                  total={total}
                />
              ) : (
                <>
                  <p className="mt-2 text-sm text-ink-700">
                    This is a test store: payments go through the offline test gateway and no real
                    money moves. Choose one of Stripe’s test cards — only its test token is sent,
                    never a card number.
                  </p>
                  <TestCardForm
                    action={payForOrder.bind(null, order.number)}
                    total={total}
                    linkToken={token}
                  />
                </>
              )}
            </Card>
          )}
        </div>
        <aside aria-labelledby="summary-title">
          <Card className="p-6">
            <h2 id="summary-title" className="text-lg font-semibold text-ink-950">
              Order summary
            </h2>
            <OrderLines order={order} linkProducts={false} />
          </Card>
          <p className="mt-4 text-sm text-ink-600">
            Changed your mind?{' '}
            <Link
              href={`/orders/${encodeURIComponent(order.number)}${linkTokenQuery(token)}`}
              className="font-medium text-accent-700 underline-offset-4 hover:underline"
            >
              View or cancel the order
            </Link>
          </p>
        </aside>
      </div>
    </Container>
  );
}
