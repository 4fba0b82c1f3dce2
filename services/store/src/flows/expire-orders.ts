import type { Database } from '@makrx/db';
import {
  AppError,
  defineFlow,
  runFlow,
  type BackgroundJob,
  type FlowRunOptions,
} from '@makrx/service-kit';
import type { FastifyBaseLogger } from 'fastify';
import { PAYMENT_WINDOW_MS, unpaidOrdersDue } from '../modules/orders/service';
import { paymentProcessing } from '../modules/payments/service';
import { closeInOneTransaction, type ClosingOrder } from './close-order';
import { runOptions } from './store-flows';

/** A pending order past its payment window: cancelled with its units back, or neither. */
export const expireOrderFlow = defineFlow<ClosingOrder, Database>('expire-order', [
  closeInOneTransaction({
    to: 'cancelled',
    from: ['pending_payment'],
    note: `Not paid within ${PAYMENT_WINDOW_MS / 60_000} minutes`,
    action: 'order.expired',
    restock: () => true,
  }),
]);

export interface ExpiryRun extends FlowRunOptions {
  log: FastifyBaseLogger;
  /** Lets a test look past the payment window without waiting. */
  now?: Date;
}

/**
 * Cancels pending orders whose payment window has passed and puts their stock back. An order
 * whose payment is processing at the provider waits for its outcome instead: the webhook pays
 * it, or fails it and the next sweep expires it.
 */
export async function expirePendingOrders(
  db: Database,
  { log, now = new Date(), ...options }: ExpiryRun,
): Promise<number> {
  let expired = 0;
  for (const id of await unpaidOrdersDue(db, now, 500)) {
    if (await paymentProcessing(db, id)) continue;
    const expiring: ClosingOrder = { order: { id, status: 'pending_payment' }, actorId: null, log };
    try {
      await runFlow(expireOrderFlow, expiring, db, runOptions(expiring, options));
      expired += 1;
    } catch (error) {
      // Paid (or cancelled) a moment ago: nothing to expire.
      if (!(error instanceof AppError && error.code === 'ORDER_STATUS_CONFLICT')) throw error;
    }
  }
  return expired;
}

/**
 * Run by the service every ten seconds (spec: stock is released when the order expires), so a
 * product page soon shows the units again; a buyer who finds the shelf empty does not wait for
 * it, as placing an order expires what is due first (place-order.ts).
 */
export const expireUnpaidOrders: BackgroundJob = {
  name: 'expire-unpaid-orders',
  everyMs: 10_000,
  run: (app) => expirePendingOrders(app.db, { log: app.log }),
};
