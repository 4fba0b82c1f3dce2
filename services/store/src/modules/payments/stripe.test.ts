import type { PlacedOrder } from '@makrx/contracts';
import { auditLogs } from '@makrx/db';
import { startTestService, testDrivers, type TestService } from '@makrx/service-kit/testing';
import { and, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expirePendingOrders } from '../../flows/expire-orders';
import { storeService } from '../../service';
import { placeGuestOrder, variantOf } from '../orders/testing';
import {
  FAKE_STRIPE_SECRET_KEY,
  signedStripeEvent,
  startFakeStripeApi,
  type FakeStripeApi,
} from '@makrx/payments/testing';
import { payments, processedWebhookEvents } from './tables';

const WEBHOOK_SECRET = 'whsec_test_secret';

describe.each(testDrivers)('paying through Stripe (a fake Stripe API) over %s', (driver) => {
  let stripe: FakeStripeApi;
  let store: TestService;
  beforeAll(async () => {
    stripe = await startFakeStripeApi();
    // The store reads its payment settings from its environment, as in production.
    store = await startTestService(storeService, driver, {
      env: {
        STRIPE_SECRET_KEY: FAKE_STRIPE_SECRET_KEY,
        STRIPE_WEBHOOK_SECRET: WEBHOOK_SECRET,
        STRIPE_API_URL: stripe.url,
      },
    });
  });
  afterAll(async () => {
    await store.close();
    await stripe.close();
  });

  const newOrder = async () =>
    placeGuestOrder(store.app, [
      { variantId: (await variantOf(store.app, 'esp32-devkit-v1')).id, quantity: 1 },
    ]);
  const pay = (order: PlacedOrder, paymentMethod: string) =>
    store.app.inject({
      method: 'POST',
      url: `/api/v1/orders/${order.id}/payments`,
      headers: { 'x-order-token': order.accessToken },
      payload: { paymentMethod },
    });
  const statusOf = async (order: PlacedOrder) =>
    (
      await store.app.inject({
        url: `/api/v1/orders/${order.id}`,
        headers: { 'x-order-token': order.accessToken },
      })
    ).json().status;
  const deliver = (payload: string, signature: string) =>
    store.app.inject({
      method: 'POST',
      url: '/api/v1/payments/stripe/webhook',
      headers: { 'content-type': 'application/json', 'stripe-signature': signature },
      payload,
    });

  it('pays with a Payment Intent for the order total', async () => {
    const order = await newOrder();
    const response = await pay(order, 'pm_card_visa');
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({
      payment: { provider: 'stripe', status: 'succeeded' },
      order: { status: 'paid' },
    });
    const intent = [...stripe.intents.values()].find((i) => i.metadata.orderId === order.id);
    expect(intent).toMatchObject({ amount: order.totalCents, currency: 'usd' });
  });

  it("passes on Stripe's decline and leaves the order payable", async () => {
    const order = await newOrder();
    const declined = await pay(order, 'pm_card_chargeDeclined');
    expect(declined.statusCode).toBe(402);
    expect(declined.json().error).toMatchObject({
      code: 'CARD_DECLINED',
      message: 'Your card was declined.',
    });
    expect(await statusOf(order)).toBe('pending_payment');
    expect((await pay(order, 'pm_card_visa')).json().order.status).toBe('paid');
  });

  it('refuses a webhook with a bad signature and changes nothing', async () => {
    const order = await newOrder();
    const pending = (await pay(order, 'pm_card_authenticationRequired')).json();
    const intentId = [...stripe.intents.values()].find((i) => i.metadata.orderId === order.id)!.id;
    const { payload } = signedStripeEvent(WEBHOOK_SECRET, {
      id: 'evt_forged',
      type: 'payment_intent.succeeded',
      object: {
        id: intentId,
        object: 'payment_intent',
        metadata: { paymentId: pending.payment.id },
      },
    });
    const forged = signedStripeEvent('whsec_someone_else', {
      id: 'evt_forged',
      type: 'payment_intent.succeeded',
      object: {},
    }).signature;
    const response = await deliver(payload, forged);
    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toBe('INVALID_SIGNATURE');
    expect((await deliver(payload, 't=1,v1=00')).statusCode).toBe(400);
    expect(await statusOf(order)).toBe('pending_payment');
    const handled = await store.app.db
      .select({ n: count() })
      .from(processedWebhookEvents)
      .where(eq(processedWebhookEvents.eventId, 'evt_forged'));
    expect(handled[0]!.n).toBe(0);
  });

  it('marks the order paid on payment_intent.succeeded, once however often it arrives', async () => {
    const order = await newOrder();
    const pending = (await pay(order, 'pm_card_authenticationRequired')).json();
    expect(pending.payment.status).toBe('requires_action');
    const intent = [...stripe.intents.values()].find((i) => i.metadata.orderId === order.id)!;
    const { payload, signature } = signedStripeEvent(WEBHOOK_SECRET, {
      id: 'evt_paid_once',
      type: 'payment_intent.succeeded',
      object: { ...intent, status: 'succeeded' },
    });
    expect((await deliver(payload, signature)).statusCode).toBe(200);
    expect((await deliver(payload, signature)).statusCode).toBe(200);
    expect(await statusOf(order)).toBe('paid');
    const paidRows = await store.app.db
      .select({ n: count() })
      .from(auditLogs)
      .where(and(eq(auditLogs.entityId, order.id), eq(auditLogs.action, 'order.paid')));
    expect(paidRows[0]!.n).toBe(1);
  });

  it('records payment_intent.payment_failed as a failed payment, leaving the order payable', async () => {
    const order = await newOrder();
    const pending = (await pay(order, 'pm_card_authenticationRequired')).json();
    const intent = [...stripe.intents.values()].find((i) => i.metadata.orderId === order.id)!;
    const { payload, signature } = signedStripeEvent(WEBHOOK_SECRET, {
      id: 'evt_auth_failed',
      type: 'payment_intent.payment_failed',
      object: {
        ...intent,
        status: 'requires_payment_method',
        last_payment_error: {
          code: 'payment_intent_authentication_failure',
          message: 'The card holder did not confirm the payment.',
        },
      },
    });
    expect((await deliver(payload, signature)).statusCode).toBe(200);
    const [row] = await store.app.db
      .select()
      .from(payments)
      .where(eq(payments.id, pending.payment.id));
    expect(row).toMatchObject({
      status: 'failed',
      failureCode: 'payment_intent_authentication_failure',
    });
    expect(await statusOf(order)).toBe('pending_payment');
  });

  /** Stripe telling the store, by webhook, where one of its Payment Intents is now. */
  const intentEvent = (
    eventId: string,
    type: string,
    intentId: string,
    change: Record<string, unknown> = {},
  ) => {
    const intent = stripe.intents.get(intentId)!;
    return signedStripeEvent(WEBHOOK_SECRET, {
      id: eventId,
      type,
      object: { ...intent, ...change },
    });
  };
  const orderRead = async (order: PlacedOrder) =>
    (
      await store.app.inject({
        url: `/api/v1/orders/${order.id}`,
        headers: { 'x-order-token': order.accessToken },
      })
    ).json();
  const startInBrowser = (order: PlacedOrder) =>
    store.app.inject({
      method: 'POST',
      url: `/api/v1/orders/${order.id}/payment-intents`,
      headers: { 'x-order-token': order.accessToken },
    });

  it('starts a Payment Element payment: an unconfirmed intent and its secret, no card involved', async () => {
    const order = await newOrder();
    const started = await startInBrowser(order);
    expect(started.statusCode).toBe(201);
    const { paymentId, clientSecret } = started.json();
    const intent = [...stripe.intents.values()].find((i) => i.metadata.paymentId === paymentId)!;
    expect(intent).toMatchObject({
      status: 'requires_payment_method',
      amount: order.totalCents,
      client_secret: clientSecret,
    });
    expect(await statusOf(order)).toBe('pending_payment');

    // The browser confirms with Stripe.js; Stripe tells the store by webhook.
    intent.status = 'succeeded';
    const { payload, signature } = intentEvent(
      'evt_element_paid',
      'payment_intent.succeeded',
      intent.id,
    );
    expect((await deliver(payload, signature)).statusCode).toBe(200);
    expect(await statusOf(order)).toBe('paid');
  });

  it('keeps a processing payment unpaid, takes no second payment, and pays it on success', async () => {
    const order = await newOrder();
    const { paymentId } = (await startInBrowser(order)).json();
    const intent = [...stripe.intents.values()].find((i) => i.metadata.paymentId === paymentId)!;
    intent.status = 'processing';
    const processing = intentEvent('evt_processing_1', 'payment_intent.processing', intent.id);
    expect((await deliver(processing.payload, processing.signature)).statusCode).toBe(200);
    expect(await orderRead(order)).toMatchObject({
      status: 'pending_payment',
      paymentProcessing: true,
    });
    const second = await pay(order, 'pm_card_visa');
    expect(second.statusCode).toBe(409);
    expect(second.json().error.code).toBe('PAYMENT_PROCESSING');
    expect((await startInBrowser(order)).json().error.code).toBe('PAYMENT_PROCESSING');

    intent.status = 'succeeded';
    const succeeded = intentEvent('evt_processing_1_ok', 'payment_intent.succeeded', intent.id);
    expect((await deliver(succeeded.payload, succeeded.signature)).statusCode).toBe(200);
    expect(await orderRead(order)).toMatchObject({ status: 'paid' });
    const rows = await store.app.db.select().from(payments).where(eq(payments.orderId, order.id));
    expect(rows.map((row) => row.status)).toEqual(['succeeded']);
  });

  it('gives a processing payment that fails later its order back to pay, its stock still held', async () => {
    const stockBefore = (await variantOf(store.app, 'esp32-devkit-v1')).stock;
    const order = await newOrder();
    const { paymentId } = (await startInBrowser(order)).json();
    const intent = [...stripe.intents.values()].find((i) => i.metadata.paymentId === paymentId)!;
    intent.status = 'processing';
    const processing = intentEvent('evt_processing_2', 'payment_intent.processing', intent.id);
    await deliver(processing.payload, processing.signature);
    expect((await orderRead(order)).paymentProcessing).toBe(true);

    intent.status = 'requires_payment_method';
    const failed = intentEvent(
      'evt_processing_2_failed',
      'payment_intent.payment_failed',
      intent.id,
      {
        last_payment_error: { code: 'card_declined', message: 'Your card was declined.' },
      },
    );
    expect((await deliver(failed.payload, failed.signature)).statusCode).toBe(200);
    expect(await orderRead(order)).toMatchObject({
      status: 'pending_payment',
      paymentProcessing: false,
    });
    const [row] = await store.app.db.select().from(payments).where(eq(payments.id, paymentId));
    expect(row).toMatchObject({ status: 'failed', failureCode: 'card_declined' });
    expect((await variantOf(store.app, 'esp32-devkit-v1')).stock).toBe(stockBefore - 1);
    // Payable again: another card pays it.
    expect((await pay(order, 'pm_card_visa')).json().order.status).toBe('paid');
  });

  it('lets a payment processing past the window finish: its order waits, then is paid, or expires once it fails', async () => {
    const later = new Date(Date.now() + 16 * 60_000);
    const sweep = () => expirePendingOrders(store.app.db, { log: store.app.log, now: later });
    const processingOrder = async (eventId: string) => {
      const order = await newOrder();
      const { paymentId } = (await startInBrowser(order)).json();
      const intent = [...stripe.intents.values()].find((i) => i.metadata.paymentId === paymentId)!;
      intent.status = 'processing';
      const processing = intentEvent(eventId, 'payment_intent.processing', intent.id);
      await deliver(processing.payload, processing.signature);
      return { order, intent };
    };
    const paying = await processingOrder('evt_late_1');
    const failing = await processingOrder('evt_late_2');

    await sweep();
    expect(await statusOf(paying.order)).toBe('pending_payment');
    expect(await statusOf(failing.order)).toBe('pending_payment');
    // Each still holds its unit (other tests' unpaid orders went back with this sweep).
    const stockHeld = (await variantOf(store.app, 'esp32-devkit-v1')).stock;

    paying.intent.status = 'succeeded';
    const succeeded = intentEvent('evt_late_1_ok', 'payment_intent.succeeded', paying.intent.id);
    await deliver(succeeded.payload, succeeded.signature);
    expect(await statusOf(paying.order)).toBe('paid');

    failing.intent.status = 'requires_payment_method';
    const failed = intentEvent(
      'evt_late_2_failed',
      'payment_intent.payment_failed',
      failing.intent.id,
      {
        last_payment_error: { code: 'card_declined', message: 'Your card was declined.' },
      },
    );
    await deliver(failed.payload, failed.signature);
    await sweep();
    expect(await statusOf(failing.order)).toBe('cancelled');
    expect((await variantOf(store.app, 'esp32-devkit-v1')).stock).toBe(stockHeld + 1);
    expect(stripe.refunds.filter((r) => r.paymentIntent === paying.intent.id)).toEqual([]);
  });

  it('declines an expired card through Stripe, and nothing is paid', async () => {
    const order = await newOrder();
    const declined = await pay(order, 'tok_chargeDeclinedExpiredCard');
    expect(declined.statusCode).toBe(402);
    expect(declined.json().error).toMatchObject({
      code: 'EXPIRED_CARD',
      details: { providerCode: 'expired_card' },
    });
    expect(await statusOf(order)).toBe('pending_payment');
  });

  it('refunds through Stripe when a paid order is cancelled', async () => {
    const order = await newOrder();
    await pay(order, 'pm_card_visa');
    const refundsBefore = stripe.refunds.length;
    const cancelled = await store.app.inject({
      method: 'POST',
      url: `/api/v1/orders/${order.id}/cancel`,
      headers: { 'x-order-token': order.accessToken },
    });
    expect(cancelled.json().status).toBe('cancelled');
    // The refund follows the committed cancellation, from the outbox.
    await store.app.events.deliverDue();
    expect(stripe.refunds.length).toBe(refundsBefore + 1);
  });
});
