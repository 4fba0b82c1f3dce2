import type { Payment, PaymentResult } from '@makrx/contracts';
import { auditActor, recordAudit, violates, type Database } from '@makrx/db';
import { publishEvent } from '@makrx/events';
import { AppError, conflict, requestNotification } from '@makrx/service-kit';
import type { StoreLinks } from '../../store-links';
import { and, desc, eq, inArray } from 'drizzle-orm';
import { categories, products, productVariants } from '../catalog/tables';
import { changeOrderStatus, loadOrder, type OrderRow } from '../orders/order-records';
import { orderLines } from '../orders/tables';
import type { PaymentProvider, PaymentSource, ProviderPayment } from './provider';
import { payments } from './tables';

export interface PaymentContext {
  db: Database;
  provider: PaymentProvider;
  actorId: string | null;
  requestId?: string | null;
  /** Links into the store app, for the buyer's notification. */
  links: StoreLinks;
}

type PaymentRow = typeof payments.$inferSelect;

export function toPayment(row: PaymentRow): Payment {
  return {
    id: row.id,
    status: row.status,
    provider: row.provider,
    amountCents: row.amountCents,
    currency: row.currency,
    failure:
      row.status === 'failed'
        ? { code: row.failureCode ?? 'payment_failed', message: row.failureMessage ?? '' }
        : null,
    nextAction:
      row.status === 'requires_action'
        ? {
            type: 'confirm',
            confirmUrl: `/api/v1/orders/${row.orderId}/payments/${row.id}/confirm`,
          }
        : null,
  };
}

/**
 * Pays a pending order. A declined card leaves a failed payment and the order still pending,
 * so the buyer picks another card and the order stays the one order.
 */
export async function payOrder(
  ctx: PaymentContext,
  order: OrderRow,
  source: PaymentSource,
): Promise<PaymentResult> {
  assertPayable(order);
  const [created] = await ctx.db
    .insert(payments)
    .values({
      orderId: order.id,
      provider: ctx.provider.name,
      status: 'processing',
      amountCents: order.totalCents,
      currency: order.currency,
    })
    .returning();
  const payment = created!;
  let answer: ProviderPayment;
  try {
    answer = await ctx.provider.charge({
      amountCents: order.totalCents,
      currency: order.currency,
      source,
      idempotencyKey: `payment-${payment.id}`,
      metadata: { orderId: order.id, orderNumber: order.number, paymentId: payment.id },
    });
  } catch (error) {
    await settlePayment(ctx, payment.id, {
      providerPaymentId: null,
      status: 'failed',
      code: 'provider_unavailable',
      message: 'The payment provider could not be reached. Nothing was charged; try again.',
    });
    throw new AppError(
      502,
      'PAYMENT_PROVIDER_UNAVAILABLE',
      'The payment provider could not be reached.',
      {
        cause: error instanceof Error ? error.message : String(error),
      },
    );
  }
  return settlePayment(ctx, payment.id, answer);
}

/** After the buyer completed the issuer's extra step. */
export async function confirmPayment(
  ctx: PaymentContext,
  order: OrderRow,
  paymentId: string,
): Promise<PaymentResult> {
  const [row] = await ctx.db
    .select()
    .from(payments)
    .where(and(eq(payments.id, paymentId), eq(payments.orderId, order.id)));
  if (!row) throw new AppError(404, 'NOT_FOUND', 'The payment was not found.');
  if (row.status !== 'requires_action' || !row.providerPaymentId) {
    throw conflict('PAYMENT_NOT_AWAITING_CONFIRMATION', 'This payment has nothing to confirm.', {
      status: row.status,
    });
  }
  return settlePayment(ctx, row.id, await ctx.provider.confirm(row.providerPaymentId));
}

function assertPayable(order: OrderRow): void {
  if (order.status !== 'pending_payment') {
    throw conflict(
      'ORDER_NOT_PAYABLE',
      `The order is ${order.status.replace('_', ' ')}; there is nothing to pay.`,
      {
        status: order.status,
      },
    );
  }
  if (order.expiresAt.getTime() <= Date.now()) {
    throw conflict(
      'ORDER_EXPIRED',
      'The time to pay this order has run out; its items went back on the shelf.',
    );
  }
}

/**
 * Records what the provider said about a payment; a success marks the order paid, in one
 * transaction with its history, audit rows and the `store.order.paid` event. Settling an
 * already settled payment (a webhook after the direct answer) changes nothing.
 */
