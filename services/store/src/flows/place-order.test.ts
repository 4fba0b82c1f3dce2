import type { Cart } from '@makrx/contracts';
import { InjectedFailure } from '@makrx/service-kit';
import { testDrivers } from '@makrx/service-kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cartItemsOf, findCartId } from '../modules/cart/service';
import { californiaAddress, variantOf } from '../modules/orders/testing';
import { placeOrder } from './place-order';
import { startFlowTestSetup, type FlowTestSetup } from './testing';

describe.each(testDrivers)('placing an order, a step failing, over %s', (driver) => {
  let setup: FlowTestSetup;
  beforeAll(async () => {
    setup = await startFlowTestSetup(driver);
  });
  afterAll(() => setup.close());

  const cartOf = async (token: string): Promise<Cart> =>
    (
      await setup.store.app.inject({ url: '/api/v1/cart', headers: { 'x-cart-token': token } })
    ).json();

  it.each(['take-stock', 'price-order', 'record-order', 'empty-cart'])(
    'leaves stock, cart and orders as they were when "%s" fails, and a retry with the same key places it once',
    async (failing) => {
      const { app } = setup.store;
      const variant = await variantOf(app, 'esp32-devkit-v1');
      const added = await app.inject({
        method: 'POST',
        url: '/api/v1/cart/items',
        payload: { variantId: variant.id, quantity: 2 },
      });
      const token = added.headers['x-cart-token'] as string;
      const cartId = (await findCartId(app.db, { guestToken: token }))!;
      const key = crypto.randomUUID();
      const email = 'rollback@example.com';

      const failure = await placeOrder(
        app.db,
        {
          buyer: { userId: null, email },
          items: await cartItemsOf(app.db, cartId),
          shippingAddress: californiaAddress,
          shippingMethod: 'standard',
          idempotencyKey: key,
          fromCartId: cartId,
        },
        { failStep: failing },
      ).catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(InjectedFailure);
      expect(await setup.stockOf('esp32-devkit-v1')).toBe(variant.stock);
      expect((await cartOf(token)).itemCount).toBe(2);

      // Nothing was recorded under the key: the same request now places the order, once.
      const placed = await app.inject({
        method: 'POST',
        url: '/api/v1/orders',
        headers: { 'x-cart-token': token, 'idempotency-key': key },
        payload: { email, shippingAddress: californiaAddress, shippingMethod: 'standard' },
      });
      expect(placed.statusCode).toBe(201);
      expect(await setup.stockOf('esp32-devkit-v1')).toBe(variant.stock - 2);
      expect((await cartOf(token)).itemCount).toBe(0);
    },
  );
});
