import type { CheckoutQuote, Order } from '@makrx/contracts';
import { auditLogs } from '@makrx/db';
import { startTestService, testDrivers, type TestService } from '@makrx/service-kit/testing';
import { count } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storeService } from '../../service';
import { orders } from './tables';
import { californiaAddress, postOrder, variantOf } from './testing';

describe.each(testDrivers)('quoting a checkout over %s', (driver) => {
  let store: TestService;
  beforeAll(async () => {
    store = await startTestService(storeService, driver);
  });
  afterAll(async () => {
    await store.close();
  });

  const quote = (payload: object, headers: Record<string, string> = {}) =>
    store.app.inject({ method: 'POST', url: '/api/v1/checkout/quote', headers, payload });
  const totalsOf = (priced: CheckoutQuote | Order) => ({
    currency: priced.currency,
    subtotalCents: priced.subtotalCents,
    shippingCents: priced.shippingCents,
    taxRateBasisPoints: priced.taxRateBasisPoints,
    taxCents: priced.taxCents,
    totalCents: priced.totalCents,
    lines: priced.lines.map((l) => [l.sku, l.quantity, l.unitPriceCents, l.lineTotalCents]),
  });
  /** What a quote must leave alone: orders, stock, the audit log. */
  const snapshot = async (slug: string) => ({
    orders: (await store.app.db.select({ n: count() }).from(orders))[0]!.n,
    audit: (await store.app.db.select({ n: count() }).from(auditLogs))[0]!.n,
    stock: (await variantOf(store.app, slug)).stock,
  });

  it('prices a list of items as the order placed with it, and writes nothing', async () => {
    const calipers = await variantOf(store.app, 'digital-calipers-150mm');
    const pla = await variantOf(store.app, 'pla-filament-galaxy-black-1kg');
    const items = [
      { variantId: calipers.id, quantity: 1 },
      { variantId: pla.id, quantity: 2 },
      { variantId: calipers.id, quantity: 1 },
    ];
    const before = await snapshot('digital-calipers-150mm');
    const response = await quote({
      items,
      shippingAddress: californiaAddress,
      shippingMethod: 'standard',
    });
    expect(response.statusCode).toBe(200);
    const quoted: CheckoutQuote = response.json();
    expect(quoted).toMatchObject({
      taxRateBasisPoints: 725,
      shippingMethod: { code: 'standard' },
      lines: expect.arrayContaining([
        expect.objectContaining({ sku: calipers.sku, quantity: 2, short: false }),
      ]),
    });
    expect(quoted.taxCents).toBeGreaterThan(0);
    expect(await snapshot('digital-calipers-150mm')).toEqual(before);

    const placed = await postOrder(store.app, { items, email: 'quote@example.com' });
    expect(placed.statusCode).toBe(201);
    expect(totalsOf(placed.json())).toEqual(totalsOf(quoted));
  });

  it("prices a guest's cart by its token as the order placed from that cart", async () => {
    const esp = await variantOf(store.app, 'esp32-devkit-v1');
    const added = await store.app.inject({
      method: 'POST',
      url: '/api/v1/cart/items',
      payload: { variantId: esp.id, quantity: 3 },
    });
    const cartToken = added.headers['x-cart-token'] as string;
    const details = {
      shippingAddress: { ...californiaAddress, region: 'ca' },
      shippingMethod: 'express',
    };
    const response = await quote(details, { 'x-cart-token': cartToken });
    expect(response.statusCode).toBe(200);
    const quoted: CheckoutQuote = response.json();
    const placed = await store.app.inject({
      method: 'POST',
      url: '/api/v1/orders',
      headers: { 'idempotency-key': crypto.randomUUID(), 'x-cart-token': cartToken },
      payload: { ...details, email: 'cart@example.com' },
    });
    expect(placed.statusCode).toBe(201);
    expect(totalsOf(placed.json())).toEqual(totalsOf(quoted));
  });

  it('reports a line with too few left as short without holding or refusing it', async () => {
    const esp = await variantOf(store.app, 'esp32-devkit-v1');
    const before = await snapshot('esp32-devkit-v1');
    const quantity = Math.min(99, esp.stock + 1);
    const response = await quote({
      items: [{ variantId: esp.id, quantity }],
      shippingAddress: californiaAddress,
      shippingMethod: 'standard',
    });
    expect(response.statusCode).toBe(200);
    expect(response.json().lines[0]).toMatchObject({
      quantity,
      available: esp.stock,
      short: esp.stock < quantity,
    });
    expect(await snapshot('esp32-devkit-v1')).toEqual(before);
  });

  it('refuses a bad address or an unknown shipping method with 400, changing nothing', async () => {
    const calipers = await variantOf(store.app, 'digital-calipers-150mm');
    const items = [{ variantId: calipers.id, quantity: 1 }];
    const before = await snapshot('digital-calipers-150mm');
    const badCountry = await quote({
      items,
      shippingAddress: { ...californiaAddress, country: 'USA' },
      shippingMethod: 'standard',
    });
    expect(badCountry.statusCode).toBe(400);
    expect(badCountry.body).toContain('shippingAddress');
    const noCity = await quote({
      items,
      shippingAddress: { ...californiaAddress, city: '' },
      shippingMethod: 'standard',
    });
    expect(noCity.statusCode).toBe(400);
    const unknownMethod = await quote({
      items,
      shippingAddress: californiaAddress,
      shippingMethod: 'teleport',
    });
    expect(unknownMethod.statusCode).toBe(400);
    expect(unknownMethod.json().error.code).toBe('UNKNOWN_SHIPPING_METHOD');
    const noCart = await quote({ shippingAddress: californiaAddress, shippingMethod: 'standard' });
    expect(noCart.statusCode).toBe(400);
    expect(noCart.json().error.code).toBe('CART_EMPTY');
    expect(await snapshot('digital-calipers-150mm')).toEqual(before);
  });
});
