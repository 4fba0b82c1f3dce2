import type { ErrorCode } from '@makrx/contracts';
import { wordsFor, type CodeWords } from '../../lib/error-words';

/**
 * Why the payment form sends a buyer back before the service is asked: a card number or expiry
 * it cannot read, or a buyer who declined the issuer's extra step.
 */
export type PaymentFormProblem = 'INVALID_CARD' | 'AUTHENTICATION_FAILED';

/** What a buyer reads when a payment did not go through, by the provider's code. */
const messages: CodeWords<ErrorCode | PaymentFormProblem> = {
  CARD_DECLINED: 'Your card was declined. Nothing was charged — try another card.',
  CARD_NOT_ACCEPTED:
    'This card cannot be used here. In this test store, use one of the test cards listed below.',
  EXPIRED_CARD: 'Your card has expired. Nothing was charged — use another card.',
  INCORRECT_CVC:
    'The card’s security code is incorrect. Nothing was charged — check it and try again.',
  PAYMENT_PROCESSING:
    'A payment of this order is still processing. Nothing more was charged; its outcome shows on the order page.',
  PAYMENT_INTENT_UNEXPECTED_STATE:
    'The payment could not be confirmed. Nothing was charged — please pay again.',
  AUTHENTICATION_FAILED:
    'The card was not confirmed, so nothing was charged. Try again or use another card.',
  INVALID_CARD: 'Choose one of the cards to pay with.',
};

export function paymentFailureMessage(code: string | undefined | null): string | null {
  if (!code) return null;
  return (
    wordsFor(messages, code) ??
    'The payment did not go through. Nothing was charged — try another card.'
  );
}
