import type { PrintOrderStatus, PrintOrderView } from '@makrx/contracts';

/** The steps a customer follows, in order; a rejected offer is part of "Finding a provider". */
export const printSteps = [
  { status: 'routing', label: 'Finding a provider' },
  { status: 'accepted', label: 'Accepted' },
  { status: 'printing', label: 'Printing' },
  { status: 'quality_check', label: 'Quality check' },
  { status: 'shipped', label: 'Shipped' },
  { status: 'delivered', label: 'Delivered' },
] as const satisfies readonly { status: PrintOrderStatus; label: string }[];

const stepIndex: Record<PrintOrderStatus, number> = {
  awaiting_payment: -1,
  routing: 0,
  offered: 0,
  accepted: 1,
  printing: 2,
  quality_check: 3,
  shipped: 4,
  delivered: 5,
  unroutable: -1,
  cancelled: -1,
};

/** How far along the print is: the index of the current step in `printSteps`, -1 for none. */
export const currentStep = (status: PrintOrderStatus) => stepIndex[status];

/** Whether the page should keep asking: something can still change without the customer. */
export const isPrintMoving = (status: PrintOrderStatus) =>
  status !== 'awaiting_payment' &&
  status !== 'delivered' &&
  status !== 'unroutable' &&
  status !== 'cancelled';

/** One sentence for where the print is now. */
export function printHeadline(print: Pick<PrintOrderView, 'status' | 'provider'>): string {
  const who = print.provider?.name;
  switch (print.status) {
    case 'awaiting_payment':
      return 'Pay for the order and we send it to a provider at once.';
    case 'routing':
      return 'Finding a provider with the material and a free printer.';
    case 'offered':
      return `Waiting for ${who ?? 'a provider'} to accept it.`;
    case 'accepted':
      return `${who ?? 'The provider'} accepted it and has booked a printer.`;
    case 'printing':
      return `${who ?? 'The provider'} is printing it now.`;
    case 'quality_check':
      return `${who ?? 'The provider'} is checking the finished parts.`;
    case 'shipped':
      return `${who ?? 'The provider'} has sent it.`;
    case 'delivered':
      return 'Delivered.';
    case 'unroutable':
      return 'No provider could make it in time. Your payment is refunded in full.';
    case 'cancelled':
      return 'The print was cancelled. Your payment is refunded in full.';
  }
}

type TimelineEntry = PrintOrderView['timeline'][number];

/** A line of the print's history, in the customer's words. */
export function timelineText(entry: TimelineEntry): string {
  const who = entry.providerName ?? 'A provider';
  switch (entry.status) {
    case 'offered':
      return `Offered to ${who}`;
    case 'accepted':
      return `${who} accepted it`;
    case 'rejected':
      return `${who} could not take it${entry.reason ? `: ${entry.reason}` : ''}; asking the next provider`;
    case 'expired':
      return `${who} did not answer in time; asking the next provider`;
    case 'printing':
      return 'Printing started';
    case 'quality_check':
      return 'Quality check';
    case 'shipped':
      return 'Shipped';
    case 'delivered':
      return 'Delivered';
    case 'unroutable':
      return `No provider left${entry.reason ? `: ${entry.reason}` : ''}`;
    case 'cancelled':
      return 'Cancelled';
  }
}
