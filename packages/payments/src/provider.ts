import { z } from 'zod';
import { createOfflineGateway } from './offline-gateway';
import { createStripeGateway } from './stripe-gateway';

/**
 * What the payer pays with: a payment method (`pm_…`) or card token (`tok_…`) the provider
 * issued to the browser. Card numbers never reach the store.
 */
export type PaymentSource = { paymentMethod: string };

/** A provider's answer about one payment. */
export type ProviderPayment =
  | { providerPaymentId: string; status: 'succeeded' }
  /** The card issuer wants the buyer to confirm (3-D Secure); then call `confirm`. */
  | { providerPaymentId: string; status: 'requires_action' }
  /** Accepted but not settled yet (Stripe's `processing`): a webhook tells how it ends. */
  | { providerPaymentId: string; status: 'processing' }
  | { providerPaymentId: string | null; status: 'failed'; code: string; message: string };

export interface ChargeRequest {
  amountCents: number;
  currency: string;
  source: PaymentSource;
  /** Our payment's id: a retried call never charges twice. */
  idempotencyKey: string;
  /**
   * What the provider keeps beside the payment, for finding it again from its dashboard or a
   * webhook: `paymentId` (our record of the attempt) and what was paid for (the store's
   * `orderId` and `orderNumber`, the cave's `invoiceId` and `invoiceNumber`).
   */
  metadata: { paymentId: string } & Record<string, string>;
}

/** One interface, two implementations (DESIGN: Stripe when configured, else offline). */
export interface PaymentProvider {
  readonly name: 'offline' | 'stripe';
  charge(request: ChargeRequest): Promise<ProviderPayment>;
  /**
   * A payment the browser confirms itself (Stripe's Payment Element): the provider's payment,
   * unconfirmed, and the secret the browser confirms it with. Undefined for a provider without
   * one (the offline gateway is paid with a test token instead).
   */
  startPayment(
    request: Omit<ChargeRequest, 'source'>,
  ): Promise<{ providerPaymentId: string; clientSecret: string } | undefined>;
  /** After the buyer completed the extra step the issuer asked for. */
  confirm(providerPaymentId: string): Promise<ProviderPayment>;
  refund(providerPaymentId: string, idempotencyKey: string): Promise<{ refundId: string }>;
}

export const paymentsEnv = z.object({
  STRIPE_SECRET_KEY: z.string().min(1).optional(),
  STRIPE_WEBHOOK_SECRET: z.string().min(1).optional(),
  /** Where the Stripe API is; only ever changed to point at a stand-in in tests. */
  STRIPE_API_URL: z.url({ protocol: /^https?$/ }).default('https://api.stripe.com'),
});
export type PaymentsConfig = z.infer<typeof paymentsEnv>;

/** Stripe when STRIPE_SECRET_KEY is set, the offline test gateway otherwise. */
export function createPaymentProvider(config: PaymentsConfig): PaymentProvider {
  if (!config.STRIPE_SECRET_KEY) return createOfflineGateway();
  return createStripeGateway(config.STRIPE_SECRET_KEY, config.STRIPE_API_URL);
}
