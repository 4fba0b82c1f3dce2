import type { ErrorCode } from '@makrx/contracts';
import { wordsFor, type CodeWords } from '../../lib/error-words';

/** What the cart and checkout say when a discount code was not accepted, by the service's code. */
const messages: CodeWords<ErrorCode> = {
  CODE_UNKNOWN: 'We don’t know that discount code. Check its spelling.',
  VALIDATION_FAILED: 'A discount code is 3 to 40 letters, digits, dashes or underscores.',
  CODE_NOT_YET_VALID: 'That discount code can’t be used yet.',
  CODE_EXPIRED: 'That discount code has expired.',
  CODE_BELOW_MINIMUM: 'Your order is below the minimum for that discount code.',
  CODE_NOT_APPLICABLE: 'That discount code doesn’t apply to anything in your cart.',
  CODE_USED_UP: 'That discount code has been used up. Remove it to order without it.',
  CODE_ALREADY_USED: 'You have already used that discount code.',
};

/** The refusals that are about the discount code (a malformed one is the form's to explain). */
export const discountCodes: ReadonlySet<string> = new Set(
  Object.keys(messages).filter((code) => code.startsWith('CODE_')),
);

export function discountProblemMessage(code: string | undefined): string | null {
  if (!code) return null;
  return wordsFor(messages, code) ?? 'That discount code could not be applied. Please try again.';
}
