import type { OrderStatus } from '@makrx/contracts';
import type { Database } from '@makrx/db';
import type { FlowStep } from '@makrx/service-kit';
import { releaseStock } from '../modules/catalog/service';
import { changeOrderStatus, unitsHeldBy, type OrderRow } from '../modules/orders/service';
import {
  recordRefund,
  refundAtProvider,
  type PaymentProvider,
  type ProviderRefund,
} from '../modules/payments/service';
import { inOneTransaction, type FlowInput } from './store-flows';

/*
 * The steps that close an order before or after it ships: cancelling (a buyer), refunding (a
 * store admin) and expiring (the sweep) are made of them.
 */

export interface ClosingOrder extends FlowInput {
  readonly order: Pick<OrderRow, 'id' | 'status'>;
  /** Set when the order was paid for: the money goes back through it. */
  readonly provider?: PaymentProvider;
  /** Why, in the order's history (a store admin's refund note). */
  readonly note?: string;
  refund?: ProviderRefund;
}

/**
 * Gives the money back at the provider, outside any transaction (no lock held across the
 * network). It names no undo: money given back cannot be taken again. It therefore comes
 * before the order's own change, and its idempotency key makes it safe to repeat: a close that
 * failed after it is finished by asking again, and the buyer is refunded once.
 */
export const refundPayment: FlowStep<ClosingOrder, Database> = {
  name: 'refund-payment',
  run: async (closing, db) => {
    if (closing.provider) {
      closing.refund = await refundAtProvider(db, closing.provider, closing.order.id);
    }
  },
};

interface Closing {
  to: OrderStatus;
  from: readonly OrderStatus[];
  action: string;
  note?: string;
  /** Whether the order's units go back on the shelf (they do until it ships). */
  restock: (order: ClosingOrder['order']) => boolean;
}

/** Moves the order, puts its units back and records the refund: all in one transaction. */
export function closeInOneTransaction(closing: Closing) {
  return inOneTransaction<ClosingOrder>('close-order', [
    {
      name: `mark-${closing.to}`,
      run: async ({ order, note, actorId, requestId }, tx) => {
        const { to, from, action } = closing;
        const why = note ?? closing.note;
        await changeOrderStatus(tx, order.id, {
          to,
          from,
          action,
          actorId,
          requestId,
          ...(why ? { note: why } : {}),
        });
      },
    },
    {
      name: 'release-stock',
      run: async ({ order }, tx) => {
        if (closing.restock(order)) await releaseStock(tx, await unitsHeldBy(tx, order.id));
      },
    },
    {
      name: 'record-refund',
      run: async ({ refund, actorId, requestId }, tx) => {
        if (refund) await recordRefund(tx, refund, { actorId, requestId });
      },
    },
  ]);
}
