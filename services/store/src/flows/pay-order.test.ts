import { InjectedFailure } from '@makrx/service-kit';
import { testDrivers } from '@makrx/service-kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findPayment, successfulPayment } from '../modules/payments/service';
import { payOrder } from './pay-order';
import { startFlowTestSetup, type FlowTestSetup } from './testing';

describe.each(testDrivers)('paying an order, a step failing, over %s', (driver) => {
  let setup: FlowTestSetup;
  beforeAll(async () => {
    setup = await startFlowTestSetup(driver);
  });
  afterAll(() => setup.close());

  const visa = { paymentMethod: 'pm_card_visa' };
  const payAgain = (order: { id: string; accessToken: string }) =>
    setup.store.app.inject({
      method: 'POST',
      url: `/api/v1/orders/${order.id}/payments`,
      headers: { 'x-order-token': order.accessToken },
      payload: visa,
    });

  it.each(['record-provider-answer', 'mark-order-paid', 'announce-order-paid'])(
    'refunds the charge and leaves the order unpaid with its stock held when "%s" fails',
    async (failing) => {
      const { app } = setup.store;
      const order = await setup.placeOrder('raspberry-pi-pico-w', 2);
      const held = await setup.stockOf('raspberry-pi-pico-w');

      const failure = await payOrder(app.db, setup.input(), await setup.row(order), visa, {
        failStep: failing,
      }).catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(InjectedFailure);

      // The provider charged once and refunded it; the store keeps the attempt as refunded.
      const { charges, refunds } = setup.atStripe(order);
      expect(charges).toHaveLength(1);
      expect(refunds).toHaveLength(1);
      const paymentId = setup.stripe.intents.get(charges[0]!)!.metadata.paymentId!;
      expect((await findPayment(app.db, paymentId)).status).toBe('refunded');
      expect(await successfulPayment(app.db, order.id)).toBeUndefined();
      // The order waits for payment as before, holding its units, with nothing announced.
      expect(await setup.statusOf(order)).toBe('pending_payment');
      expect(await setup.stockOf('raspberry-pi-pico-w')).toBe(held);
      expect(await setup.recorded(order)).toMatchObject({ paidEvents: 0, audit: ['order.placed'] });

      const paid = await payAgain(order);
      expect(paid.json().order.status).toBe('paid');
      expect((await setup.recorded(order)).paidEvents).toBe(1);
    },
  );

  it('records the attempt failed and charges nothing when the charge step fails', async () => {
    const { app } = setup.store;
    const order = await setup.placeOrder('raspberry-pi-pico-w');
    const failure = await payOrder(app.db, setup.input(), await setup.row(order), visa, {
      failStep: 'charge',
    }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(InjectedFailure);
    expect(setup.atStripe(order)).toEqual({ charges: [], refunds: [] });
    expect(await setup.statusOf(order)).toBe('pending_payment');
    expect((await payAgain(order)).statusCode).toBe(201);
  });
});
