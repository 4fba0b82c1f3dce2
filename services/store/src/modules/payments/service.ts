import type { Payment } from '@makrx/contracts';
import { auditActor, recordAudit, violates, type Database } from '@makrx/db';
import { AppError, conflict } from '@makrx/service-kit';
import { and, desc, eq, inArray, isNotNull } from 'drizzle-orm';
import type { PaymentProvider, PaymentSource, ProviderPayment } from '@makrx/payments';
import { payments } from './tables';

/*
 * The payments module's service: payment rows and the provider's calls. What a payment does
 * to its order (paid, refunded) is composed by the flows in src/flows.
 */

export {
  createPaymentProvider,
  type PaymentProvider,
  type PaymentSource,
  type ProviderPayment,
} from '@makrx/payments';

export type PaymentRow = typeof payments.$inferSelect;

/** Who acts and in which request, for the audit rows. */
export interface Acting {
  actorId: string | null;
  requestId?: string | null;
}

/** The order as a payment needs it. */
export interface OrderToPay {
  id: string;
  number: string;
  totalCents: number;
  currency: string;
}

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

export async function findPayment(db: Database, paymentId: string): Promise<PaymentRow> {
  const [row] = await db.select().from(payments).where(eq(payments.id, paymentId));
  if (!row) throw new AppError(404, 'NOT_FOUND', 'The payment was not found.');
  return row;
}

/** An attempt to pay the order's total, recorded before the provider is asked. */
export async function openPayment(
  db: Database,
  order: OrderToPay,
  provider: PaymentProvider['name'],
): Promise<PaymentRow> {
  const [created] = await db
    .insert(payments)
    .values({
      orderId: order.id,
      provider,
      status: 'processing',
      amountCents: order.totalCents,
      currency: order.currency,
    })
    .returning();
  return created!;
}

/** Whether a payment of the order is on its way at the provider (Stripe's `processing`). */
export async function paymentProcessing(db: Database, orderId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: payments.id })
    .from(payments)
    .where(
      and(
        eq(payments.orderId, orderId),
        eq(payments.status, 'processing'),
        isNotNull(payments.providerPaymentId),
      ),
    )
    .limit(1);
  return row !== undefined;
}

/** A second payment while one is processing could charge the buyer twice: wait for its outcome. */
export async function assertNoPaymentProcessing(db: Database, orderId: string): Promise<void> {
  if (!(await paymentProcessing(db, orderId))) return;
  throw conflict(
    'PAYMENT_PROCESSING',
    'A payment of this order is still processing. You will see here whether it went through.',
  );
}

/**
 * A payment the buyer's browser confirms with Stripe's Payment Element: the Payment Intent is
 * created here, unconfirmed, and its secret goes to the browser; the card details go from the
 * browser to Stripe only, and the webhook says how it ended. Undefined without Stripe.
 */
export async function startBrowserPayment(
  db: Database,
  provider: PaymentProvider,
  order: OrderToPay,
): Promise<{ payment: PaymentRow; clientSecret: string } | undefined> {
  const [opened] = await db
    .insert(payments)
    .values({
      orderId: order.id,
      provider: provider.name,
      status: 'requires_action',
      amountCents: order.totalCents,
      currency: order.currency,
    })
    .returning();
  const payment = opened!;
  let started: Awaited<ReturnType<PaymentProvider['startPayment']>>;
  try {
    started = await provider.startPayment({
      amountCents: order.totalCents,
      currency: order.currency,
      idempotencyKey: `payment-${payment.id}`,
      metadata: { orderId: order.id, orderNumber: order.number, paymentId: payment.id },
    });
  } catch (error) {
    await db.delete(payments).where(eq(payments.id, payment.id));
    throw new AppError(
      502,
      'PAYMENT_PROVIDER_UNAVAILABLE',
      'The payment provider could not be reached.',
      { cause: error instanceof Error ? error.message : String(error) },
    );
  }
  if (!started) {
    await db.delete(payments).where(eq(payments.id, payment.id));
    return undefined;
  }
  const [withIntent] = await db
    .update(payments)
    .set({ providerPaymentId: started.providerPaymentId, updatedAt: new Date() })
    .where(eq(payments.id, payment.id))
    .returning();
  return { payment: withIntent!, clientSecret: started.clientSecret };
}

/**
 * Asks the provider to charge the order's total. A declined card is an answer; a provider that
 * cannot be reached is 502 PAYMENT_PROVIDER_UNAVAILABLE (the payment's idempotency key makes a
 * retried call charge once).
 */
export async function chargeAtProvider(
  provider: PaymentProvider,
  order: OrderToPay,
  paymentId: string,
  source: PaymentSource,
): Promise<ProviderPayment> {
  try {
    return await provider.charge({
      amountCents: order.totalCents,
      currency: order.currency,
      source,
      idempotencyKey: `payment-${paymentId}`,
      metadata: { orderId: order.id, orderNumber: order.number, paymentId },
    });
  } catch (error) {
    throw new AppError(
      502,
      'PAYMENT_PROVIDER_UNAVAILABLE',
      'The payment provider could not be reached.',
      { cause: error instanceof Error ? error.message : String(error) },
    );
  }
}

