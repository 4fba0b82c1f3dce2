import type { EventConsumer } from '@makrx/service-kit';
import { storeConfigOf } from '../config';
import { createPaymentProvider, recordRefund, refundAtProvider } from '../modules/payments/service';

/**
 * The refund of a paid order its buyer cancelled, after the cancellation committed (the
 * `store.order.refund-requested` event is published in its transaction). The provider is asked
 * outside any transaction, with the payment's own idempotency key, so a repeated delivery
 * refunds once; a payment already refunded is not refunded again.
 */
export const refundCancelledOrder: EventConsumer<'store.order.refund-requested'> = {
  name: 'refund-cancelled-order',
  eventTypes: ['store.order.refund-requested'],
  outsideTransaction: true,
  async handle(event, { app }) {
    const provider = createPaymentProvider(storeConfigOf(app.config));
    const refund = await refundAtProvider(app.db, provider, event.payload.orderId);
    if (!refund) return;
    await app.db.transaction((tx) => recordRefund(tx, refund, { actorId: null }));
  },
};
