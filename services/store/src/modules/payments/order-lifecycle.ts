import type { OrderStatus } from '@makrx/contracts';
import type { Database } from '@makrx/db';
import { AppError, conflict } from '@makrx/service-kit';
import { and, eq, lte } from 'drizzle-orm';
import { changeOrderStatus, releaseOrderStock, type OrderRow } from '../orders/order-records';
import { PAYMENT_WINDOW_MS } from '../orders/place-order';
import { orders } from '../orders/tables';
import { recordRefund, successfulPayment, type PaymentContext } from './service';

/** Paid orders whose goods have not left: cancelling or refunding puts them back on the shelf. */
const NOT_SHIPPED: readonly OrderStatus[] = ['paid', 'in_fulfilment'];

/**
 * Cancels an order before it ships: a pending one gives its stock back; a paid one is also
 * refunded through the payment provider.
 */
export async function cancelOrder(ctx: PaymentContext, order: OrderRow): Promise<void> {
  const cancellable: readonly OrderStatus[] = ['pending_payment', ...NOT_SHIPPED];
  if (!cancellable.includes(order.status)) {
    throw conflict(
      'ORDER_NOT_CANCELLABLE',
      order.status === 'shipped' || order.status === 'delivered'
        ? 'The order has already shipped; ask for a refund instead.'
        : `The order is already ${order.status}.`,
      { status: order.status },
    );
  }
  const refund = await refundAtProvider(ctx, order);
  await ctx.db.transaction(async (tx) => {
    await changeOrderStatus(tx, order.id, {
      to: 'cancelled',
      from: cancellable,
      actorId: ctx.actorId,
      requestId: ctx.requestId,
      action: 'order.cancelled',
    });
    await releaseOrderStock(tx, order.id);
    if (refund) await recordRefund(ctx, tx, refund.payment, refund.refundId);
  });
}

/** A store admin gives a paid order's money back; goods not yet shipped return to stock. */
export async function refundOrder(ctx: PaymentContext, order: OrderRow, note?: string) {
  const refundable: readonly OrderStatus[] = [...NOT_SHIPPED, 'shipped', 'delivered'];
  if (!refundable.includes(order.status)) {
    throw conflict(
      'ORDER_NOT_REFUNDABLE',
      `The order is ${order.status.replace('_', ' ')}; nothing was paid to refund.`,
      {
        status: order.status,
      },
    );
  }
  const refund = await refundAtProvider(ctx, order);
  if (!refund)
    throw new AppError(409, 'NO_PAYMENT', 'The order has no successful payment to refund.');
  await ctx.db.transaction(async (tx) => {
    await changeOrderStatus(tx, order.id, {
      to: 'refunded',
      from: refundable,
      note,
      actorId: ctx.actorId,
      requestId: ctx.requestId,
      action: 'order.refunded',
    });
    if (NOT_SHIPPED.includes(order.status)) await releaseOrderStock(tx, order.id);
    await recordRefund(ctx, tx, refund.payment, refund.refundId);
  });
}

/**
 * The provider's refund comes first and outside the transaction (no lock held across the
 * network); its idempotency key makes a retry after a failed database step refund once.
 */
async function refundAtProvider(ctx: PaymentContext, order: OrderRow) {
  if (
    !NOT_SHIPPED.includes(order.status) &&
    order.status !== 'shipped' &&
    order.status !== 'delivered'
  ) {
    return undefined;
  }
  const payment = await successfulPayment(ctx.db, order.id);
  if (!payment?.providerPaymentId) return undefined;
  const { refundId } = await ctx.provider.refund(payment.providerPaymentId, `refund-${payment.id}`);
  return { payment, refundId };
}

/**
 * Cancels pending orders whose payment window has passed and puts their stock back. Run by
 * the service every minute; `now` lets a test look past the window without waiting.
 */
export async function expirePendingOrders(db: Database, now = new Date()): Promise<number> {
  const due = await db
    .select({ id: orders.id })
    .from(orders)
    .where(and(eq(orders.status, 'pending_payment'), lte(orders.expiresAt, now)))
    .limit(500);
  let expired = 0;
  for (const { id } of due) {
    try {
      await db.transaction(async (tx) => {
        await changeOrderStatus(tx, id, {
          to: 'cancelled',
          from: ['pending_payment'],
          note: `Not paid within ${PAYMENT_WINDOW_MS / 60_000} minutes`,
          actorId: null,
          action: 'order.expired',
        });
        await releaseOrderStock(tx, id);
      });
      expired += 1;
    } catch (error) {
      // Paid (or cancelled) a moment ago: nothing to expire.
      if (!(error instanceof AppError && error.code === 'ORDER_STATUS_CONFLICT')) throw error;
    }
  }
  return expired;
}
