import type { ErrorCode } from '@makrx/contracts';
import { wordsFor, type CodeWords } from '../../lib/error-words';

/** What the order page says after an admin's change (`?done=`), and why one was refused. */
export const doneMessages: Record<string, string> = {
  fulfil: 'The order is now in fulfilment.',
  ship: 'The order is marked shipped; the buyer is emailed the tracking number.',
  deliver: 'The order is marked delivered.',
  cancel: 'The order is cancelled and its stock is back on the shelf.',
  refund: 'The payment is refunded through the payment provider.',
};

/** Why the order page refuses a step before asking the service. */
export type OrderStepProblem = 'TRACKING_NUMBER' | 'CARRIER' | 'UNKNOWN_STEP';

const problems: CodeWords<ErrorCode | OrderStepProblem> = {
  TRACKING_NUMBER: 'Enter the carrier’s tracking number (letters, digits and dashes).',
  CARRIER: 'Choose one of the carriers offered, or another carrier.',
  ORDER_STATUS_CONFLICT: 'The order cannot take that step from its current status.',
  ORDER_NOT_CANCELLABLE: 'The order has shipped or is closed, so it cannot be cancelled.',
  ORDER_NOT_REFUNDABLE: 'Nothing was paid for this order, so there is nothing to refund.',
  NO_PAYMENT: 'The order has no successful payment to refund.',
  FORBIDDEN: 'Only store admins may change orders.',
};

export function problemMessage(code: string | undefined): string | undefined {
  if (!code) return undefined;
  return wordsFor(problems, code) ?? 'The change was refused by the store service.';
}