/** The payment of this order waiting for the buyer's extra step (3-D Secure). */
export async function paymentAwaitingConfirmation(
  db: Database,
  orderId: string,
  paymentId: string,
): Promise<PaymentRow & { providerPaymentId: string }> {
  const [row] = await db
    .select()
    .from(payments)
    .where(and(eq(payments.id, paymentId), eq(payments.orderId, orderId)));
  if (!row) throw new AppError(404, 'NOT_FOUND', 'The payment was not found.');
  if (row.status !== 'requires_action' || !row.providerPaymentId) {
    throw conflict('PAYMENT_NOT_AWAITING_CONFIRMATION', 'This payment has nothing to confirm.', {
      status: row.status,
    });
  }
  return { ...row, providerPaymentId: row.providerPaymentId };
}

/**
 * Records what the provider said on a payment still open, with its audit row; undefined when it
 * was settled already (a webhook after the direct answer). A failed Payment Intent may still
 * be paid later (the buyer retries in the Payment Element), so money or progress reported for a
 * failed one is recorded too. An order is paid once: a second success breaks
 * `payments_one_success_per_order`, answered 409 ORDER_ALREADY_PAID.
 */
export async function recordProviderAnswer(
  tx: Database,
  paymentId: string,
  answer: ProviderPayment,
  acting: Acting,
): Promise<PaymentRow | undefined> {
  let payment: PaymentRow | undefined;
  try {
    [payment] = await tx
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
          inArray(
            payments.status,
            answer.status === 'failed'
              ? ['processing', 'requires_action']
              : ['processing', 'requires_action', 'failed'],
          ),
        ),
      )
      .returning();
  } catch (error) {
    // Two cards paid the same order at once: the database lets one succeed.
    if (!violates(error, '23505', 'payments_one_success_per_order')) throw error;
    throw conflict('ORDER_ALREADY_PAID', 'The order was already paid; this payment was refunded.');
  }
  if (!payment) return undefined;
  await recordAudit(tx, {
    service: 'store',
    action: `payment.${answer.status}`,
    entityType: 'payment',
    entityId: payment.id,
    actorId: await auditActor(tx, acting.actorId),
    after: {
      orderId: payment.orderId,
      provider: payment.provider,
      amountCents: payment.amountCents,
      ...(answer.status === 'failed' ? { failure: answer.code } : {}),
    },
    requestId: acting.requestId ?? null,
  });
  return payment;
}

/**
 * The money arrived for an order that no longer wants it (it expired, was cancelled, another
 * payment won, or recording it failed): give it back rather than sell stock twice or charge
 * twice. The refund's idempotency key makes a repeat refund once.
 */
export async function refundUnneededPayment(
  db: Database,
  provider: PaymentProvider,
  payment: { id: string; providerPaymentId: string },
  reason: string,
  acting: Acting,
): Promise<void> {
  const { refundId } = await provider.refund(payment.providerPaymentId, `refund-${payment.id}`);
  await db.transaction(async (tx) => {
    const [refunded] = await tx
      .update(payments)
      .set({
        status: 'refunded',
        providerPaymentId: payment.providerPaymentId,
        providerRefundId: refundId,
        updatedAt: new Date(),
      })
      .where(eq(payments.id, payment.id))
      .returning({ orderId: payments.orderId });
    await recordAudit(tx, {
      service: 'store',
      action: 'payment.refunded',
      entityType: 'payment',
      entityId: payment.id,
      actorId: null,
      after: { orderId: refunded?.orderId, reason, refundId },
      requestId: acting.requestId ?? null,
    });
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

export interface ProviderRefund {
  payment: PaymentRow;
  refundId: string;
}

/**
 * Refunds the payment that paid this order at the provider, if one did. Outside any
 * transaction (no lock held across the network); its idempotency key makes a repeat, after a
 * later step failed, refund once.
 */
export async function refundAtProvider(
  db: Database,
  provider: PaymentProvider,
  orderId: string,
): Promise<ProviderRefund | undefined> {
  const payment = await successfulPayment(db, orderId);
  if (!payment?.providerPaymentId) return undefined;
  const { refundId } = await provider.refund(payment.providerPaymentId, `refund-${payment.id}`);
  return { payment, refundId };
}

/** Records a refund the provider made, in the transaction that moves the order. */
export async function recordRefund(
  tx: Database,
  { payment, refundId }: ProviderRefund,
  acting: Acting,
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
    actorId: await auditActor(tx, acting.actorId),
    after: { orderId: payment.orderId, amountCents: payment.amountCents, refundId },
    requestId: acting.requestId ?? null,
  });
}

/**
 * Records an order as paid by invoice on a makerspace's purchasing account, in the transaction
 * that marks it paid: a succeeded payment with no provider behind it, so nothing is charged now
 * and nothing is refunded at a provider if it is cancelled (the invoice is adjusted instead).
 */
export async function recordPaymentOnAccount(
  tx: Database,
  order: OrderToPay,
  account: { id: string; name: string },
  acting: Acting,
): Promise<PaymentRow> {
  const [recorded] = await tx
    .insert(payments)
    .values({
      orderId: order.id,
      provider: 'invoice',
      status: 'succeeded',
      amountCents: order.totalCents,
      currency: order.currency,
    })
    .returning();
  await recordAudit(tx, {
    service: 'store',
    action: 'payment.on-account',
    entityType: 'payment',
    entityId: recorded!.id,
    actorId: await auditActor(tx, acting.actorId),
    after: {
      orderId: order.id,
      amountCents: order.totalCents,
      purchasingAccountId: account.id,
      account: account.name,
    },
    requestId: acting.requestId ?? null,
  });
  return recorded!;
}
