import { z } from 'zod';
import { createOfflineGateway } from './offline-gateway';
import { createStripeGateway } from './stripe-gateway';

/** What the buyer pays with: a card's details, or a provider's payment method id. */
export type PaymentSource =
  | { card: { number: string; expMonth: number; expYear: number; cvc: string } }
  | { paymentMethod: string };

/** A provider's answer about one payment. */
export type ProviderPayment =
  | { providerPaymentId: string; status: 'succeeded' }
  /** The card issuer wants the buyer to confirm (3-D Secure); then call `confirm`. */
  | { providerPaymentId: string; status: 'requires_action' }
  | { providerPaymentId: string | null; status: 'failed'; code: string; message: string };

export interface ChargeRequest {
  amountCents: number;
  currency: string;
  source: PaymentSource;
  /** Our payment's id: a retried call never charges twice. */
  idempotencyKey: string;
  metadata: { orderId: string; orderNumber: string; paymentId: string };
}

/** One interface, two implementations (DESIGN: Stripe when configured, else offline). */
export interface PaymentProvider {
  readonly name: 'offline' | 'stripe';
  charge(request: ChargeRequest): Promise<ProviderPayment>;
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
