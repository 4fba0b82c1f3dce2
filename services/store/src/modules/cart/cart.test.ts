import { startTestIssuer, type TestIssuer } from '@makrx/auth/testing';
import type { Cart } from '@makrx/contracts';
import { featureFlags } from '@makrx/db';
import { startTestService, testDrivers, type TestService } from '@makrx/service-kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storeService } from '../../service';
import { setVariantStock } from '../catalog/testing';
import { californiaAddress, variantOf } from '../orders/testing';

describe.each(testDrivers)('carts over %s', (driver) => {
  let issuer: TestIssuer;
  let store: TestService;
  let cave: string;
  beforeAll(async () => {
    issuer = await startTestIssuer();
    store = await startTestService(storeService, driver, { issuer: issuer.issuer });
    cave = await issuer.serviceToken('makrcave-backend');
  });
  afterAll(async () => {
    await store.close();
    await issuer.close();
  });

  type Headers = Record<string, string>;
  const call = (
    method: 'GET' | 'POST' | 'PUT' | 'DELETE',
    url: string,
    headers: Headers = {},
    payload?: object,
  ) => store.app.inject({ method, url, headers, ...(payload ? { payload } : {}) });
  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
  const userId = () => crypto.randomUUID();

  it('gives a guest a cart token with the first item and keeps the cart by it', async () => {
    const esp = await variantOf(store.app, 'esp32-devkit-v1');
    const added = await call('POST', '/api/v1/cart/items', {}, { variantId: esp.id, quantity: 2 });
    expect(added.statusCode).toBe(200);
    const token = added.headers['x-cart-token'] as string;
    expect(token).toMatch(/^[\w-]{20,}$/);
    await call('POST', '/api/v1/cart/items', { 'x-cart-token': token }, { variantId: esp.id });
    const cart: Cart = (await call('GET', '/api/v1/cart', { 'x-cart-token': token })).json();
    expect(cart).toMatchObject({
      itemCount: 3,
      subtotalCents: 3 * esp.priceCents,
      lines: [{ sku: 'ELE-ESP32-DKV1', quantity: 3, unitPriceCents: esp.priceCents }],
    });
    expect((await call('GET', '/api/v1/cart')).json().lines).toEqual([]);
  });

  it("shows a variant's line with the product's name, its options and the variant's picture", async () => {
    const jetBlack = await variantOf(store.app, 'petg-filament-signal-orange-1kg', 3);
    expect(jetBlack.options).toEqual({ colour: 'Jet Black', size: '2 kg' });
    const added = await call('POST', '/api/v1/cart/items', {}, { variantId: jetBlack.id });
    const token = added.headers['x-cart-token'] as string;
    const cart: Cart = (await call('GET', '/api/v1/cart', { 'x-cart-token': token })).json();
    expect(cart.lines).toEqual([
      expect.objectContaining({
        productName: 'PETG Filament',
        options: { colour: 'Jet Black', size: '2 kg' },
        imageUrl: '/media/products/variants/fil-petg-jbk-2000.svg',
      }),
    ]);
  });

  it('checks stock when adding, and changes nothing when there is too little', async () => {
    const inserts = await variantOf(store.app, 'heat-set-insert-kit-m3');
    const first = await call(
      'POST',
      '/api/v1/cart/items',
      {},
      { variantId: inserts.id, quantity: 1 },
    );
    const token = first.headers['x-cart-token'] as string;
    const tooMany = await call(
      'POST',
      '/api/v1/cart/items',
      { 'x-cart-token': token },
      { variantId: inserts.id, quantity: inserts.stock },
    );
    expect(tooMany.statusCode).toBe(409);
    expect(tooMany.json().error).toMatchObject({
      code: 'OUT_OF_STOCK',
      details: { available: inserts.stock },
    });
    const cart: Cart = (await call('GET', '/api/v1/cart', { 'x-cart-token': token })).json();
    expect(cart.lines[0]!.quantity).toBe(1);
    const changed = await call(
      'PUT',
      `/api/v1/cart/items/${inserts.id}`,
      { 'x-cart-token': token },
      { quantity: 2 },
    );
    expect(changed.json().itemCount).toBe(2);
    const removed = await call('DELETE', `/api/v1/cart/items/${inserts.id}`, {
      'x-cart-token': token,
    });
    expect(removed.json().lines).toEqual([]);
  });

  it('places an order from the cart, empties it, and answers a retry with the same order', async () => {
    const pico = await variantOf(store.app, 'raspberry-pi-pico-w');
    const added = await call('POST', '/api/v1/cart/items', {}, { variantId: pico.id, quantity: 2 });
    const token = added.headers['x-cart-token'] as string;
    const checkout = () =>
      call(
        'POST',
        '/api/v1/orders',
        { 'x-cart-token': token, 'idempotency-key': `cart-order-${token}` },
        {
          email: 'cart@example.com',
          shippingAddress: californiaAddress,
          shippingMethod: 'standard',
        },
      );
    const placed = await checkout();
    expect(placed.statusCode).toBe(201);
    expect(placed.json().lines).toEqual([expect.objectContaining({ sku: pico.sku, quantity: 2 })]);
    expect((await call('GET', '/api/v1/cart', { 'x-cart-token': token })).json().lines).toEqual([]);
    const retried = await checkout();
    expect(retried.statusCode).toBe(200);
    expect(retried.json().id).toBe(placed.json().id);
  });

  it('checks stock again at order time', async () => {
    const nozzle = await variantOf(store.app, 'brass-nozzle-assortment-24');
    const added = await call(
      'POST',
      '/api/v1/cart/items',
      {},
      { variantId: nozzle.id, quantity: 2 },
    );
    const token = added.headers['x-cart-token'] as string;
    // Someone else bought most of them meanwhile.
    await setVariantStock(store.app.db, nozzle.sku, 1);
    const placed = await call(
      'POST',
      '/api/v1/orders',
      { 'x-cart-token': token, 'idempotency-key': crypto.randomUUID() },
      { email: 'late@example.com', shippingAddress: californiaAddress, shippingMethod: 'standard' },
    );
    expect(placed.statusCode).toBe(409);
    expect(placed.json().error.code).toBe('OUT_OF_STOCK');
    expect((await call('GET', '/api/v1/cart', { 'x-cart-token': token })).json().itemCount).toBe(2);
  });

  it("keeps a guest's items when they sign in: the guest cart merges into theirs", async () => {
    const esp = await variantOf(store.app, 'esp32-devkit-v1');
    const led = await variantOf(store.app, 'ws2812b-led-strip-1m');
    const user = await issuer.userToken({ id: userId(), username: 'merger' });
    await call('POST', '/api/v1/cart/items', bearer(user), { variantId: esp.id, quantity: 1 });
    const guest = await call('POST', '/api/v1/cart/items', {}, { variantId: esp.id, quantity: 2 });
    const token = guest.headers['x-cart-token'] as string;
    await call('POST', '/api/v1/cart/items', { 'x-cart-token': token }, { variantId: led.id });
    expect((await call('POST', '/api/v1/cart/merge', { 'x-cart-token': token })).statusCode).toBe(
      401,
    );
    const merged = await call('POST', '/api/v1/cart/merge', {
      ...bearer(user),
      'x-cart-token': token,
    });
    expect(merged.statusCode).toBe(200);
    const quantities = Object.fromEntries(
      (merged.json() as Cart).lines.map((l) => [l.sku, l.quantity]),
    );
    expect(quantities).toEqual({ 'ELE-ESP32-DKV1': 3, 'ELE-LED-WS2812B-1M': 1 });
    expect((await call('GET', '/api/v1/cart', { 'x-cart-token': token })).json().lines).toEqual([]);
  });

  it('answers the cave with products by code, inventory included, and nobody else', async () => {
    const url = '/api/v1/products/by-codes?codes=FIL-PLA-GBK-1000,FIL-PLA-GPU-2000,NOPE-1';
    const response = await call('GET', url, bearer(cave));
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      items: expect.arrayContaining([
        expect.objectContaining({
          code: 'FIL-PLA-GBK-1000',
          productSlug: 'pla-filament-galaxy-black-1kg',
          inStock: true,
        }),
        expect.objectContaining({
          code: 'FIL-PLA-GPU-2000',
          options: { colour: 'Galaxy Purple', size: '2 kg' },
        }),
      ]),
      unknownCodes: ['NOPE-1'],
    });
    const person = await issuer.userToken({ username: 'curious' });
    expect((await call('GET', url, bearer(person))).statusCode).toBe(403);
    expect((await call('GET', url)).statusCode).toBe(401);
  });

  it("fills a user's cart from the cave's bulk add, rejecting unknown codes", async () => {
    const id = userId();
    const bulk = await call('POST', '/api/v1/cart/bulk-add', bearer(cave), {
      userId: id,
      sessionId: 'cave-session-1',
      items: [
        { code: 'HW-M3-SKT-520', quantity: 1 },
        { code: 'NOPE-2', quantity: 1 },
      ],
    });
    expect(bulk.statusCode).toBe(200);
    expect(bulk.json()).toMatchObject({
      added: [{ code: 'HW-M3-SKT-520', quantity: 1 }],
      rejected: [{ code: 'NOPE-2', reason: 'UNKNOWN_CODE' }],
      cartUrl: 'http://localhost:3003/auth/login?returnTo=%2Fcart',
    });
    const user = await issuer.userToken({ id, username: 'bom-owner' });
    expect((await call('GET', '/api/v1/cart', bearer(user))).json().itemCount).toBe(1);
  });

  it('lets a buyer reorder a past order in one click when ENABLE_QUICK_REORDER is on', async () => {
    const id = userId();
    const user = await issuer.userToken({ id, username: 'repeat', email: 'repeat@example.com' });
    const esp = await variantOf(store.app, 'esp32-devkit-v1');
    const placed = await call(
      'POST',
      '/api/v1/orders',
      { ...bearer(user), 'idempotency-key': crypto.randomUUID() },
      {
        items: [{ variantId: esp.id, quantity: 1 }],
        shippingAddress: californiaAddress,
        shippingMethod: 'standard',
      },
    );
    const url = `/api/v1/orders/${placed.json().id}/reorder`;
    const off = await call('POST', url, bearer(user));
    expect(off.statusCode).toBe(404);
    expect(off.json().error.code).toBe('FEATURE_DISABLED');
    await store.app.db.insert(featureFlags).values({
      key: 'ENABLE_QUICK_REORDER',
      scope: 'domain',
      domain: 'store',
      description: 'One-click reorder',
      enabled: true,
    });
    const on = await call('POST', url, bearer(user));
    expect(on.statusCode).toBe(200);
    expect(on.json().cart.lines).toEqual([
      expect.objectContaining({ sku: 'ELE-ESP32-DKV1', quantity: 1 }),
    ]);
    const stranger = await issuer.userToken({ username: 'stranger' });
    expect((await call('POST', url, bearer(stranger))).statusCode).toBe(404);
  });
});
