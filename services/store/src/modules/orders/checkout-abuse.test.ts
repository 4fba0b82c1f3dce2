import { randomUUID } from 'node:crypto';
import { startTestIssuer, type TestIssuer } from '@makrx/auth/testing';
import type { Cart, PlacedOrder } from '@makrx/contracts';
import { users } from '@makrx/db/schema';
import { startTestService, testDrivers, type TestService } from '@makrx/service-kit/testing';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storeService } from '../../service';
import {
  aCaliforniaAddress,
  aGuestEmail,
  californiaAddress,
  postOrder,
  variantOf,
} from './testing';
import { orders } from './tables';

/*
 * Checkout turned against the shop, each attack sent through HTTP and refused with nothing
 * changed: stock held without paying, archived items ordered, another buyer's idempotency key
 * replayed, a cart token chosen by the client.
 */
describe.each(testDrivers)('checkout refusing abuse over %s', (driver) => {
  let issuer: TestIssuer;
  let store: TestService;
  let adminToken: string;
  beforeAll(async () => {
    issuer = await startTestIssuer();
    store = await startTestService(storeService, driver, { issuer: issuer.issuer });
    // A store admin known to the store (its audit rows name them).
    const id = randomUUID();
    await store.app.db
      .insert(users)
      .values({ id, username: 'shopkeeper', email: 'shopkeeper@example.com', displayName: 'Shop' });
    adminToken = await issuer.userToken({
      id,
      username: 'shopkeeper',
      realmRoles: ['admin', 'admin:store'],
    });
  });
  afterAll(async () => {
    await store.close();
    await issuer.close();
  });

  const call = (
    method: 'GET' | 'POST' | 'PATCH',
    url: string,
    headers: Record<string, string> = {},
    payload?: object,
  ) => store.app.inject({ method, url, headers, ...(payload ? { payload } : {}) });
  const asAdmin = () => ({ authorization: `Bearer ${adminToken}` });
  const orderCount = async () =>
    (await store.app.db.select({ n: sql<number>`count(*)::int` }).from(orders))[0]!.n;
  const stockOf = async (slug: string) => (await variantOf(store.app, slug)).stock;
  const pay = (order: PlacedOrder) =>
    call(
      'POST',
      `/api/v1/orders/${order.id}/payments`,
      { 'x-order-token': order.accessToken },
      { paymentMethod: 'tok_visa' },
    );

  describe('stock holds of unpaid orders', () => {
    it('holds stock for 15 minutes, not half an hour', async () => {
      const esp = await variantOf(store.app, 'esp32-devkit-v1');
      const placed = await postOrder(store.app, {
        items: [{ variantId: esp.id, quantity: 1 }],
        email: aGuestEmail(),
      });
      const order: PlacedOrder = placed.json();
      const heldMs = Date.parse(order.expiresAt) - Date.parse(order.createdAt);
      expect(heldMs).toBe(15 * 60_000);
    });

    it('refuses more than 20 of an item in one order (422), taking nothing', async () => {
      const esp = await variantOf(store.app, 'esp32-devkit-v1');
      const before = { stock: esp.stock, orders: await orderCount() };
      const refused = await postOrder(store.app, {
        items: [
          { variantId: esp.id, quantity: 15 },
          { variantId: esp.id, quantity: 6 },
        ],
        email: aGuestEmail(),
      });
      expect(refused.statusCode).toBe(422);
      expect(refused.json().error).toMatchObject({
        code: 'QUANTITY_LIMIT',
        details: { variantId: esp.id, requested: 21, limit: 20 },
      });
      expect({ stock: await stockOf('esp32-devkit-v1'), orders: await orderCount() }).toEqual(
        before,
      );
    });

    it('refuses a fourth unpaid order of one email (409), taking nothing; paying one frees a place', async () => {
      const esp = await variantOf(store.app, 'esp32-devkit-v1');
      const email = aGuestEmail();
      const place = (to = aCaliforniaAddress()) =>
        postOrder(store.app, {
          items: [{ variantId: esp.id, quantity: 2 }],
          email,
          shippingAddress: to,
        });
      const open: PlacedOrder[] = [];
      for (let i = 0; i < 3; i += 1) open.push((await place()).json());
      const before = { stock: await stockOf('esp32-devkit-v1'), orders: await orderCount() };

      // Typed differently, still the same email.
      const fourth = await postOrder(store.app, {
        items: [{ variantId: esp.id, quantity: 2 }],
        email: email.toUpperCase(),
        shippingAddress: aCaliforniaAddress(),
      });
      expect(fourth.statusCode).toBe(409);
      expect(fourth.json().error).toMatchObject({
        code: 'TOO_MANY_UNPAID_ORDERS',
        details: { limit: 3, by: 'email' },
      });
      expect({ stock: await stockOf('esp32-devkit-v1'), orders: await orderCount() }).toEqual(
        before,
      );

      expect((await pay(open[0]!)).statusCode).toBe(201);
      expect((await place()).statusCode).toBe(201);
    });

    it('refuses a fourth unpaid order to one address, however it is written', async () => {
      const esp = await variantOf(store.app, 'esp32-devkit-v1');
      const door = { ...californiaAddress, line1: '99 Holding Street', line2: 'Apt 4' };
      const spellings = [
        door,
        { ...door, line1: '99 holding street' },
        { ...door, line1: '99 Holding Street.', line2: 'APT 4' },
        { ...door, line1: ' 99  Holding  Street ', name: 'Someone Else' },
      ];
      const answers = [];
      for (const shippingAddress of spellings) {
        answers.push(
          await postOrder(store.app, {
            items: [{ variantId: esp.id, quantity: 1 }],
            email: aGuestEmail(),
            shippingAddress,
          }),
        );
      }
      expect(answers.map((a) => a.statusCode)).toEqual([201, 201, 201, 409]);
      expect(answers[3]!.json().error).toMatchObject({
        code: 'TOO_MANY_UNPAID_ORDERS',
        details: { by: 'address' },
      });
    });

    it('refuses a fourth unpaid order of one account, whatever email it names', async () => {
      const esp = await variantOf(store.app, 'esp32-devkit-v1');
      const token = await issuer.userToken({ username: 'hoarder', email: 'hoarder@example.com' });
      const answers = [];
      for (let i = 0; i < 4; i += 1) {
        answers.push(
          await postOrder(store.app, {
            items: [{ variantId: esp.id, quantity: 1 }],
            email: aGuestEmail(),
            token,
          }),
        );
      }
      expect(answers.map((a) => a.statusCode)).toEqual([201, 201, 201, 409]);
      expect(answers[3]!.json().error.details).toMatchObject({ by: 'account' });
    });

    it('gives the units of an order whose window closed to the next buyer at once', async () => {
      const sensor = await variantOf(store.app, 'vl53l0x-tof-sensor');
      const adjusted = await call(
        'POST',
        `/api/v1/admin/catalog/variants/${sensor.sku}/stock-adjustments`,
        asAdmin(),
        { setTo: 3, reason: 'Counted the shelf' },
      );
      expect(adjusted.statusCode).toBe(200);
      const holder: PlacedOrder = (
        await postOrder(store.app, {
          items: [{ variantId: sensor.id, quantity: 3 }],
          email: aGuestEmail(),
        })
      ).json();
      const next = () =>
        postOrder(store.app, {
          items: [{ variantId: sensor.id, quantity: 2 }],
          email: aGuestEmail(),
        });
      expect((await next()).json().error.code).toBe('OUT_OF_STOCK');

      // The holder's window closes (as 15 minutes passing would close it); no sweep has run.
      await store.app.db
        .update(orders)
        .set({ expiresAt: new Date(Date.now() - 1000) })
        .where(eq(orders.id, holder.id));
      const served = await next();
      expect(served.statusCode).toBe(201);
      expect(await stockOf('vl53l0x-tof-sensor')).toBe(1);
      const read = await call('GET', `/api/v1/orders/${holder.id}`, {
        'x-order-token': holder.accessToken,
      });
      expect(read.json().status).toBe('cancelled');
    });
  });

  describe('idempotency keys', () => {
    it('answers another buyer reusing my key with their own new order, never with mine or its token', async () => {
      const esp = await variantOf(store.app, 'esp32-devkit-v1');
      const key = 'shared-key-00000001';
      const items = [{ variantId: esp.id, quantity: 1 }];
      const shippingAddress = aCaliforniaAddress();
      const mine = await postOrder(store.app, {
        items,
        email: aGuestEmail(),
        key,
        shippingAddress,
      });
      expect(mine.statusCode).toBe(201);

      // The same request and key from another guest, then from a signed-in buyer.
      const guest = await postOrder(store.app, {
        items,
        email: aGuestEmail(),
        key,
        shippingAddress,
      });
      const token = await issuer.userToken({ username: 'key-reuser' });
      const user = await postOrder(store.app, { items, key, token, shippingAddress });
      for (const theirs of [guest, user]) {
        expect(theirs.statusCode).toBe(201);
        expect(theirs.json().id).not.toBe(mine.json().id);
        expect(theirs.json().accessToken).not.toBe(mine.json().accessToken);
        expect(theirs.body).not.toContain(mine.json().accessToken);
      }
      // Another buyer's key with another request is their key, not a conflict with mine.
      const other = await postOrder(store.app, {
        items: [{ variantId: esp.id, quantity: 2 }],
        email: aGuestEmail(),
        key,
      });
      expect(other.statusCode).toBe(201);
    });
  });

  describe('cart tokens', () => {
    it('never keeps a token the client chose: an unknown token starts a new cart under a new token', async () => {
      const esp = await variantOf(store.app, 'esp32-devkit-v1');
      const chosen = 'chosen-by-the-client-0001';
      const added = await call(
        'POST',
        '/api/v1/cart/items',
        { 'x-cart-token': chosen },
        { variantId: esp.id, quantity: 1 },
      );
      expect(added.statusCode).toBe(200);
      const issued = added.headers['x-cart-token'];
      expect(typeof issued).toBe('string');
      expect(issued).not.toBe(chosen);
      expect((await call('GET', '/api/v1/cart', { 'x-cart-token': chosen })).json().lines).toEqual(
        [],
      );
      // Still no cart under the chosen token: sending it again starts yet another new cart.
      const retried = await call(
        'POST',
        '/api/v1/cart/items',
        { 'x-cart-token': chosen },
        { variantId: esp.id, quantity: 1 },
      );
      expect(retried.headers['x-cart-token']).not.toBe(chosen);
      expect(retried.headers['x-cart-token']).not.toBe(issued);
      const cart: Cart = (
        await call('GET', '/api/v1/cart', { 'x-cart-token': issued as string })
      ).json();
      expect(cart.lines.map((line) => line.variantId)).toEqual([esp.id]);

      // The issued token keeps its cart: a second add goes into it, with no new token.
      const again = await call(
        'POST',
        '/api/v1/cart/items',
        { 'x-cart-token': issued as string },
        { variantId: esp.id, quantity: 1 },
      );
      expect(again.headers['x-cart-token']).toBeUndefined();
      expect(again.json().lines[0].quantity).toBe(2);
    });
  });

  describe('archived variants', () => {
    it('are not shown, carted, quoted or ordered while their product stays on sale', async () => {
      const slug = 'petg-filament-signal-orange-1kg';
      const product = (await call('GET', `/api/v1/products/${slug}`)).json();
      expect(product.variants.length).toBeGreaterThan(1);
      const [kept, dropped] = product.variants as { id: string; sku: string; stock: number }[];
      const added = await call(
        'POST',
        '/api/v1/cart/items',
        {},
        { variantId: dropped!.id, quantity: 1 },
      );
      const cartToken = added.headers['x-cart-token'] as string;
      const archived = await call(
        'PATCH',
        `/api/v1/admin/catalog/variants/${dropped!.sku}`,
        asAdmin(),
        { archived: true },
      );
      expect(archived.statusCode).toBe(200);
      expect(
        archived.json().variants.find((v: { sku: string }) => v.sku === dropped!.sku).archived,
      ).toBe(true);
      const ordersBefore = await orderCount();

      const shown = (await call('GET', `/api/v1/products/${slug}`)).json();
      expect(shown.variants.map((v: { id: string }) => v.id)).not.toContain(dropped!.id);
      const carted = await call(
        'POST',
        '/api/v1/cart/items',
        {},
        { variantId: dropped!.id, quantity: 1 },
      );
      expect(carted.json().error.code).toBe('NOT_FOR_SALE');
      const items = [{ variantId: dropped!.id, quantity: 1 }];
      const quoted = await call(
        'POST',
        '/api/v1/checkout/quote',
        {},
        {
          items,
          shippingAddress: californiaAddress,
          shippingMethod: 'standard',
        },
      );
      expect(quoted.json().error.code).toBe('NOT_FOR_SALE');
      const ordered = await postOrder(store.app, { items, email: aGuestEmail() });
      expect(ordered.json().error.code).toBe('NOT_FOR_SALE');
      const cart: Cart = (await call('GET', '/api/v1/cart', { 'x-cart-token': cartToken })).json();
      expect(cart.lines).toEqual([
        expect.objectContaining({ variantId: dropped!.id, onSale: false }),
      ]);
      expect(await orderCount()).toBe(ordersBefore);

      // Its sibling still sells.
      const sibling = await postOrder(store.app, {
        items: [{ variantId: kept!.id, quantity: 1 }],
        email: aGuestEmail(),
      });
      expect(sibling.statusCode).toBe(201);
    });
  });

  describe('archived products', () => {
    it('cannot be carted, quoted or ordered; one already in a cart is reported, not ordered', async () => {
      const strip = await variantOf(store.app, 'ws2812b-led-strip-1m');
      const items = [{ variantId: strip.id, quantity: 1 }];
      const added = await call(
        'POST',
        '/api/v1/cart/items',
        {},
        { variantId: strip.id, quantity: 1 },
      );
      const cartToken = added.headers['x-cart-token'] as string;
      const product = (await call('GET', '/api/v1/products/ws2812b-led-strip-1m')).json();
      const archived = await call(
        'PATCH',
        `/api/v1/admin/catalog/products/${product.id}`,
        asAdmin(),
        { archived: true },
      );
      expect(archived.statusCode).toBe(200);
      const before = { stock: strip.stock, orders: await orderCount() };

      const carted = await call(
        'POST',
        '/api/v1/cart/items',
        {},
        { variantId: strip.id, quantity: 1 },
      );
      expect(carted.statusCode).toBe(409);
      expect(carted.json().error).toMatchObject({
        code: 'NOT_FOR_SALE',
        details: { variantId: strip.id, sku: strip.sku },
      });
      const quoted = await call(
        'POST',
        '/api/v1/checkout/quote',
        {},
        {
          items,
          shippingAddress: californiaAddress,
          shippingMethod: 'standard',
        },
      );
      expect(quoted.statusCode).toBe(409);
      expect(quoted.json().error.code).toBe('NOT_FOR_SALE');
      const ordered = await postOrder(store.app, { items, email: aGuestEmail() });
      expect(ordered.statusCode).toBe(409);
      expect(ordered.json().error.code).toBe('NOT_FOR_SALE');

      const cart: Cart = (await call('GET', '/api/v1/cart', { 'x-cart-token': cartToken })).json();
      expect(cart.lines).toEqual([
        expect.objectContaining({ variantId: strip.id, quantity: 1, onSale: false }),
      ]);
      const fromCart = await call(
        'POST',
        '/api/v1/orders',
        { 'x-cart-token': cartToken, 'idempotency-key': crypto.randomUUID() },
        { email: aGuestEmail(), shippingAddress: aCaliforniaAddress(), shippingMethod: 'standard' },
      );
      expect(fromCart.statusCode).toBe(409);
      expect(fromCart.json().error).toMatchObject({
        code: 'NOT_FOR_SALE',
        details: { sku: strip.sku },
      });

      // Off sale, the product is read as the store's admins read it.
      const after = await call('GET', `/api/v1/admin/catalog/products/${product.id}`, asAdmin());
      const stockAfter = after.json().variants.find((v: { id: string }) => v.id === strip.id).stock;
      expect({ stock: stockAfter, orders: await orderCount() }).toEqual(before);
      const still: Cart = (await call('GET', '/api/v1/cart', { 'x-cart-token': cartToken })).json();
      expect(still.itemCount).toBe(1);
    });
  });
});
