import { testDrivers } from '@makrx/service-kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { successfulPayment } from '../modules/payments/service';
import { startFlowTestSetup, type FlowTestSetup } from './testing';

/*
 * A buyer cancelling a paid order while a store admin ships it: the status change decides,
 * under the order's row lock, and only a committed cancellation is refunded (through the
 * outbox). Fired at once, round after round, over PostgreSQL too, where the two requests truly
 * run side by side.
 */
describe.each(testDrivers)('cancel racing ship over %s', (driver) => {
  let setup: FlowTestSetup;
  beforeAll(async () => {
    setup = await startFlowTestSetup(driver);
  });
  afterAll(() => setup.close());

  const ROUNDS = 12;

  it(`has exactly one winner in each of ${ROUNDS} rounds, and never refunds a shipped order`, async () => {
    const { app } = setup.store;
    const admin = await setup.issuer.userToken({
      username: 'store-admin',
      realmRoles: ['admin', 'admin:store'],
    });
    const winners = { cancelled: 0, shipped: 0 };
    for (let round = 0; round < ROUNDS; round += 1) {
      const stockBefore = await setup.stockOf('esp32-devkit-v1');
      const order = await setup.paidOrder('esp32-devkit-v1', 1);
      const [cancel, ship] = await Promise.all([
        app.inject({
          method: 'POST',
          url: `/api/v1/orders/${order.id}/cancel`,
          headers: { 'x-order-token': order.accessToken },
        }),
        app.inject({
          method: 'POST',
          url: `/api/v1/orders/${order.id}/ship`,
          headers: { authorization: `Bearer ${admin}` },
          payload: { trackingNumber: `1Z-RACE-${round}` },
        }),
      ]);
      expect([cancel.statusCode, ship.statusCode].sort()).toEqual([200, 409]);
      await app.events.deliverDue();

      const status = await setup.statusOf(order);
      if (cancel.statusCode === 200) {
        winners.cancelled += 1;
        expect(status).toBe('cancelled');
        expect(ship.json().error.code).toBe('ORDER_STATUS_CONFLICT');
        expect(setup.atStripe(order).refunds).toHaveLength(1);
        expect(await successfulPayment(app.db, order.id)).toBeUndefined();
        expect(await setup.stockOf('esp32-devkit-v1')).toBe(stockBefore);
      } else {
        winners.shipped += 1;
        expect(status).toBe('shipped');
        expect(['ORDER_NOT_CANCELLABLE', 'ORDER_STATUS_CONFLICT']).toContain(
          cancel.json().error.code,
        );
        expect(setup.atStripe(order).refunds).toEqual([]);
        expect(await successfulPayment(app.db, order.id)).toBeDefined();
        expect(await setup.stockOf('esp32-devkit-v1')).toBe(stockBefore - 1);
      }
    }
    expect(winners.cancelled + winners.shipped).toBe(ROUNDS);
  });
});
