import { InjectedFailure } from '@makrx/service-kit';
import { testDrivers } from '@makrx/service-kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { successfulPayment } from '../modules/payments/service';
import { cancelOrder } from './cancel-order';
import { expirePendingOrders } from './expire-orders';
import { refundOrder } from './refund-order';
import { startFlowTestSetup, type FlowTestSetup } from './testing';

/*
 * Cancelling, refunding and expiring close an order in one transaction: the status, the stock
 * and the refund's record (or, for a buyer's cancellation, the request to refund). A store
 * admin's refund comes before it at the provider and cannot be undone, so a close that failed
 * is finished by asking again, and the buyer is refunded once; a cancellation is refunded only
 * after it committed.
 */
describe.each(testDrivers)('closing an order, a step failing, over %s', (driver) => {
  let setup: FlowTestSetup;
  beforeAll(async () => {
    setup = await startFlowTestSetup(driver);
  });
  afterAll(() => setup.close());

  const post = (url: string, headers: Record<string, string>) =>
    setup.store.app.inject({ method: 'POST', url, headers });
  const storeAdmin = () =>
    setup.issuer.userToken({ username: 'store-admin', realmRoles: ['admin', 'admin:store'] });

  it.each(['mark-cancelled', 'release-stock', 'request-refund'])(
    'leaves a paid order paid, its stock held and its payment as it was when cancelling fails at "%s"',
    async (failing) => {
      const { app } = setup.store;
      const before = await setup.stockOf('vl53l0x-tof-sensor');
      const order = await setup.paidOrder('vl53l0x-tof-sensor', 3);
      const payment = await successfulPayment(app.db, order.id);

      const failure = await cancelOrder(app.db, setup.input(), await setup.row(order), {
        failStep: failing,
      }).catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(InjectedFailure);
      await app.events.deliverDue();
      expect(await setup.statusOf(order)).toBe('paid');
      expect(await setup.stockOf('vl53l0x-tof-sensor')).toBe(before - 3);
      expect(await successfulPayment(app.db, order.id)).toEqual(payment);
      expect(setup.atStripe(order).refunds).toHaveLength(0);
      expect((await setup.recorded(order)).audit).toEqual(['order.placed', 'order.paid']);

      const cancelled = await post(`/api/v1/orders/${order.id}/cancel`, {
        'x-order-token': order.accessToken,
      });
      expect(cancelled.json().status).toBe('cancelled');
      expect(await setup.stockOf('vl53l0x-tof-sensor')).toBe(before);
      // The refund follows the cancellation, from the outbox, once however often delivered.
      await app.events.deliverDue();
      await app.events.deliverDue();
      expect(setup.atStripe(order).refunds).toHaveLength(1);
      expect(await successfulPayment(app.db, order.id)).toBeUndefined();
    },
  );

  it('leaves a pending order pending with its stock held when cancelling fails in the middle', async () => {
    const { app } = setup.store;
    const before = await setup.stockOf('vl53l0x-tof-sensor');
    const order = await setup.placeOrder('vl53l0x-tof-sensor', 2);
    const failure = await cancelOrder(app.db, setup.input(), await setup.row(order), {
      failStep: 'release-stock',
    }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(InjectedFailure);
    expect(await setup.statusOf(order)).toBe('pending_payment');
    expect(await setup.stockOf('vl53l0x-tof-sensor')).toBe(before - 2);
    expect(setup.atStripe(order)).toEqual({ charges: [], refunds: [] });

    await cancelOrder(app.db, setup.input(), await setup.row(order));
    expect(await setup.statusOf(order)).toBe('cancelled');
    expect(await setup.stockOf('vl53l0x-tof-sensor')).toBe(before);
  });

  it('leaves a paid order paid with its stock held when refunding fails at "record-refund"', async () => {
    const { app } = setup.store;
    const before = await setup.stockOf('esp32-devkit-v1');
    const order = await setup.paidOrder('esp32-devkit-v1', 2);
    const failure = await refundOrder(app.db, setup.input(), await setup.row(order), 'Damaged', {
      failStep: 'record-refund',
    }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(InjectedFailure);
    expect(await setup.statusOf(order)).toBe('paid');
    expect(await setup.stockOf('esp32-devkit-v1')).toBe(before - 2);
    expect(await successfulPayment(app.db, order.id)).toBeDefined();

    const refunded = await post(`/api/v1/orders/${order.id}/refund`, {
      authorization: `Bearer ${await storeAdmin()}`,
    });
    expect(refunded.json().status).toBe('refunded');
    expect(await setup.stockOf('esp32-devkit-v1')).toBe(before);
    expect(setup.atStripe(order).refunds).toHaveLength(1);
  });

  it('leaves an unpaid order pending with its stock held when expiring fails at "release-stock"', async () => {
    const { app } = setup.store;
    const before = await setup.stockOf('ws2812b-led-strip-1m');
    const order = await setup.placeOrder('ws2812b-led-strip-1m', 4);
    const later = new Date(Date.now() + 31 * 60_000);
    const failure = await expirePendingOrders(app.db, {
      log: app.log,
      now: later,
      failStep: 'release-stock',
    }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(InjectedFailure);
    expect(await setup.statusOf(order)).toBe('pending_payment');
    expect(await setup.stockOf('ws2812b-led-strip-1m')).toBe(before - 4);

    expect(await expirePendingOrders(app.db, { log: app.log, now: later })).toBe(1);
    expect(await setup.statusOf(order)).toBe('cancelled');
    expect(await setup.stockOf('ws2812b-led-strip-1m')).toBe(before);
  });
});
