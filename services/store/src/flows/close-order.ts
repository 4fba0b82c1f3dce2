import type { OrderStatus } from '@makrx/contracts';
import type { Database } from '@makrx/db';
import type { FlowStep } from '@makrx/service-kit';
import { releaseStock } from '../modules/catalog/service';
import { publishEvent } from '@makrx/events';
import { changeOrderStatus, unitsHeldBy, wasPaid, type OrderRow } from '../modules/orders/service';
import {
  recordRefund,
  refundAtProvider,
  type PaymentProvider,
  type ProviderRefund,
} from '../modules/payments/service';
import { releasePromotionsOf } from '../modules/promotions/service';
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
  /** The status the order left, read under its row's lock when it changed. */
  closedFrom?: OrderStatus;
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
  /**
   * The order's payment is refunded after the change commits, by the outbox's consumer of
   * `store.order.refund-requested` published with it, when the order was paid (as read under
   * its lock). A buyer's cancellation: an order shipped in the meantime is never refunded.
   */
  refundAfterwards?: boolean;
}

/** Moves the order, puts its units back and records the refund: all in one transaction. */
export function closeInOneTransaction(closing: Closing) {
  return inOneTransaction<ClosingOrder>('close-order', [
    {
      name: `mark-${closing.to}`,
      run: async (closingOrder, tx) => {
        const { order, note, actorId, requestId } = closingOrder;
        const { to, from, action } = closing;
        const why = note ?? closing.note;
        const changed = await changeOrderStatus(tx, order.id, {
          to,
          from,
          action,
          actorId,
          requestId,
          ...(why ? { note: why } : {}),
        });
        closingOrder.closedFrom = changed.fromStatus;
      },
    },
    {
      name: 'release-stock',
      run: async ({ order }, tx) => {
        if (closing.restock(order)) await releaseStock(tx, await unitsHeldBy(tx, order.id));
      },
    },
    {
      // A cancelled (or expired) order gives back the discount code's use it took.
      name: 'release-discount-code',
      run: async ({ order }, tx) => {
        if (closing.to === 'cancelled') await releasePromotionsOf(tx, order.id);
      },
    },
    {
      name: 'record-refund',
      run: async ({ refund, actorId, requestId }, tx) => {
        if (refund) await recordRefund(tx, refund, { actorId, requestId });
      },
    },
    {
      name: 'request-refund',
      run: async ({ order, closedFrom }, tx) => {
        if (!closing.refundAfterwards || !closedFrom || !wasPaid(closedFrom)) return;
        await publishEvent(tx, {
          type: 'store.order.refund-requested',
          source: 'store',
          payload: { orderId: order.id, reason: `order ${closing.to}` },
        });
      },
    },
  ]);
}
