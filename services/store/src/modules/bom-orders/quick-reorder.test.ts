import type { PurchasingAccount, QuickReorderResult } from '@makrx/contracts';
import { testDrivers, type TestService } from '@makrx/service-kit/testing';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { setVariantStock } from '../catalog/testing';
import { variantOf } from '../orders/testing';
import {
  startStoreBesideFakeCave,
  type FakeCaveBomReceiver,
  type StoreBesideFakeCave,
} from './testing';

const billingAddress = {
  name: 'Hub Accounts',
  line1: '1 Workshop Lane',
  city: 'San Francisco',
  region: 'CA',
  postalCode: '94107',
  country: 'US',
};

describe.each(testDrivers)('quick reorders on a purchasing account over %s', (driver) => {
  let cave: FakeCaveBomReceiver;
  let store: TestService;
  const tokens = { cave: '', admin: '', storeBackend: '', customer: '' };
  const spaceAdmin = crypto.randomUUID();

  let started: StoreBesideFakeCave | undefined;
  beforeAll(async () => {
    started = await startStoreBesideFakeCave(driver, [
      { id: spaceAdmin, username: 'spaceadmin', email: 'space@example.com', displayName: 'S' },
    ]);
    ({ cave, store } = started);
    Object.assign(tokens, started.tokens);
  });
  afterAll(() => started?.close());
  beforeEach(() => {
    cave.updates.length = 0;
  });

  const bearer = (token: string) => (token ? { authorization: `Bearer ${token}` } : {});
  const call = (method: 'GET' | 'POST' | 'PATCH', url: string, token: string, payload?: object) =>
    store.app.inject({ method, url, headers: bearer(token), ...(payload ? { payload } : {}) });
  const quickReorder = (body: object, token = tokens.cave) =>
    call('POST', '/api/v1/orders/quick-reorder', token, body);
  const openAccount = async (monthlyLimitCents = 1_000_000) => {
    const makerspaceId = crypto.randomUUID();
    const created = await call('POST', '/api/v1/admin/purchasing-accounts', tokens.admin, {
      makerspaceId,
      name: `Hub ${makerspaceId.slice(0, 6)}`,
      billingEmail: 'accounts@hub.example.com',
      billingAddress,
      monthlyLimitCents,
    });
    expect(created.statusCode).toBe(201);
    return created.json() as PurchasingAccount;
  };
  const reorder = (makerspaceId: string, bomItems: { code: string; quantity: number }[]) => ({
    userId: spaceAdmin,
    makerspaceId,
    reorderId: crypto.randomUUID(),
    bomItems,
  });
  const ordersCount = async () =>
    (await call('GET', '/api/v1/admin/orders?pageSize=1', tokens.admin)).json().total as number;
  const stockOf = async (slug: string) => (await variantOf(store.app, slug)).stock;

  it('places a paid order on the account, priced as checkout, stock taken, the rest rejected with why', async () => {
    const account = await openAccount();
    const esp = await variantOf(store.app, 'esp32-devkit-v1');
    const body = reorder(account.makerspaceId, [
      { code: 'ELE-ESP32-DKV1', quantity: 2 },
      { code: 'NOPE-404', quantity: 1 },
    ]);
    const placed = await quickReorder(body);
    expect(placed.statusCode).toBe(200);
    const result: QuickReorderResult = placed.json();
    expect(result).toMatchObject({
      status: 'paid',
      currency: 'USD',
      rejected: [{ code: 'NOPE-404', reason: 'UNKNOWN_CODE' }],
    });
    expect(result.orderUrl).toMatch(new RegExp(`/orders/${result.orderNumber}\\?token=`));

    const quote = await call('POST', '/api/v1/checkout/quote', '', {
      items: [{ variantId: esp.id, quantity: 2 }],
      shippingAddress: billingAddress,
      shippingMethod: 'standard',
    });
    expect(result.totalCents).toBe(quote.json().totalCents);
    expect(await stockOf('esp32-devkit-v1')).toBe(esp.stock - 2);

    const order = await call('GET', `/api/v1/orders/${result.orderId}`, tokens.admin);
    expect(order.json()).toMatchObject({
      status: 'paid',
      email: 'accounts@hub.example.com',
      lines: [{ sku: 'ELE-ESP32-DKV1', quantity: 2 }],
    });
    const accountNow = await call(
      'GET',
      `/api/v1/admin/purchasing-accounts/${account.id}`,
      tokens.admin,
    );
    expect(accountNow.json().spentThisMonthCents).toBe(result.totalCents);

    // The order flows like others: the cave hears it was paid, for the reorder it came from.
    await store.app.events.deliverDue();
    expect(cave.updates).toEqual([
      expect.objectContaining({
        reorderId: body.reorderId,
        orderNumber: result.orderNumber,
        status: 'paid',
        lines: [{ code: 'ELE-ESP32-DKV1', quantity: 2 }],
      }),
    ]);
  });

  it('links an account order to the reorder it was placed for, not to the admin’s open cart reorders', async () => {
    const account = await openAccount();
    const cartReorder = crypto.randomUUID();
    const filled = await call('POST', '/api/v1/cart/bulk-add', tokens.cave, {
      userId: spaceAdmin,
      reorderId: cartReorder,
      items: [{ code: 'TOL-CUT-FLUSH', quantity: 1 }],
    });
    expect(filled.statusCode).toBe(200);
    const body = reorder(account.makerspaceId, [{ code: 'TOL-CUT-FLUSH', quantity: 1 }]);
    expect((await quickReorder(body)).statusCode).toBe(200);
    await store.app.events.deliverDue();
    expect(cave.updates.map((update) => update.reorderId)).toEqual([body.reorderId]);
  });

  it('answers the same reorder sent again with the same order, placing nothing more', async () => {
    const account = await openAccount();
    const body = reorder(account.makerspaceId, [{ code: 'HW-M3-SKT-520', quantity: 1 }]);
    const first = await quickReorder(body);
    expect(first.statusCode).toBe(200);
    const before = { orders: await ordersCount(), stock: await stockOf('m3-socket-screw-kit-520') };
    const again = await quickReorder(body);
    expect(again.statusCode).toBe(200);
    expect(again.json().orderId).toBe(first.json().orderId);
    expect(await ordersCount()).toBe(before.orders);
    expect(await stockOf('m3-socket-screw-kit-520')).toBe(before.stock);
  });

  it('refuses a makerspace without an active account with 422, placing nothing', async () => {
    const before = await ordersCount();
    const none = await quickReorder(
      reorder(crypto.randomUUID(), [{ code: 'ELE-ESP32-DKV1', quantity: 1 }]),
    );
    expect(none.statusCode).toBe(422);
    expect(none.json().error.code).toBe('NO_PURCHASING_ACCOUNT');

    const account = await openAccount();
    const closed = await call(
      'PATCH',
      `/api/v1/admin/purchasing-accounts/${account.id}`,
      tokens.admin,
      { active: false },
    );
    expect(closed.statusCode).toBe(200);
    const inactive = await quickReorder(
      reorder(account.makerspaceId, [{ code: 'ELE-ESP32-DKV1', quantity: 1 }]),
    );
    expect(inactive.statusCode).toBe(422);
    expect(inactive.json().error.code).toBe('NO_PURCHASING_ACCOUNT');
    expect(await ordersCount()).toBe(before);
  });

  it('refuses an order over the monthly limit with 422, stock and orders as they were', async () => {
    const account = await openAccount(100);
    const esp = await stockOf('esp32-devkit-v1');
    const before = await ordersCount();
    const over = await quickReorder(
      reorder(account.makerspaceId, [{ code: 'ELE-ESP32-DKV1', quantity: 3 }]),
    );
    expect(over.statusCode).toBe(422);
    expect(over.json().error).toMatchObject({
      code: 'MONTHLY_LIMIT_EXCEEDED',
      details: { limitCents: 100, spentCents: 0 },
    });
    expect(await stockOf('esp32-devkit-v1')).toBe(esp);
    expect(await ordersCount()).toBe(before);
  });

  it('of two orders at once that together pass the limit, places one; the other gives its units back', async () => {
    const esp = await variantOf(store.app, 'esp32-devkit-v1');
    const quote = await call('POST', '/api/v1/checkout/quote', '', {
      items: [{ variantId: esp.id, quantity: 1 }],
      shippingAddress: billingAddress,
      shippingMethod: 'standard',
    });
    const oneOrder: number = quote.json().totalCents;
    const account = await openAccount(Math.floor(oneOrder * 1.5));
    const both = await Promise.all([
      quickReorder(reorder(account.makerspaceId, [{ code: 'ELE-ESP32-DKV1', quantity: 1 }])),
      quickReorder(reorder(account.makerspaceId, [{ code: 'ELE-ESP32-DKV1', quantity: 1 }])),
    ]);
    expect(both.map((answer) => answer.statusCode).sort()).toEqual([200, 422]);
    const refused = both.find((answer) => answer.statusCode === 422)!;
    expect(refused.json().error.code).toBe('MONTHLY_LIMIT_EXCEEDED');
    expect(await stockOf('esp32-devkit-v1')).toBe(esp.stock - 1);
    const accountNow = await call(
      'GET',
      `/api/v1/admin/purchasing-accounts/${account.id}`,
      tokens.admin,
    );
    expect(accountNow.json().spentThisMonthCents).toBe(oneOrder);
  });

  it('orders what is in stock and names what is not, with how many are left', async () => {
    const account = await openAccount();
    await setVariantStock(store.app.db, 'TOL-SLD-60W', 1);
    const placed = await quickReorder(
      reorder(account.makerspaceId, [
        { code: 'TOL-SLD-60W', quantity: 2 },
        { code: 'HW-M3-SKT-520', quantity: 1 },
      ]),
    );
    expect(placed.statusCode).toBe(200);
    expect(placed.json().rejected).toEqual([
      {
        code: 'TOL-SLD-60W',
        reason: 'OUT_OF_STOCK',
        message: 'Only 1 of TOL-SLD-60W left; 2 were asked for.',
      },
    ]);
    const order = await call('GET', `/api/v1/orders/${placed.json().orderId}`, tokens.admin);
    expect(order.json().lines).toEqual([
      expect.objectContaining({ sku: 'HW-M3-SKT-520', quantity: 1 }),
    ]);
  });

  it('refuses with 422 when every item is rejected, placing no order', async () => {
    const account = await openAccount();
    const before = await ordersCount();
    const nothing = await quickReorder(
      reorder(account.makerspaceId, [
        { code: 'NOPE-1', quantity: 1 },
        { code: 'ELE-ESP32-DKV1', quantity: 21 },
      ]),
    );
    expect(nothing.statusCode).toBe(422);
    expect(nothing.json().error).toMatchObject({
      code: 'NOTHING_TO_ORDER',
      details: {
        rejected: [
          { code: 'NOPE-1', reason: 'UNKNOWN_CODE' },
          { code: 'ELE-ESP32-DKV1', reason: 'QUANTITY_TOO_LARGE' },
        ],
      },
    });
    expect(await ordersCount()).toBe(before);
  });

  it('lets only the cave order on account, and refuses malformed bodies and taken reorder ids', async () => {
    const account = await openAccount();
    const body = reorder(account.makerspaceId, [{ code: 'ELE-ESP32-DKV1', quantity: 1 }]);
    const before = await ordersCount();
    expect((await quickReorder(body, '')).statusCode).toBe(401);
    expect((await quickReorder(body, tokens.customer)).statusCode).toBe(403);
    expect((await quickReorder(body, tokens.storeBackend)).statusCode).toBe(403);
    expect((await quickReorder({ ...body, makerspaceId: 'hub' })).statusCode).toBe(400);
    expect((await quickReorder({ ...body, bomItems: [] })).statusCode).toBe(400);
    expect(await ordersCount()).toBe(before);

    expect((await quickReorder(body)).statusCode).toBe(200);
    const stolen = await quickReorder({ ...body, userId: crypto.randomUUID() });
    expect(stolen.statusCode).toBe(409);
    expect(stolen.json().error.code).toBe('REORDER_ID_TAKEN');
    expect(await ordersCount()).toBe(before + 1);
  });

  it('lets store admins alone keep purchasing accounts', async () => {
    const account = await openAccount();
    const list = await call('GET', '/api/v1/admin/purchasing-accounts', tokens.admin);
    expect(list.json().accounts).toContainEqual(expect.objectContaining({ id: account.id }));
    expect((await call('GET', '/api/v1/admin/purchasing-accounts', '')).statusCode).toBe(401);
    expect(
      (await call('GET', '/api/v1/admin/purchasing-accounts', tokens.customer)).statusCode,
    ).toBe(403);
    expect((await call('GET', '/api/v1/admin/purchasing-accounts', tokens.cave)).statusCode).toBe(
      403,
    );
    const twice = await call('POST', '/api/v1/admin/purchasing-accounts', tokens.admin, {
      makerspaceId: account.makerspaceId,
      name: 'Again',
      billingEmail: 'a@example.com',
      billingAddress,
      monthlyLimitCents: 1,
    });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.code).toBe('PURCHASING_ACCOUNT_EXISTS');
    const bad = await call('POST', '/api/v1/admin/purchasing-accounts', tokens.admin, {
      makerspaceId: crypto.randomUUID(),
      name: 'Bad',
      billingEmail: 'not an email',
      billingAddress,
      monthlyLimitCents: -1,
    });
    expect(bad.statusCode).toBe(400);
    const byCustomer = await call(
      'PATCH',
      `/api/v1/admin/purchasing-accounts/${account.id}`,
      tokens.customer,
      { monthlyLimitCents: 99_999_999 },
    );
    expect(byCustomer.statusCode).toBe(403);
    const missing = await call(
      'PATCH',
      `/api/v1/admin/purchasing-accounts/${crypto.randomUUID()}`,
      tokens.admin,
      { active: false },
    );
    expect(missing.statusCode).toBe(404);
  });
});
