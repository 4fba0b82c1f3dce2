import Stripe from 'stripe';
import type { PaymentProvider, PaymentSource, ProviderPayment } from './provider';

/** A Payment Intent as our payment sees it. */
function fromIntent(intent: Stripe.PaymentIntent): ProviderPayment {
  switch (intent.status) {
    case 'succeeded':
    case 'processing':
      // "processing" settles by webhook; card payments go straight to succeeded.
      return { providerPaymentId: intent.id, status: 'succeeded' };
    case 'requires_action':
    case 'requires_confirmation':
      return { providerPaymentId: intent.id, status: 'requires_action' };
    default: {
      const error = intent.last_payment_error;
      return {
        providerPaymentId: intent.id,
        status: 'failed',
        code: error?.code ?? 'payment_failed',
        message: error?.message ?? 'The payment did not go through. Try another card.',
      };
    }
  }
}

function paymentMethodOf(source: PaymentSource) {
  if ('paymentMethod' in source) return { payment_method: source.paymentMethod };
  const { number, expMonth, expYear, cvc } = source.card;
  return {
    payment_method_data: {
      type: 'card' as const,
      card: { number, exp_month: expMonth, exp_year: expYear, cvc },
    } as unknown as Stripe.PaymentIntentCreateParams.PaymentMethodData,
  };
}

/** A declined card is an answer, not an error: it becomes a failed payment. */
function fromCardError(error: unknown): ProviderPayment | undefined {
  if (!(error instanceof Stripe.errors.StripeCardError)) return undefined;
  return {
    providerPaymentId: error.payment_intent?.id ?? null,
    status: 'failed',
    code: error.code ?? 'card_declined',
    message: error.message,
  };
}

/** Stripe Payment Intents, confirmed on creation; webhooks settle what happens later. */
export function createStripeGateway(secretKey: string, apiUrl: string): PaymentProvider {
  const url = new URL(apiUrl);
  const stripe = new Stripe(secretKey, {
    host: url.hostname,
    port: url.port || (url.protocol === 'https:' ? 443 : 80),
    protocol: url.protocol === 'https:' ? 'https' : 'http',
    maxNetworkRetries: 2,
    telemetry: false,
  });
  return {
    name: 'stripe',
    async charge({ amountCents, currency, source, idempotencyKey, metadata }) {
      try {
        const intent = await stripe.paymentIntents.create(
          {
            amount: amountCents,
            currency: currency.toLowerCase(),
            ...paymentMethodOf(source),
            automatic_payment_methods: { enabled: true, allow_redirects: 'never' },
            confirm: true,
            metadata,
          },
          { idempotencyKey },
        );
        return fromIntent(intent);
      } catch (error) {
        const failed = fromCardError(error);
        if (failed) return failed;
        throw error;
      }
    },
    async confirm(providerPaymentId) {
      const intent = await stripe.paymentIntents.retrieve(providerPaymentId);
      if (intent.status !== 'requires_action' && intent.status !== 'requires_confirmation') {
        return fromIntent(intent);
      }
      try {
        return fromIntent(await stripe.paymentIntents.confirm(providerPaymentId));
      } catch (error) {
        const failed = fromCardError(error);
        if (failed) return failed;
        throw error;
      }
    },
    async refund(providerPaymentId, idempotencyKey) {
      const refund = await stripe.refunds.create(
        { payment_intent: providerPaymentId },
        { idempotencyKey },
      );
      return { refundId: refund.id };
    },
  };
}

/** The event a webhook request carries, if its signature over the raw body is right. */
export function verifyStripeWebhook(
  rawBody: string,
  signature: string | undefined,
  webhookSecret: string,
): Stripe.Event | undefined {
  if (!signature) return undefined;
  try {
    return Stripe.webhooks.constructEvent(rawBody, signature, webhookSecret);
  } catch {
    return undefined;
  }
}
