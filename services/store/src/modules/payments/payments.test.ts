import { startTestIssuer, type TestIssuer } from '@makrx/auth/testing';
import type { PlacedOrder } from '@makrx/contracts';
import { auditLogs } from '@makrx/db';
import { outboxEvents } from '@makrx/events';
import { startTestService, testDrivers, type TestService } from '@makrx/service-kit/testing';
import { eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storeService } from '../../service';
import { placeGuestOrder, variantOf } from '../orders/testing';
import { expirePendingOrders } from '../../flows/expire-orders';
import { payments } from './tables';

/** A Stripe test card token, as the pay page sends it: the card number never leaves the browser. */
const card = (token: string) => ({ paymentMethod: token });

describe.each(testDrivers)('paying orders with the offline test gateway over %s', (driver) => {
  let issuer: TestIssuer;
  let store: TestService;
  beforeAll(async () => {
    issuer = await startTestIssuer();
    store = await startTestService(storeService, driver, { issuer: issuer.issuer });
  });
  afterAll(async () => {
    await store.close();
    await issuer.close();
  });

  const pay = (order: PlacedOrder, body: object, token: string | null = order.accessToken) =>
    store.app.inject({
      method: 'POST',
      url: `/api/v1/orders/${order.id}/payments`,
      headers: token ? { 'x-order-token': token } : {},
      payload: body,
    });
  const post = (url: string, headers: Record<string, string> = {}, payload?: object) =>
    store.app.inject({ method: 'POST', url, headers, ...(payload ? { payload } : {}) });

  /** All orders, as a store admin's list counts them. */
  const orderTotal = async () => {
    const admin = await issuer.userToken({
      username: 'store-admin',
      realmRoles: ['admin', 'admin:store'],
    });
    const list = await store.app.inject({
      url: '/api/v1/admin/orders?pageSize=1',
      headers: { authorization: `Bearer ${admin}` },
    });
    return list.json<{ total: number }>().total;
  };

  const orderOf = async (slug: string, quantity = 1) =>
    placeGuestOrder(store.app, [{ variantId: (await variantOf(store.app, slug)).id, quantity }]);

  it('marks the order paid with the test Visa token and routes it to fulfilment', async () => {
    const order = await orderOf('esp32-devkit-v1');
    const response = await pay(order, card('tok_visa'));
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({
      payment: { status: 'succeeded', provider: 'offline', amountCents: order.totalCents },
      order: { status: 'paid' },
    });
    expect(response.json().order.history.map((h: { status: string }) => h.status)).toEqual([
      'pending_payment',
      'paid',
    ]);
    const events = await store.app.db
      .select()
      .from(outboxEvents)
      .where(eq(outboxEvents.type, 'store.order.paid'));
    expect(events.map((e) => e.payload)).toContainEqual(
      expect.objectContaining({ orderId: order.id, productCategories: ['electronics'] }),
    );
    const audit = await store.app.db
      .select({ action: auditLogs.action })
      .from(auditLogs)
      .where(eq(auditLogs.entityId, order.id));
    expect(audit.map((a) => a.action)).toEqual(['order.placed', 'order.paid']);
  });

  it('declines the declined test card clearly, and a second card pays the same one order', async () => {
    const pico = await variantOf(store.app, 'raspberry-pi-pico-w');
    const ordersBefore = await orderTotal();
    const order = await placeGuestOrder(store.app, [{ variantId: pico.id, quantity: 2 }]);
    const declined = await pay(order, card('tok_chargeDeclined'));
    expect(declined.statusCode).toBe(402);
    expect(declined.json().error).toMatchObject({
      code: 'CARD_DECLINED',
      message: 'Your card was declined. Try another card or payment method.',
      details: { orderStatus: 'pending_payment' },
    });
    const paid = await pay(order, card('tok_visa'));
    expect(paid.json().order).toMatchObject({ id: order.id, status: 'paid' });
    expect(await orderTotal()).toBe(ordersBefore + 1);
    expect((await variantOf(store.app, 'raspberry-pi-pico-w')).stock).toBe(pico.stock - 2);
  });

  it('asks for confirmation with the 3-D Secure test card and pays once confirmed', async () => {
    const order = await orderOf('esp32-devkit-v1');
    const response = await pay(order, card('tok_threeDSecure2Required'));
    expect(response.statusCode).toBe(201);
    const { payment } = response.json();
    expect(payment.status).toBe('requires_action');
    expect(response.json().order.status).toBe('pending_payment');
    const confirmed = await post(payment.nextAction.confirmUrl, {
      'x-order-token': order.accessToken,
    });
    expect(confirmed.statusCode).toBe(200);
    expect(confirmed.json()).toMatchObject({
      payment: { status: 'succeeded' },
      order: { status: 'paid' },
    });
    const again = await post(payment.nextAction.confirmUrl, { 'x-order-token': order.accessToken });
    expect(again.statusCode).toBe(409);
  });

  it('declines an expired card as Stripe does, and nothing is paid', async () => {
    const before = await variantOf(store.app, 'esp32-devkit-v1');
    const order = await orderOf('esp32-devkit-v1');
    const expired = await pay(order, card('tok_chargeDeclinedExpiredCard'));
    expect(expired.statusCode).toBe(402);
    expect(expired.json().error).toMatchObject({
      code: 'EXPIRED_CARD',
      message: 'Your card has expired.',
      details: { orderStatus: 'pending_payment', providerCode: 'expired_card' },
    });
    const rows = await store.app.db.select().from(payments).where(eq(payments.orderId, order.id));
    expect(rows.map((p) => p.status)).toEqual(['failed']);
    const read = await store.app.inject({
      url: `/api/v1/orders/${order.id}`,
      headers: { 'x-order-token': order.accessToken },
    });
    expect(read.json()).toMatchObject({ status: 'pending_payment', paymentProcessing: false });
    expect((await variantOf(store.app, 'esp32-devkit-v1')).stock).toBe(before.stock - 1);
  });

  it('refuses a body carrying a card number (400), and charges nothing', async () => {
    const order = await orderOf('esp32-devkit-v1');
    const bodies = [
      { card: { number: '4242424242424242', expMonth: 12, expYear: 2030, cvc: '123' } },
      { paymentMethod: 'tok_visa', card: { number: '4242424242424242' } },
      { paymentMethod: '4242424242424242' },
      { paymentMethod: 'tok_visa', cardNumber: '4242424242424242' },
    ];
    for (const body of bodies) {
      const refused = await pay(order, body);
      expect(refused.statusCode).toBe(400);
      expect(refused.json().error.code).toBe('VALIDATION_FAILED');
    }
    const rows = await store.app.db.select().from(payments).where(eq(payments.orderId, order.id));
    expect(rows).toEqual([]);
    const read = await store.app.inject({
      url: `/api/v1/orders/${order.id}`,
      headers: { 'x-order-token': order.accessToken },
    });
    expect(read.json().status).toBe('pending_payment');
  });

  it('has no Payment Intent to start without Stripe', async () => {
    const order = await orderOf('esp32-devkit-v1');
    const started = await post(`/api/v1/orders/${order.id}/payment-intents`, {
      'x-order-token': order.accessToken,
    });
    expect(started.statusCode).toBe(409);
    expect(started.json().error.code).toBe('PAYMENT_ELEMENT_UNAVAILABLE');
  });

  it('lets only the holder of the order token pay a guest order', async () => {
    const order = await orderOf('esp32-devkit-v1');
    expect((await pay(order, card('tok_visa'), null)).statusCode).toBe(401);
    expect((await pay(order, card('tok_visa'), 'not-the-token')).statusCode).toBe(404);
  });

  it('refuses to take a second payment for a paid order', async () => {
    const order = await orderOf('esp32-devkit-v1');
    await pay(order, card('tok_visa'));
    const second = await pay(order, card('tok_visa'));
    expect(second.statusCode).toBe(409);
    expect(second.json().error.code).toBe('ORDER_NOT_PAYABLE');
  });

  it('takes one of two cards paying the same order at once, and refunds the other', async () => {
    const order = await orderOf('esp32-devkit-v1');
    const answers = await Promise.all([
      pay(order, card('tok_visa')),
      pay(order, card('tok_mastercard')),
    ]);
    const statuses = answers.map((a) => a.statusCode).sort();
    expect(statuses).toEqual([201, 409]);
    const refused = answers.find((a) => a.statusCode === 409)!.json().error.code;
    expect(['ORDER_ALREADY_PAID', 'ORDER_NOT_PAYABLE']).toContain(refused);
    const rows = await store.app.db.select().from(payments).where(eq(payments.orderId, order.id));
    expect(rows.filter((p) => p.status === 'succeeded')).toHaveLength(1);
    expect(rows.filter((p) => p.status === 'processing')).toEqual([]);
  });

  it('cancels unpaid orders after their payment window and puts their stock back', async () => {
    const before = await variantOf(store.app, 'ws2812b-led-strip-1m');
    const order = await orderOf('ws2812b-led-strip-1m', 4);
    expect((await variantOf(store.app, 'ws2812b-led-strip-1m')).stock).toBe(before.stock - 4);
    expect(await expirePendingOrders(store.app.db, { log: store.app.log })).toBe(0);
    const later = new Date(Date.now() + 31 * 60_000);
    expect(
      await expirePendingOrders(store.app.db, { log: store.app.log, now: later }),
    ).toBeGreaterThanOrEqual(1);
    expect((await variantOf(store.app, 'ws2812b-led-strip-1m')).stock).toBe(before.stock);
    const read = await store.app.inject({
      url: `/api/v1/orders/${order.id}`,
      headers: { 'x-order-token': order.accessToken },
    });
    expect(read.json().status).toBe('cancelled');
    expect((await pay(order, card('tok_visa'))).json().error.code).toBe('ORDER_NOT_PAYABLE');
  });

  it('cancels before shipment: stock back, and a paid order refunded', async () => {
    const before = await variantOf(store.app, 'vl53l0x-tof-sensor');
    const pending = await orderOf('vl53l0x-tof-sensor', 2);
    const paid = await orderOf('vl53l0x-tof-sensor', 3);
    await pay(paid, card('tok_visa'));
    for (const order of [pending, paid]) {
      const cancelled = await post(`/api/v1/orders/${order.id}/cancel`, {
        'x-order-token': order.accessToken,
      });
      expect(cancelled.statusCode).toBe(200);
      expect(cancelled.json().status).toBe('cancelled');
    }
    expect((await variantOf(store.app, 'vl53l0x-tof-sensor')).stock).toBe(before.stock);
    // The refund follows the cancellation through the outbox.
    await store.app.events.deliverDue();
    const refunds = await store.app.db
      .select({ action: auditLogs.action })
      .from(auditLogs)
      .where(inArray(auditLogs.action, ['payment.refunded']));
    expect(refunds.length).toBeGreaterThanOrEqual(1);
  });

  it('lets store admins, and only them, refund a paid order', async () => {
    const order = await orderOf('esp32-devkit-v1');
    await pay(order, card('tok_visa'));
    const customer = await issuer.userToken({ username: 'carol' });
    const admin = await issuer.userToken({
      username: 'store-admin',
      realmRoles: ['admin', 'admin:store'],
    });
    const url = `/api/v1/orders/${order.id}/refund`;
    expect((await post(url)).statusCode).toBe(401);
    expect((await post(url, { authorization: `Bearer ${customer}` })).statusCode).toBe(403);
    const refunded = await post(url, { authorization: `Bearer ${admin}` }, { note: 'Damaged' });
    expect(refunded.statusCode).toBe(200);
    expect(refunded.json().status).toBe('refunded');
    expect((await post(url, { authorization: `Bearer ${admin}` })).statusCode).toBe(409);
  });
});