export async function settlePayment(
  ctx: PaymentContext,
  paymentId: string,
  answer: ProviderPayment,
): Promise<PaymentResult> {
  const settle = () =>
    ctx.db.transaction(async (tx) => {
      const [payment] = await tx
        .update(payments)
        .set({
          status: answer.status,
          providerPaymentId: answer.providerPaymentId,
          failureCode: answer.status === 'failed' ? answer.code : null,
          failureMessage: answer.status === 'failed' ? answer.message : null,
          updatedAt: new Date(),
        })
        .where(
          and(
            eq(payments.id, paymentId),
            inArray(payments.status, ['processing', 'requires_action']),
          ),
        )
        .returning();
      if (!payment) return 'already-settled' as const;
      await recordAudit(tx, {
        service: 'store',
        action: `payment.${answer.status}`,
        entityType: 'payment',
        entityId: payment.id,
        actorId: await auditActor(tx, ctx.actorId),
        after: {
          orderId: payment.orderId,
          provider: payment.provider,
          amountCents: payment.amountCents,
          ...(answer.status === 'failed' ? { failure: answer.code } : {}),
        },
        requestId: ctx.requestId ?? null,
      });
      if (answer.status !== 'succeeded') return 'recorded' as const;
      try {
        const order = await changeOrderStatus(tx, payment.orderId, {
          to: 'paid',
          from: ['pending_payment'],
          actorId: ctx.actorId,
          requestId: ctx.requestId,
          action: 'order.paid',
        });
        await publishOrderPaid(tx, order);
        if (order.userId) {
          await requestNotification(tx, 'store', {
            userId: order.userId,
            kind: 'order.paid',
            title: `Order ${order.number} is paid`,
            body: 'Thank you. We are getting it ready to ship.',
            link: ctx.links.order(order.number, order.accessToken),
          });
        }
        return 'paid' as const;
      } catch (error) {
        if (error instanceof AppError && error.code === 'ORDER_STATUS_CONFLICT') {
          return 'order-closed' as const;
        }
        throw error;
      }
    });
  let outcome;
  try {
    outcome = await settle();
  } catch (error) {
    // Two cards paid the same order at once: the database lets one succeed.
    if (!violates(error, '23505', 'payments_one_success_per_order')) throw error;
    outcome = 'duplicate' as const;
  }
  if (outcome === 'order-closed') {
    await refundUnneededPayment(
      ctx,
      paymentId,
      answer.providerPaymentId,
      'order no longer awaiting payment',
    );
    throw conflict(
      'ORDER_EXPIRED',
      'The time to pay this order ran out before the payment arrived; the payment was refunded.',
    );
  }
  if (outcome === 'duplicate') {
    await refundUnneededPayment(ctx, paymentId, answer.providerPaymentId, 'order already paid');
    throw conflict('ORDER_ALREADY_PAID', 'The order was already paid; this payment was refunded.');
  }
  return paymentResult(ctx.db, paymentId);
}

/**
 * The money arrived for an order that no longer wants it (it expired, was cancelled, or
 * another payment won): give it back rather than sell stock twice or charge twice.
 */
async function refundUnneededPayment(
  ctx: PaymentContext,
  paymentId: string,
  providerPaymentId: string | null,
  reason: string,
): Promise<void> {
  if (!providerPaymentId) return;
  const { refundId } = await ctx.provider.refund(providerPaymentId, `refund-${paymentId}`);
  await ctx.db.transaction(async (tx) => {
    const [payment] = await tx
      .update(payments)
      .set({
        status: 'refunded',
        providerPaymentId,
        providerRefundId: refundId,
        updatedAt: new Date(),
      })
      .where(eq(payments.id, paymentId))
      .returning({ orderId: payments.orderId });
    await recordAudit(tx, {
      service: 'store',
      action: 'payment.refunded',
      entityType: 'payment',
      entityId: paymentId,
      actorId: null,
      after: { orderId: payment?.orderId, reason, refundId },
      requestId: ctx.requestId ?? null,
    });
  });
}

async function paymentResult(db: Database, paymentId: string): Promise<PaymentResult> {
  const [row] = await db.select().from(payments).where(eq(payments.id, paymentId));
  const found = await loadOrder(db, { id: row!.orderId });
  return { payment: toPayment(row!), order: found!.order };
}

/** "Route to fulfilment" (spec flow "Order Product"), and purchase activity for MakrX.org. */
async function publishOrderPaid(tx: Database, order: OrderRow): Promise<void> {
  const lines = await tx
    .select({
      sku: orderLines.sku,
      quantity: orderLines.quantity,
      categorySlug: categories.slug,
    })
    .from(orderLines)
    .innerJoin(productVariants, eq(productVariants.id, orderLines.variantId))
    .innerJoin(products, eq(products.id, productVariants.productId))
    .innerJoin(categories, eq(categories.id, products.categoryId))
    .where(eq(orderLines.orderId, order.id));
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
      lines: lines.map(({ sku, quantity }) => ({ sku, quantity })),
      productCategories: [...new Set(lines.map((l) => l.categorySlug))],
    },
  });
}

/** The payment that paid an order, if one did. */
export async function successfulPayment(db: Database, orderId: string) {
  const [row] = await db
    .select()
    .from(payments)
    .where(and(eq(payments.orderId, orderId), eq(payments.status, 'succeeded')))
    .orderBy(desc(payments.createdAt))
    .limit(1);
  return row;
}

/** Records a refund the provider made, in the transaction that moves the order. */
export async function recordRefund(
  ctx: PaymentContext,
  tx: Database,
  payment: PaymentRow,
  refundId: string,
): Promise<void> {
  await tx
    .update(payments)
    .set({ status: 'refunded', providerRefundId: refundId, updatedAt: new Date() })
    .where(eq(payments.id, payment.id));
  await recordAudit(tx, {
    service: 'store',
    action: 'payment.refunded',
    entityType: 'payment',
    entityId: payment.id,
    actorId: await auditActor(tx, ctx.actorId),
    after: { orderId: payment.orderId, amountCents: payment.amountCents, refundId },
    requestId: ctx.requestId ?? null,
  });
}
