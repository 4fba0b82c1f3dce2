import type { Database } from '@makrx/db';
import { defineFlow, runFlow, type FlowRunOptions } from '@makrx/service-kit';
import { assertCancellable, CANCELLABLE, wasPaid, type OrderRow } from '../modules/orders/service';
import type { PaymentProvider } from '../modules/payments/service';
import { closeInOneTransaction, refundPayment, type ClosingOrder } from './close-order';
import { runOptions, type FlowInput } from './store-flows';

/**
 * Cancels an order before it ships: a paid one is refunded through the payment provider,
 * then, in one transaction, the order is cancelled and its stock goes back.
 */
export const cancelOrderFlow = defineFlow<ClosingOrder, Database>('cancel-order', [
  { name: 'check-cancellable', run: async ({ order }) => assertCancellable(order) },
  refundPayment,
  closeInOneTransaction({
    to: 'cancelled',
    from: CANCELLABLE,
    action: 'order.cancelled',
    restock: () => true,
  }),
]);

export async function cancelOrder(
  db: Database,
  { provider, ...input }: FlowInput & { provider: PaymentProvider },
  order: OrderRow,
  options?: FlowRunOptions,
): Promise<void> {
  const closing: ClosingOrder = { ...input, order, ...(wasPaid(order.status) ? { provider } : {}) };
  await runFlow(cancelOrderFlow, closing, db, runOptions(input, options));
}
