import { randomUUID } from 'node:crypto';
import type { PaymentProvider, PaymentSource, ProviderPayment } from './provider';

/**
 * Stripe's test cards and test payment methods, as the offline gateway understands them
 * (https://docs.stripe.com/testing). Any other number is declined as unknown.
 */
const testCards: Record<string, 'succeeds' | 'declined' | 'requires_action'> = {
  '4242424242424242': 'succeeds',
  '5555555555554444': 'succeeds',
  '4000000000000002': 'declined',
  '4000002500003155': 'requires_action',
  pm_card_visa: 'succeeds',
  pm_card_mastercard: 'succeeds',
  pm_card_chargeDeclined: 'declined',
  pm_card_authenticationRequired: 'requires_action',
};

function outcomeOf(source: PaymentSource) {
  const key = 'card' in source ? source.card.number.replace(/[\s-]/g, '') : source.paymentMethod;
  return testCards[key];
}

/** Payments that wait for the buyer's extra step carry it in their id, so none is lost in a restart. */
const AWAITING_CONFIRMATION = 'offline_pi_confirm_';

/**
 * The embedded payment gateway (DESIGN): no network, no money, Stripe's test cards. A payment
 * that needs confirmation succeeds once confirmed, as a test card does after its challenge; the
 * store's payments table says whether it still waits, so the gateway itself keeps no state.
 */
export function createOfflineGateway(): PaymentProvider {
  return {
    name: 'offline',
    async charge(request): Promise<ProviderPayment> {
      const providerPaymentId = `offline_pi_${randomUUID()}`;
      switch (outcomeOf(request.source)) {
        case 'succeeds':
          return { providerPaymentId, status: 'succeeded' };
        case 'requires_action':
          return {
            providerPaymentId: `${AWAITING_CONFIRMATION}${randomUUID()}`,
            status: 'requires_action',
          };
        case 'declined':
          return {
            providerPaymentId,
            status: 'failed',
            code: 'card_declined',
            message: 'Your card was declined. Try another card or payment method.',
          };
        default:
          return {
            providerPaymentId,
            status: 'failed',
            code: 'card_not_accepted',
            message:
              'The offline test gateway accepts only test cards, such as 4242 4242 4242 4242.',
          };
      }
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
