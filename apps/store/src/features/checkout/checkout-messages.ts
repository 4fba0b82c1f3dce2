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
  UNKNOWN_REGION: 'Choose the state or province from the list, for the country of the address.',
  INVALID_POSTAL_CODE: 'The postal code does not look like one of that country’s. Check it.',
  DESTINATION_NOT_TAXABLE:
    'We can’t ship there yet: the store has no tax rate for that country, state or region, so it can’t work out what the order costs. Choose another address.',
};

/** Refusals about where the order goes, rather than the order as a whole. */
const addressRefusals: ReadonlySet<string> = new Set<ErrorCode>([
  'UNKNOWN_REGION',
  'INVALID_POSTAL_CODE',
  'DESTINATION_NOT_TAXABLE',
]);

/** The title above a refusal's words. */
export const refusalTitle = (code: string) =>
  addressRefusals.has(code) ? 'This address can’t be used' : 'The order was not placed';

export const orderRefusalMessage = (code: string) =>
  wordsFor(refusals, code) ?? 'Something in the order was not accepted. Check it and try again.';
