import type { Cart } from '@makrx/contracts';
import { InjectedFailure } from '@makrx/service-kit';
import { testDrivers } from '@makrx/service-kit/testing';
import type { Database } from '@makrx/db';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cartItemsOf, findCartId } from '../modules/cart/service';
import { aCaliforniaAddress, aGuestEmail, variantOf } from '../modules/orders/testing';
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

  it.each(['check-stock', 'price-order', 'record-order', 'empty-cart', 'take-stock'])(
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
      const email = aGuestEmail();
      const address = aCaliforniaAddress();

      const failure = await placeOrder(
        app.db,
        {
          buyer: { userId: null, email },
          items: await cartItemsOf(app.db, cartId),
          shippingAddress: address,
          shippingMethod: 'standard',
          idempotencyKey: key,
          fromCartId: cartId,
        },
        { failStep: failing, log: app.log },
      ).catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(InjectedFailure);
      expect(await setup.stockOf('esp32-devkit-v1')).toBe(variant.stock);
      expect((await cartOf(token)).itemCount).toBe(2);

      // Nothing was recorded under the key: the same request now places the order, once.
      const placed = await app.inject({
        method: 'POST',
        url: '/api/v1/orders',
        headers: { 'x-cart-token': token, 'idempotency-key': key },
        payload: { email, shippingAddress: address, shippingMethod: 'standard' },
      });
      expect(placed.statusCode).toBe(201);
      expect(await setup.stockOf('esp32-devkit-v1')).toBe(variant.stock - 2);
      expect((await cartOf(token)).itemCount).toBe(0);
    },
  );
});

// Two connections at once: PostgreSQL only (PGlite serves one).
describe.each(testDrivers.filter((driver) => driver === 'postgres'))(
  'a price changing while an order is placed, over %s',
  (driver) => {
    let setup: FlowTestSetup;
    beforeAll(async () => {
      setup = await startFlowTestSetup(driver);
    });
    afterAll(() => setup.close());

    it('places nothing at the old price: 409 PRICE_CHANGED, stock as it was', async () => {
      const { app } = setup.store;
      const variant = await variantOf(app, 'arduino-uno-r4-minima');
      let priceChanged!: () => void;
      const changed = new Promise<void>((resolve) => (priceChanged = resolve));
      let commit!: () => void;
      const committing = new Promise<void>((resolve) => (commit = resolve));
      // An admin's price change holds the variant's row while the order is placed.
      const admin = app.db.transaction(async (tx) => {
        await tx.execute(
          sql`update store.product_variants set price_cents = price_cents + 100 where id = ${variant.id}`,
        );
        priceChanged();
        await committing;
      });
      await changed;
      const placing = placeOrder(
        app.db,
        {
          buyer: { userId: null, email: 'early@example.com' },
          items: [{ variantId: variant.id, quantity: 1 }],
          shippingAddress: aCaliforniaAddress(),
          shippingMethod: 'standard',
          idempotencyKey: crypto.randomUUID(),
        },
        { log: app.log },
      ).catch((error: unknown) => error);
      // The order has priced at the old price and waits for the row to take its unit.
      while (!(await aBackendWaitsForALock(app.db))) await new Promise((r) => setTimeout(r, 10));
      commit();
      await admin;
      expect(await placing).toMatchObject({ status: 409, code: 'PRICE_CHANGED' });
      expect(await setup.stockOf('arduino-uno-r4-minima')).toBe(variant.stock);
    });
  },
);

async function aBackendWaitsForALock(db: Database): Promise<boolean> {
  const { rows } = await db.execute<{ waiting: boolean }>(
    sql`select exists (select 1 from pg_stat_activity
         where datname = current_database() and wait_event_type = 'Lock') as waiting`,
  );
  return rows[0]!.waiting;
}
