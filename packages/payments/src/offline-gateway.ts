import { randomUUID } from 'node:crypto';
import type { PaymentProvider, PaymentSource, ProviderPayment } from './provider';

type Decline = { code: string; message: string };
type Outcome = 'succeeds' | 'requires_action' | Decline;

const declined: Decline = {
  code: 'card_declined',
  message: 'Your card was declined. Try another card or payment method.',
};

/**
 * Stripe's test card tokens and test payment methods, as the offline gateway understands them
 * (https://docs.stripe.com/testing), each with the answer Stripe gives for it. The browser
 * never sends a card number: the pay page offers these by name.
 */
const testPaymentMethods: Record<string, Outcome> = {
  tok_visa: 'succeeds',
  tok_mastercard: 'succeeds',
  pm_card_visa: 'succeeds',
  pm_card_mastercard: 'succeeds',
  tok_chargeDeclined: declined,
  pm_card_chargeDeclined: declined,
  tok_chargeDeclinedInsufficientFunds: {
    code: 'card_declined',
    message: 'Your card has insufficient funds.',
  },
  pm_card_chargeDeclinedInsufficientFunds: {
    code: 'card_declined',
    message: 'Your card has insufficient funds.',
  },
  tok_chargeDeclinedExpiredCard: { code: 'expired_card', message: 'Your card has expired.' },
  pm_card_chargeDeclinedExpiredCard: { code: 'expired_card', message: 'Your card has expired.' },
  tok_chargeDeclinedIncorrectCvc: {
    code: 'incorrect_cvc',
    message: "Your card's security code is incorrect.",
  },
  pm_card_chargeDeclinedIncorrectCvc: {
    code: 'incorrect_cvc',
    message: "Your card's security code is incorrect.",
  },
  tok_threeDSecure2Required: 'requires_action',
  pm_card_threeDSecure2Required: 'requires_action',
  pm_card_authenticationRequired: 'requires_action',
};

const outcomeOf = (source: PaymentSource): Outcome | undefined =>
  testPaymentMethods[source.paymentMethod];

/** Payments that wait for the buyer's extra step carry it in their id, so none is lost in a restart. */
const AWAITING_CONFIRMATION = 'offline_pi_confirm_';

/**
 * The embedded payment gateway (DESIGN): no network, no money, Stripe's test tokens. A payment
 * that needs confirmation succeeds once confirmed, as a test card does after its challenge; the
 * store's payments table says whether it still waits, so the gateway itself keeps no state.
 */
export function createOfflineGateway(): PaymentProvider {
  return {
    name: 'offline',
    async charge(request): Promise<ProviderPayment> {
      const providerPaymentId = `offline_pi_${randomUUID()}`;
      const outcome = outcomeOf(request.source);
      if (outcome === 'succeeds') return { providerPaymentId, status: 'succeeded' };
      if (outcome === 'requires_action') {
        return {
          providerPaymentId: `${AWAITING_CONFIRMATION}${randomUUID()}`,
          status: 'requires_action',
        };
      }
      if (outcome) return { providerPaymentId, status: 'failed', ...outcome };
      return {
        providerPaymentId,
        status: 'failed',
        code: 'card_not_accepted',
        message: 'The offline test gateway accepts only Stripe’s test cards, such as tok_visa.',
      };
    },
    async startPayment() {
      return undefined;
    },
    async confirm(providerPaymentId) {
      if (!providerPaymentId.startsWith(AWAITING_CONFIRMATION)) {
        return {
          providerPaymentId,
          status: 'failed',
          code: 'payment_intent_unexpected_state',
          message: 'This payment has no confirmation pending.',
        };
      }
      return { providerPaymentId, status: 'succeeded' };
    },
    async refund() {
      return { refundId: `offline_re_${randomUUID()}` };
    },
  };
}
