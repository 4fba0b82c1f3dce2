import type { Database } from '@makrx/db';
import { defineFlow, runFlow, type FlowRunOptions } from '@makrx/service-kit';
import { conflict } from '@makrx/service-kit';
import { assertCancellable, CANCELLABLE, type OrderRow } from '../modules/orders/service';
import { printOrderOfOrder } from '../modules/print-orders/service';
import { closeInOneTransaction, type ClosingOrder } from './close-order';
import { runOptions, type FlowInput } from './store-flows';

/**
 * Cancels an order before it ships. The cancellation commits first, in one transaction with its
 * stock going back and, for a paid order, the request to refund it (an outbox event); the
 * refund follows from that event (refund-cancelled-order.ts). The status changes under the
 * order's row lock from a status that has not shipped, so of a cancellation and a shipment
 * racing, one wins: a shipped order is never cancelled, and never refunded by a cancellation.
 */
export const cancelOrderFlow = defineFlow<ClosingOrder, Database>('cancel-order', [
  { name: 'check-cancellable', run: async ({ order }) => assertCancellable(order) },
  {
    // A paid print is with the cave's providers, who may have booked a printer for it.
    name: 'check-print-not-routed',
    run: async ({ order }, db) => {
      const print = await printOrderOfOrder(db, order.id);
      if (print && order.status !== 'pending_payment') {
        throw conflict(
          'ORDER_NOT_CANCELLABLE',
          'This print is already with a provider, so it can no longer be cancelled here; contact us and we will ask them.',
          { printStatus: print.status },
        );
      }
    },
  },
  closeInOneTransaction({
    to: 'cancelled',
    from: CANCELLABLE,
    action: 'order.cancelled',
    restock: () => true,
    refundAfterwards: true,
  }),
]);

export async function cancelOrder(
  db: Database,
  input: FlowInput,
  order: OrderRow,
  options?: FlowRunOptions,
): Promise<void> {
  const closing: ClosingOrder = { ...input, order };
  await runFlow(cancelOrderFlow, closing, db, runOptions(input, options));
}
