import type { ErrorCode } from '@makrx/contracts';
import { MAX_UNITS_PER_LINE } from '@makrx/contracts/line-limits';
import { wordsFor, type CodeWords } from '../../lib/error-words';

/** What the cart says when the service refused a change, by its error code. */
const messages: CodeWords<ErrorCode> = {
  OUT_OF_STOCK: 'We don’t have that many in stock. The quantity shows what is available.',
  QUANTITY_TOO_LARGE: `A cart holds at most ${MAX_UNITS_PER_LINE} of one item.`,
  UNKNOWN_VARIANT: 'That item is no longer sold.',
  NOT_FOR_SALE: 'An item in your cart is no longer sold. Remove it to check out.',
  QUANTITY_LIMIT: `One order takes at most ${MAX_UNITS_PER_LINE} of an item. Lower the quantity to check out.`,
  NOT_FOUND: 'That item is no longer in your cart.',
  FEATURE_DISABLED: 'Reordering in one click is not available yet.',
  CART_EMPTY: 'Your cart is empty, so there was nothing to order.',
  VALIDATION_FAILED: `That quantity can’t be used; choose between 1 and ${MAX_UNITS_PER_LINE}.`,
};

export function cartProblemMessage(code: string | undefined): string | null {
  if (!code) return null;
  return wordsFor(messages, code) ?? 'That change could not be made. Please try again.';
}
