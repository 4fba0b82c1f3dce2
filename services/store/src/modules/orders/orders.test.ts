import { startTestIssuer, type TestIssuer } from '@makrx/auth/testing';
import type { Order } from '@makrx/contracts';
import { auditLogs } from '@makrx/db';
import { startTestService, testDrivers, type TestService } from '@makrx/service-kit/testing';
import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storeService } from '../../service';
import { orders } from './tables';
import { aCaliforniaAddress, placeGuestOrder, postOrder, variantOf } from './testing';

describe.each(testDrivers)('placing orders over %s', (driver) => {
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

  const orderCount = async () => (await store.app.db.select({ n: count() }).from(orders))[0]!.n;

  it('takes a guest order at server prices, with shipping and California tax, and holds the stock', async () => {
    const calipers = await variantOf(store.app, 'digital-calipers-150mm');
    const response = await postOrder(store.app, {
      items: [{ variantId: calipers.id, quantity: 1 }],
      email: 'ada@example.com',
    });
    expect(response.statusCode).toBe(201);
    const order: Order = response.json();
    expect(order).toMatchObject({
      status: 'pending_payment',
      email: 'ada@example.com',
      subtotalCents: 4999,
      shippingCents: 599,
      taxRateBasisPoints: 725,
      // 7.25 % of 55.98, rounded to the cent.
      taxCents: 406,
      totalCents: 4999 + 599 + 406,
      shippingMethod: { code: 'standard', name: 'Standard shipping' },
      lines: [{ sku: 'TOL-CAL-DIG-150', quantity: 1, unitPriceCents: 4999 }],
      history: [{ fromStatus: null, status: 'pending_payment' }],
    });
    expect(order.number).toMatch(/^MX-\d{6,}$/);
    expect((await variantOf(store.app, 'digital-calipers-150mm')).stock).toBe(calipers.stock - 1);
  });

  it('ships free above the threshold, and taxes a state without sales tax at its own 0 % rate', async () => {
    const pla = await variantOf(store.app, 'pla-filament-galaxy-black-1kg');
    const response = await postOrder(store.app, {
      items: [{ variantId: pla.id, quantity: 3 }],
      email: 'ada@example.com',
      shippingAddress: {
        name: 'Ada',
        line1: '1 Main St',
        city: 'Portland',
        region: 'OR',
        postalCode: '97201',
        country: 'US',
      },
    });
    expect(response.json()).toMatchObject({
      subtotalCents: 3 * 2999,
      shippingCents: 0,
      taxCents: 0,
      totalCents: 3 * 2999,
    });
  });

  it('refuses a country the store has no tax rate for, ordering nothing', async () => {
    const pla = await variantOf(store.app, 'pla-filament-galaxy-black-1kg');
    const before = pla.stock;
    const response = await postOrder(store.app, {
      items: [{ variantId: pla.id, quantity: 1 }],
      email: 'ada@example.com',
      shippingAddress: {
        name: 'Ada',
        line1: 'Rua 1',
        city: 'Lisbon',
        postalCode: '1000-001',
        country: 'PT',
      },
    });
    expect(response.statusCode).toBe(422);
    expect(response.json().error.code).toBe('DESTINATION_NOT_TAXABLE');
    expect((await variantOf(store.app, 'pla-filament-galaxy-black-1kg')).stock).toBe(before);
  });

  it('answers a retried request with the first order, taking the stock once', async () => {
    const esp = await variantOf(store.app, 'esp32-devkit-v1');
    const request = {
      items: [{ variantId: esp.id, quantity: 2 }],
      email: 'retry@example.com',
      shippingAddress: aCaliforniaAddress(),
      key: 'retry-key-0001',
    };
    const first = await postOrder(store.app, request);
    const again = await postOrder(store.app, request);
    expect(first.statusCode).toBe(201);
    expect(again.statusCode).toBe(200);
    expect(again.json().id).toBe(first.json().id);
    expect((await variantOf(store.app, 'esp32-devkit-v1')).stock).toBe(esp.stock - 2);
  });

  it('refuses the same key with a different request and changes nothing', async () => {
    const esp = await variantOf(store.app, 'esp32-devkit-v1');
    const before = await orderCount();
    const response = await postOrder(store.app, {
      items: [{ variantId: esp.id, quantity: 5 }],
      email: 'retry@example.com',
      key: 'retry-key-0001',
    });
    expect(response.statusCode).toBe(409);
    expect(response.json().error.code).toBe('IDEMPOTENCY_KEY_REUSED');
    expect(await orderCount()).toBe(before);
    expect((await variantOf(store.app, 'esp32-devkit-v1')).stock).toBe(esp.stock);
  });

  it('refuses more than is in stock with 409 OUT_OF_STOCK, leaving stock and orders as they were', async () => {
    const inserts = await variantOf(store.app, 'heat-set-insert-kit-m3');
    const esp = await variantOf(store.app, 'esp32-devkit-v1');
    const before = await orderCount();
    const response = await postOrder(store.app, {
      items: [
        { variantId: esp.id, quantity: 1 },
        { variantId: inserts.id, quantity: inserts.stock + 1 },
      ],
      email: 'ada@example.com',
    });
    expect(response.statusCode).toBe(409);
    expect(response.json().error).toMatchObject({
      code: 'OUT_OF_STOCK',
      details: { sku: 'HW-INS-M3-100', available: inserts.stock },
    });
    expect(await orderCount()).toBe(before);
    expect((await variantOf(store.app, 'esp32-devkit-v1')).stock).toBe(esp.stock);
  });

  it('wants an Idempotency-Key, a guest email, a known shipping method and known items', async () => {
    const esp = await variantOf(store.app, 'esp32-devkit-v1');
    const items = [{ variantId: esp.id, quantity: 1 }];
    const noKey = await store.app.inject({
      method: 'POST',
      url: '/api/v1/orders',
      payload: { items, email: 'a@example.com', shippingMethod: 'standard', shippingAddress: {} },
    });
    expect(noKey.statusCode).toBe(400);
    const noEmail = await postOrder(store.app, { items });
    expect(noEmail.json().error.code).toBe('EMAIL_REQUIRED');
    const badMethod = await postOrder(store.app, {
      items,
      email: 'a@example.com',
      shippingMethod: 'teleport',
    });
    expect(badMethod.json().error.code).toBe('UNKNOWN_SHIPPING_METHOD');
    const ghost = await postOrder(store.app, {
      items: [{ variantId: crypto.randomUUID(), quantity: 1 }],
      email: 'a@example.com',
    });
    expect(ghost.statusCode).toBe(400);
    expect(ghost.json().error.code).toBe('UNKNOWN_VARIANT');
  });

  it('lets a signed-in buyer read their order, and nobody else', async () => {
    const esp = await variantOf(store.app, 'esp32-devkit-v1');
    const ada = await issuer.userToken({ username: 'ada', email: 'ada@example.com' });
    const bob = await issuer.userToken({ username: 'bob' });
    const placed = await postOrder(store.app, {
      items: [{ variantId: esp.id, quantity: 1 }],
      token: ada,
    });
    expect(placed.statusCode).toBe(201);
    expect(placed.json().email).toBe('ada@example.com');
    const url = `/api/v1/orders/${placed.json().id}`;
    const read = (token?: string) =>
      store.app.inject({ url, headers: token ? { authorization: `Bearer ${token}` } : {} });
    expect((await read(ada)).statusCode).toBe(200);
    expect((await read(bob)).statusCode).toBe(404);
    expect((await read()).statusCode).toBe(401);
  });

  it('writes an audit row for the placed order', async () => {
    const esp = await variantOf(store.app, 'esp32-devkit-v1');
    const order = await placeGuestOrder(store.app, [{ variantId: esp.id, quantity: 1 }]);
    const rows = await store.app.db
      .select()
      .from(auditLogs)
      .where(eq(auditLogs.entityId, order.id));
    expect(rows).toEqual([
      expect.objectContaining({ action: 'order.placed', entityType: 'order', service: 'store' }),
    ]);
  });

  it('lists the shipping methods with their rates', async () => {
    const { items } = (await store.app.inject('/api/v1/shipping-methods')).json();
    expect(items.map((m: { code: string }) => m.code)).toEqual(['standard', 'express', 'pickup']);
  });

  it('says which makerspace a picked-up order waits at, and where it is', async () => {
    const { items } = (await store.app.inject('/api/v1/shipping-methods')).json();
    expect(items).toContainEqual(
      expect.objectContaining({
        code: 'pickup',
        pickupAt: {
          name: 'MakrX Hub Bengaluru',
          address: '80 Feet Road, Koramangala 4th Block, Bengaluru 560034',
        },
      }),
    );
    expect(items.find((m: { code: string }) => m.code === 'standard').pickupAt).toBeNull();
  });
});
