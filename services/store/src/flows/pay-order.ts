import type { PaymentResult } from '@makrx/contracts';
import type { Database } from '@makrx/db';
import { AppError, defineFlow, runFlow, type FlowRunOptions } from '@makrx/service-kit';
import { assertAwaitingPayment, loadOrder, type OrderRow } from '../modules/orders/service';
import {
  assertNoPaymentProcessing,
  chargeAtProvider,
  findPayment,
  openPayment,
  paymentAwaitingConfirmation,
  recordProviderAnswer,
  toPayment,
  type PaymentSource,
  type ProviderPayment,
} from '../modules/payments/service';
import {
  refundIfCharged,
  settleSteps,
  type PaymentFlowInput,
  type Settling,
} from './settle-payment';
import { runOptions } from './store-flows';

interface Paying extends Settling {
  readonly order: OrderRow;
  readonly source: PaymentSource;
}

interface Confirming extends Settling {
  readonly providerPaymentId: string;
}

interface Receiving extends Settling {
  readonly delivered: ProviderPayment;
}

/** Said when an attempt ends without money: nothing was charged, the buyer may try again. */
function unfinishedAttempt(answer: ProviderPayment | undefined) {
  return answer === undefined
    ? {
        code: 'provider_unavailable',
        message: 'The payment provider could not be reached. Nothing was charged; try again.',
      }
    : {
        code: 'payment_not_completed',
        message: 'The payment could not be completed. Nothing was charged; try again.',
      };
}

/**
 * Pays a pending order: an attempt recorded, the card charged, the answer settled. A declined
 * card leaves a failed payment and the order still pending, so the buyer picks another card and
 * the order stays the one order. Money that arrives for an order that can no longer take it is
 * refunded by the charge's undo: 409 ORDER_EXPIRED or ORDER_ALREADY_PAID.
 */
export const payOrderFlow = defineFlow<Paying, Database>('pay-order', [
  {
    name: 'check-payable',
    run: async ({ order }, db) => {
      assertAwaitingPayment(order);
      await assertNoPaymentProcessing(db, order.id);
    },
  },
  {
    name: 'open-payment',
    run: async (paying, db) => {
      const payment = await openPayment(db, paying.order, paying.provider.name);
      paying.paymentId = payment.id;
    },
    // Money taken is the charge's to give back; an attempt that took none is recorded failed.
    undo: async (paying, db) => {
      if (paying.answer?.status === 'succeeded') return;
      const { code, message } = unfinishedAttempt(paying.answer);
      await recordProviderAnswer(
        db,
        paying.paymentId!,
        {
          providerPaymentId: paying.answer?.providerPaymentId ?? null,
          status: 'failed',
          code,
          message,
        },
        paying,
      );
    },
  },
  {
    name: 'charge',
    run: async (paying) => {
      const { provider, order, paymentId, source } = paying;
      paying.answer = await chargeAtProvider(provider, order, paymentId!, source);
    },
    undo: refundIfCharged,
  },
  ...settleSteps,
]);

/** After the buyer completed the issuer's extra step (3-D Secure). */
export const confirmPaymentFlow = defineFlow<Confirming, Database>('confirm-payment', [
  {
    name: 'confirm-at-provider',
    run: async (confirming) => {
      confirming.answer = await confirming.provider.confirm(confirming.providerPaymentId);
    },
    undo: refundIfCharged,
  },
  ...settleSteps,
]);

/** What the provider told us later, by webhook: settled like a direct answer. */
export const settleProviderAnswerFlow = defineFlow<Receiving, Database>('settle-provider-answer', [
  {
    name: 'receive-provider-answer',
    run: async (settling) => {
      settling.answer = settling.delivered;
    },
    undo: refundIfCharged,
  },
  ...settleSteps,
]);

async function paymentResult(db: Database, paymentId: string): Promise<PaymentResult> {
  const payment = await findPayment(db, paymentId);
  const found = await loadOrder(db, { id: payment.orderId });
  const order = { ...found!.order, paymentProcessing: payment.status === 'processing' };
  return { payment: toPayment(payment), order };
}

export async function payOrder(
  db: Database,
  input: PaymentFlowInput,
  order: OrderRow,
  source: PaymentSource,
  options?: FlowRunOptions,
): Promise<PaymentResult> {
  const paid = await runFlow(
    payOrderFlow,
    { ...input, orderId: order.id, order, source },
    db,
    runOptions(input, options),
  );
  return paymentResult(db, paid.paymentId!);
}

export async function confirmPayment(
  db: Database,
  input: PaymentFlowInput,
  order: OrderRow,
  paymentId: string,
  options?: FlowRunOptions,
): Promise<PaymentResult> {
  const payment = await paymentAwaitingConfirmation(db, order.id, paymentId);
  const confirming = {
    ...input,
    orderId: order.id,
    paymentId: payment.id,
    providerPaymentId: payment.providerPaymentId,
  };
  await runFlow(confirmPaymentFlow, confirming, db, runOptions(input, options));
  return paymentResult(db, payment.id);
}

/**
 * Settles a payment by what the provider's webhook said. A payment the order no longer
 * wanted was refunded by the flow; the provider needs no retry, so that is not an error here.
 */
export async function settleProviderAnswer(
  db: Database,
  input: PaymentFlowInput,
  payment: { id: string; orderId: string },
  delivered: ProviderPayment,
): Promise<void> {
  try {
    await runFlow(
      settleProviderAnswerFlow,
      { ...input, orderId: payment.orderId, paymentId: payment.id, delivered },
      db,
      runOptions(input),
    );
  } catch (error) {
    const refunded = ['ORDER_EXPIRED', 'ORDER_ALREADY_PAID'];
    if (!(error instanceof AppError && refunded.includes(error.code))) throw error;
  }
}
