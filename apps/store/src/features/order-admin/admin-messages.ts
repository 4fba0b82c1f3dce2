/** What the order page says after an admin's change (`?done=`), and why one was refused. */
export const doneMessages: Record<string, string> = {
  fulfil: 'The order is now in fulfilment.',
  ship: 'The order is marked shipped; the buyer sees the tracking number.',
  deliver: 'The order is marked delivered.',
  cancel: 'The order is cancelled and its stock is back on the shelf.',
  refund: 'The payment is refunded through the payment provider.',
};

const problems: Record<string, string> = {
  TRACKING_NUMBER: 'Enter the carrier’s tracking number (letters, digits and dashes).',
  INVALID_TRANSITION: 'The order cannot take that step from its current status.',
  ORDER_STATE: 'The order cannot take that step from its current status.',
  FORBIDDEN: 'Only store admins may change orders.',
};

export function problemMessage(code: string | undefined): string | undefined {
  if (!code) return undefined;
  return problems[code] ?? 'The change was refused by the store service.';
}
