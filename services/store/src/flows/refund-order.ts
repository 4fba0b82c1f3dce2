import type { Database } from '@makrx/db';
import { AppError, defineFlow, runFlow, type FlowRunOptions } from '@makrx/service-kit';
import {
  assertRefundable,
  NOT_SHIPPED,
  REFUNDABLE,
  type OrderRow,
} from '../modules/orders/service';
import type { PaymentProvider } from '../modules/payments/service';
import { closeInOneTransaction, refundPayment, type ClosingOrder } from './close-order';
import { runOptions, type FlowInput } from './store-flows';

/**
 * A store admin gives a paid order's money back through the provider; then, in one
 * transaction, the order is refunded and goods not yet shipped return to stock.
 */
export const refundOrderFlow = defineFlow<ClosingOrder, Database>('refund-order', [
  { name: 'check-refundable', run: async ({ order }) => assertRefundable(order) },
  refundPayment,
  {
    name: 'require-payment',
    run: async ({ refund }) => {
      if (!refund) {
        throw new AppError(409, 'NO_PAYMENT', 'The order has no successful payment to refund.');
      }
    },
  },
  closeInOneTransaction({
    to: 'refunded',
    from: REFUNDABLE,
    action: 'order.refunded',
    restock: (order) => NOT_SHIPPED.includes(order.status),
  }),
]);

export async function refundOrder(
  db: Database,
  input: FlowInput & { provider: PaymentProvider },
  order: OrderRow,
  note?: string,
  options?: FlowRunOptions,
): Promise<void> {
  const closing: ClosingOrder = { ...input, order, ...(note ? { note } : {}) };
  await runFlow(refundOrderFlow, closing, db, runOptions(input, options));
}
