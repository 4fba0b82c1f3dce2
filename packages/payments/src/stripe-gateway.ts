import Stripe from 'stripe';
import type { PaymentProvider, PaymentSource, ProviderPayment } from './provider';

/** A Payment Intent as our payment sees it. */
function fromIntent(intent: Stripe.PaymentIntent): ProviderPayment {
  switch (intent.status) {
    case 'succeeded':
      return { providerPaymentId: intent.id, status: 'succeeded' };
    case 'processing':
      // Not paid yet: payment_intent.succeeded or payment_intent.payment_failed settles it.
      return { providerPaymentId: intent.id, status: 'processing' };
    case 'requires_action':
    case 'requires_confirmation':
      return { providerPaymentId: intent.id, status: 'requires_action' };
    case 'requires_payment_method':
      // Not tried yet (a Payment Element the buyer has not submitted): still the buyer's to pay.
      if (!intent.last_payment_error) {
        return { providerPaymentId: intent.id, status: 'requires_action' };
      }
      return failedIntent(intent);
    default:
      return failedIntent(intent);
  }
}

function failedIntent(intent: Stripe.PaymentIntent): ProviderPayment {
  const error = intent.last_payment_error;
  return {
    providerPaymentId: intent.id,
    status: 'failed',
    code: error?.code ?? 'payment_failed',
    message: error?.message ?? 'The payment did not go through. Try another card.',
  };
}

/** A card token (`tok_…`) becomes the intent's card; a payment method (`pm_…`) is used as is. */
function paymentMethodOf({ paymentMethod }: PaymentSource) {
  if (!paymentMethod.startsWith('tok_')) return { payment_method: paymentMethod };
  return {
    payment_method_data: {
      type: 'card' as const,
      card: { token: paymentMethod },
    } as Stripe.PaymentIntentCreateParams.PaymentMethodData,
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
    async startPayment({ amountCents, currency, idempotencyKey, metadata }) {
      // Confirmed by the browser with Stripe.js; the webhook tells the store how it ended.
      const intent = await stripe.paymentIntents.create(
        {
          amount: amountCents,
          currency: currency.toLowerCase(),
          automatic_payment_methods: { enabled: true },
          metadata,
        },
        { idempotencyKey },
      );
      if (!intent.client_secret) throw new Error(`Payment Intent ${intent.id} has no secret`);
      return { providerPaymentId: intent.id, clientSecret: intent.client_secret };
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
