/* How orders and prints read on My ecosystem. */

export type StatusTone = 'neutral' | 'accent' | 'success' | 'info' | 'warning' | 'danger';

/** How an order's or a print's state reads at a glance: waiting, moving, done, stopped. */
export function statusTone(status: string): StatusTone {
  if (['pending_payment', 'awaiting_payment'].includes(status)) return 'warning';
  if (['delivered'].includes(status)) return 'success';
  if (['cancelled', 'refunded', 'unroutable'].includes(status)) return 'neutral';
  return 'info';
}

const printStatusLabels: Record<string, string> = {
  awaiting_payment: 'Awaiting payment',
  routing: 'Finding a provider',
  offered: 'Offered to a provider',
  accepted: 'Accepted',
  printing: 'Printing',
  quality_check: 'Quality check',
  shipped: 'Shipped',
  delivered: 'Delivered',
  unroutable: 'No provider available',
  cancelled: 'Cancelled',
};

/** A print's state in a customer's words ("Finding a provider"). */
export function printStatusText(status: string): string {
  return printStatusLabels[status] ?? status.replaceAll('_', ' ');
}
