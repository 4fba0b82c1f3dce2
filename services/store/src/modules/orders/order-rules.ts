import type { OrderStatus } from '@makrx/contracts';
import { conflict } from '@makrx/service-kit';
import type { OrderRow } from './order-records';

/*
 * Which status allows what. Checked on the order as read before a flow starts; the status
 * change itself is conditional (changeOrderStatus), so a change that raced past the check
 * still fails rather than winning twice.
 */

/** Paid orders whose goods have not left: cancelling or refunding puts them back on the shelf. */
export const NOT_SHIPPED: readonly OrderStatus[] = ['paid', 'in_fulfilment'];

/** A buyer may cancel until the order ships; a paid one is refunded. */
export const CANCELLABLE: readonly OrderStatus[] = ['pending_payment', ...NOT_SHIPPED];

/** Store admins refund what was paid, shipped or not. */
export const REFUNDABLE: readonly OrderStatus[] = [...NOT_SHIPPED, 'shipped', 'delivered'];

/** An order can be paid while it awaits payment and its payment window is open. */
export function assertAwaitingPayment(
  order: Pick<OrderRow, 'status' | 'expiresAt'>,
  now = new Date(),
): void {
  if (order.status !== 'pending_payment') {
    throw conflict(
      'ORDER_NOT_PAYABLE',
      `The order is ${order.status.replace('_', ' ')}; there is nothing to pay.`,
      { status: order.status },
    );
  }
  if (order.expiresAt.getTime() <= now.getTime()) {
    throw conflict(
      'ORDER_EXPIRED',
      'The time to pay this order has run out; its items went back on the shelf.',
    );
  }
}

export function assertCancellable(order: Pick<OrderRow, 'status'>): void {
  if (CANCELLABLE.includes(order.status)) return;
  throw conflict(
    'ORDER_NOT_CANCELLABLE',
    order.status === 'shipped' || order.status === 'delivered'
      ? 'The order has already shipped; ask for a refund instead.'
      : `The order is already ${order.status}.`,
    { status: order.status },
  );
}

export function assertRefundable(order: Pick<OrderRow, 'status'>): void {
  if (REFUNDABLE.includes(order.status)) return;
  throw conflict(
    'ORDER_NOT_REFUNDABLE',
    `The order is ${order.status.replace('_', ' ')}; nothing was paid to refund.`,
    { status: order.status },
  );
}

/** Whether an order in this status was paid for: a cancellation then refunds it. */
export const wasPaid = (status: OrderStatus) => REFUNDABLE.includes(status);
