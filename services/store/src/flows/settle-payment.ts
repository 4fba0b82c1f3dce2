import type { Database } from '@makrx/db';
import { publishEvent } from '@makrx/events';
import {
  AppError,
  conflict,
  requestNotification,
  type FlowPart,
  type FlowStep,
} from '@makrx/service-kit';
import { categoryOfVariants } from '../modules/catalog/service';
import { boughtLines, changeOrderStatus, type OrderRow } from '../modules/orders/service';
import {
  recordProviderAnswer,
  refundUnneededPayment,
  type PaymentProvider,
  type PaymentRow,
  type ProviderPayment,
} from '../modules/payments/service';
import type { StoreLinks } from '../store-links';
import { inOneTransaction, type FlowInput } from './store-flows';

/** What paying needs beside the order: the provider, and links for the buyer's notification. */
export interface PaymentFlowInput extends FlowInput {
  provider: PaymentProvider;
  links: StoreLinks;
}

/** What an order bought, as the paid event tells it. */
export interface Bought {
  lines: { sku: string; quantity: number }[];
  categories: string[];
}

/** A payment being settled: the provider's answer, and what recording it did. */
export interface Settling extends PaymentFlowInput {
  readonly orderId: string;
  paymentId?: string;
  answer?: ProviderPayment;
  bought?: Bought;
  /** The payment as recorded; unset when another answer had settled it first. */
  recorded?: PaymentRow;
  paidOrder?: OrderRow;
  /** The money arrived after the order stopped waiting for it (expired, cancelled). */
  orderClosed?: boolean;
}

/** Why money the flow took is given back, for the refund's audit row. */
function refundReason(failure: unknown): string {
  if (failure instanceof AppError && failure.code === 'ORDER_EXPIRED') {
    return 'order no longer awaiting payment';
  }
  if (failure instanceof AppError && failure.code === 'ORDER_ALREADY_PAID') {
    return 'order already paid';
  }
  return 'the payment could not be recorded';
}

/**
 * The undo of every step that brings money in (a charge, a confirmation, a webhook): money
 * taken for an order that did not record it is refunded at the provider.
 */
export async function refundIfCharged(
  settling: Settling,
  db: Database,
  failure: unknown,
): Promise<void> {
  const { answer, paymentId } = settling;
  if (answer?.status !== 'succeeded' || !answer.providerPaymentId || !paymentId) return;
  await refundUnneededPayment(
    db,
    settling.provider,
    { id: paymentId, providerPaymentId: answer.providerPaymentId },
    refundReason(failure),
    settling,
  );
}

/**
 * What the order bought, for its paid event: its lines (fixed once placed) and their
 * categories. Read before the settling transaction, which holds the audit log's lock from its
 * first audit row to its commit, so that lock is held no longer than it must be.
 */
const readWhatWasBought: FlowStep<Settling, Database> = {
  name: 'read-what-was-bought',
  run: async (settling, db) => {
    if (settling.answer?.status !== 'succeeded') return;
    settling.bought = await whatWasBought(db, settling.orderId);
  },
};

/** The order's lines (fixed once placed) and their categories, for its paid event. */
export async function whatWasBought(db: Database, orderId: string): Promise<Bought> {
  const lines = await boughtLines(db, orderId);
  // A print made to order has no catalog variant, so no category.
  const categoryOf = await categoryOfVariants(
    db,
    lines.flatMap((line) => (line.variantId ? [line.variantId] : [])),
  );
  return {
    lines: lines.map(({ sku, quantity }) => ({ sku, quantity })),
    categories: [
      ...new Set(lines.flatMap((l) => (l.variantId ? (categoryOf.get(l.variantId) ?? []) : []))),
    ],
  };
}

/** "Route to fulfilment" (spec flow "Order Product"), and purchase activity for MakrX.org. */
export async function announceOrderPaid(
  tx: Database,
  order: OrderRow,
  bought: Bought,
  links: StoreLinks,
) {
  await publishEvent(tx, {
    type: 'store.order.paid',
    source: 'store',
    payload: {
      orderId: order.id,
      orderNumber: order.number,
      userId: order.userId,
      email: order.email,
      totalCents: order.totalCents,
      currency: order.currency,
      lines: bought.lines,
      productCategories: bought.categories,
    },
  });
  if (order.userId) {
    await requestNotification(tx, 'store', {
      userId: order.userId,
      kind: 'order.paid',
      title: `Order ${order.number} is paid`,
      body: 'Thank you. We are getting it ready to ship.',
      link: links.order(order.number, order.accessToken),
    });
  }
}

/**
 * Records the provider's answer; a success marks the order paid, in the same transaction as
 * its history and audit rows, the `store.order.paid` event and the buyer's notification.
 * Settling an already settled payment (a webhook after the direct answer) changes nothing.
 */
const settleInOneTransaction = inOneTransaction<Settling>('settle-payment', [
  {
    name: 'record-provider-answer',
    run: async (settling, tx) => {
      settling.recorded = await recordProviderAnswer(
        tx,
        settling.paymentId!,
        settling.answer!,
        settling,
      );
    },
  },
  {
    name: 'mark-order-paid',
    run: async (settling, tx) => {
      const { recorded } = settling;
      if (recorded?.status !== 'succeeded') return;
      try {
        settling.paidOrder = await changeOrderStatus(tx, recorded.orderId, {
          to: 'paid',
          from: ['pending_payment'],
          actorId: settling.actorId,
          requestId: settling.requestId,
          action: 'order.paid',
        });
      } catch (error) {
        // The payment stays recorded as it happened; the next step turns it away.
        if (!(error instanceof AppError && error.code === 'ORDER_STATUS_CONFLICT')) throw error;
        settling.orderClosed = true;
      }
    },
  },
  {
    name: 'announce-order-paid',
    run: async (settling, tx) => {
      const { paidOrder, bought, links } = settling;
      if (paidOrder) await announceOrderPaid(tx, paidOrder, bought!, links);
    },
  },
]);

/** Money that came after the order closed fails the flow, so the step that took it refunds it. */
const turnAwayLatePayment: FlowStep<Settling, Database> = {
  name: 'turn-away-late-payment',
  run: async (settling) => {
    if (!settling.orderClosed) return;
    throw conflict(
      'ORDER_EXPIRED',
      'The time to pay this order ran out before the payment arrived; the payment was refunded.',
    );
  },
};

/** The steps after money came in: settle it, or turn it away (and the undos refund it). */
export const settleSteps: readonly FlowPart<Settling, Database>[] = [
  readWhatWasBought,
  settleInOneTransaction,
  turnAwayLatePayment,
];
