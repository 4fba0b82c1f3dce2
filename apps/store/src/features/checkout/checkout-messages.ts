import type { ErrorCode } from '@makrx/contracts';
import { wordsFor, type CodeWords } from '../../lib/error-words';

/** Refusals of an order the cart explains, as it shows each item's stock as it is now. */
export const refusalsShownInCart: ReadonlySet<string> = new Set<ErrorCode>([
  'OUT_OF_STOCK',
  'UNKNOWN_VARIANT',
  'NOT_FOR_SALE',
  'QUANTITY_LIMIT',
  'CART_EMPTY',
]);

/** What the checkout page says when the service did not place the order. */
const refusals: CodeWords<ErrorCode> = {
  EMAIL_REQUIRED: 'Give an email address to check out as a guest.',
  VALIDATION_FAILED: 'Some details were not accepted. Check them and try again.',
  UNKNOWN_SHIPPING_METHOD: 'That shipping method is no longer offered. Choose another.',
  TOO_MANY_UNPAID_ORDERS:
    'You already have several unpaid orders waiting. Pay or cancel one of them, then place this one.',
};

export const orderRefusalMessage = (code: string) =>
  wordsFor(refusals, code) ?? 'Something in the order was not accepted. Check it and try again.';
