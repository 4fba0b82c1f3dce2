import type { TestIssuer } from '@makrx/auth/testing';
import { parseEventPayload, type CartFill, type PlacedOrder } from '@makrx/contracts';
import { outboxEvents, processedEvents } from '@makrx/events';
import { testDrivers, type TestService } from '@makrx/service-kit/testing';
import { and, desc, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { postOrder } from '../orders/testing';
import { reportPaidReorders } from './cave-reports';
import {
  startStoreBesideFakeCave,
  type FakeCaveBomReceiver,
  type StoreBesideFakeCave,
} from './testing';

describe.each(testDrivers)('Quick Reorder orders reported to the cave over %s', (driver) => {
  let issuer: TestIssuer;
  let cave: FakeCaveBomReceiver;
  let store: TestService;
  const tokens = { cave: '', admin: '', storeBackend: '' };

  let started: StoreBesideFakeCave | undefined;
  beforeAll(async () => {
    started = await startStoreBesideFakeCave(driver);
    ({ issuer, cave, store } = started);
    Object.assign(tokens, started.tokens);
  });
  afterAll(() => started?.close());
  beforeEach(() => {
    cave.updates.length = 0;
    cave.syncs.length = 0;
    cave.orderUpdateStatus = 200;
  });

  const bearer = (token: string) => (token ? { authorization: `Bearer ${token}` } : {});
  const bulkAdd = (body: object, token = tokens.cave) =>
    store.app.inject({
      method: 'POST',
      url: '/api/v1/cart/bulk-add',
      headers: bearer(token),
      payload: body,
    });

  async function aMaker() {
    const id = crypto.randomUUID();
    const username = `maker-${id.slice(0, 8)}`;
    const token = await issuer.userToken({ id, username, email: `${username}@example.com` });
    return { id, token };
  }

  /** The maker checks out their cart's items and pays with the test Visa. */
  async function paidOrder(token: string, items: { sku: string; quantity: number }[]) {
    const lines = await Promise.all(
      items.map(async ({ sku, quantity }) => ({ variantId: await variantIdOf(sku), quantity })),
    );
    const placed = await postOrder(store.app, { items: lines, token });
    expect(placed.statusCode).toBe(201);
    const order: PlacedOrder = placed.json();
    const paid = await store.app.inject({
      method: 'POST',
      url: `/api/v1/orders/${order.id}/payments`,
      headers: bearer(token),
      payload: { paymentMethod: 'pm_card_visa' },
    });
    expect(paid.statusCode).toBe(201);
    return order;
  }

  async function variantIdOf(sku: string) {
    const found = await store.app.inject({
      url: `/api/v1/products/by-codes?codes=${sku}`,
      headers: bearer(tokens.cave),
    });
    return found.json().items[0].variantId as string;
  }

  async function adminStep(orderId: string, step: string, payload?: object) {
    const response = await store.app.inject({
      method: 'POST',
      url: `/api/v1/orders/${orderId}/${step}`,
      headers: bearer(tokens.admin),
      ...(payload ? { payload } : {}),
    });
    expect(response.statusCode).toBe(200);
  }

  it('records a reorder with what it added, and fills the cart once when the cave sends it again', async () => {
    const maker = await aMaker();
    const reorderId = crypto.randomUUID();
    const body = {
      userId: maker.id,
      reorderId,
      items: [
        { code: 'ELE-ESP32-DKV1', quantity: 2 },
        { code: 'NOPE-9', quantity: 1 },
      ],
    };
    const first = await bulkAdd(body);
    expect(first.statusCode).toBe(200);
    const fill: CartFill = first.json();
    expect(fill.added).toEqual([{ code: 'ELE-ESP32-DKV1', quantity: 2 }]);
    expect(fill.cartUrl).toBe('http://localhost:3003/auth/login?returnTo=%2Fcart');

    const again = await bulkAdd(body);
    expect(again.statusCode).toBe(200);
    expect(again.json().added).toEqual([{ code: 'ELE-ESP32-DKV1', quantity: 2 }]);
    const cart = await store.app.inject({ url: '/api/v1/cart', headers: bearer(maker.token) });
    expect(cart.json().lines).toEqual([
      expect.objectContaining({ sku: 'ELE-ESP32-DKV1', quantity: 2 }),
    ]);
  });

  it('refuses another user’s reorder id with 409, adding nothing to their cart', async () => {
    const owner = await aMaker();
    const other = await aMaker();
    const reorderId = crypto.randomUUID();
    const items = [{ code: 'HW-M3-SKT-520', quantity: 1 }];
    expect((await bulkAdd({ userId: owner.id, reorderId, items })).statusCode).toBe(200);
    const taken = await bulkAdd({ userId: other.id, reorderId, items });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().error.code).toBe('REORDER_ID_TAKEN');
    const cart = await store.app.inject({ url: '/api/v1/cart', headers: bearer(other.token) });
    expect(cart.json().lines).toEqual([]);
  });

  it('lets only the cave call bulk-add, and refuses a malformed body, changing nothing', async () => {
    const maker = await aMaker();
    const body = {
      userId: maker.id,
      reorderId: crypto.randomUUID(),
      items: [{ code: 'ELE-ESP32-DKV1', quantity: 1 }],
    };
    expect((await bulkAdd(body, '')).statusCode).toBe(401);
    expect((await bulkAdd(body, tokens.storeBackend)).statusCode).toBe(403);
    expect((await bulkAdd(body, maker.token)).statusCode).toBe(403);
    expect((await bulkAdd({ ...body, reorderId: 'not-a-uuid' })).statusCode).toBe(400);
    expect((await bulkAdd({ ...body, items: [{ code: 'x y', quantity: 1 }] })).statusCode).toBe(
      400,
    );
    const cart = await store.app.inject({ url: '/api/v1/cart', headers: bearer(maker.token) });
    expect(cart.json().lines).toEqual([]);
  });

  it('tells the cave a reorder was paid, with the order number and its lines, under one key however often the event comes', async () => {
    const maker = await aMaker();
    const reorderId = crypto.randomUUID();
    await bulkAdd({
      userId: maker.id,
      reorderId,
      items: [
        { code: 'ELE-ESP32-DKV1', quantity: 1 },
        { code: 'HW-M3-SKT-520', quantity: 2 },
      ],
    });
    // The maker also buys something the BOM did not ask for; only the BOM's codes are reported.
    const order = await paidOrder(maker.token, [
      { sku: 'ELE-ESP32-DKV1', quantity: 1 },
      { sku: 'HW-M3-SKT-520', quantity: 2 },
      { sku: 'TOL-CUT-FLUSH', quantity: 1 },
    ]);
    await store.app.events.deliverDue();
    expect(cave.updates).toEqual([
      {
        updateId: expect.any(String),
        reorderId,
        orderNumber: order.number,
        status: 'paid',
        lines: [
          { code: 'ELE-ESP32-DKV1', quantity: 1 },
          { code: 'HW-M3-SKT-520', quantity: 2 },
        ],
        at: expect.any(String),
      },
    ]);
    expect(cave.tokens.at(-1)).toBeTruthy();

    // The same event delivered again sends the same update, with the same key.
    const [event] = await store.app.db
      .select()
      .from(outboxEvents)
      .where(
        and(
          eq(outboxEvents.type, 'store.order.paid'),
          sql`${outboxEvents.payload} ->> 'orderId' = ${order.id}`,
        ),
      );
    await reportPaidReorders.handle(
      {
        ...event!,
        type: 'store.order.paid',
        payload: parseEventPayload('store.order.paid', event!.payload),
      },
      { app: store.app, tx: store.app.db },
    );
    expect(cave.updates).toHaveLength(2);
    expect(cave.updates[1]).toEqual(cave.updates[0]);
  });

  it('links a reorder to one order only, and never to an order of someone else or without its codes', async () => {
    const maker = await aMaker();
    const stranger = await aMaker();
    const reorderId = crypto.randomUUID();
    await bulkAdd({
      userId: maker.id,
      reorderId,
      items: [{ code: 'HW-M3-SKT-520', quantity: 1 }],
    });
    await paidOrder(stranger.token, [{ sku: 'HW-M3-SKT-520', quantity: 1 }]);
    await paidOrder(maker.token, [{ sku: 'TOL-CUT-FLUSH', quantity: 1 }]);
    await store.app.events.deliverDue();
    expect(cave.updates).toEqual([]);

    const first = await paidOrder(maker.token, [{ sku: 'HW-M3-SKT-520', quantity: 1 }]);
    await paidOrder(maker.token, [{ sku: 'HW-M3-SKT-520', quantity: 1 }]);
    await store.app.events.deliverDue();
    expect(cave.updates.map((u) => [u.reorderId, u.orderNumber])).toEqual([
      [reorderId, first.number],
    ]);
  });

  it('does not link an order paid before the reorder was made', async () => {
    const maker = await aMaker();
    await paidOrder(maker.token, [{ sku: 'ELE-ESP32-DKV1', quantity: 1 }]);
    await bulkAdd({
      userId: maker.id,
      reorderId: crypto.randomUUID(),
      items: [{ code: 'ELE-ESP32-DKV1', quantity: 1 }],
    });
    await store.app.events.deliverDue();
    expect(cave.updates).toEqual([]);
  });

  it('one order fulfils several reorders, each told, then delivered when the admin marks it so', async () => {
    const maker = await aMaker();
    const reorders = [crypto.randomUUID(), crypto.randomUUID()];
    await bulkAdd({
      userId: maker.id,
      reorderId: reorders[0],
      items: [{ code: 'ELE-ESP32-DKV1', quantity: 1 }],
    });
    await bulkAdd({
      userId: maker.id,
      reorderId: reorders[1],
      items: [{ code: 'HW-M3-SKT-520', quantity: 1 }],
    });
    const order = await paidOrder(maker.token, [
      { sku: 'ELE-ESP32-DKV1', quantity: 1 },
      { sku: 'HW-M3-SKT-520', quantity: 1 },
    ]);
    await store.app.events.deliverDue();
    expect(cave.updates.map((u) => [u.reorderId, u.status]).sort()).toEqual(
      [
        [reorders[0], 'paid'],
        [reorders[1], 'paid'],
      ].sort(),
    );
    cave.updates.length = 0;

    await adminStep(order.id, 'ship', { trackingNumber: 'TRACK-1234' });
    await store.app.events.deliverDue();
    expect(cave.updates).toEqual([]);
    await adminStep(order.id, 'deliver');
    await store.app.events.deliverDue();
    expect(cave.updates.map((u) => [u.reorderId, u.status, u.lines]).sort()).toEqual(
      [
        [reorders[0], 'delivered', [{ code: 'ELE-ESP32-DKV1', quantity: 1 }]],
        [reorders[1], 'delivered', [{ code: 'HW-M3-SKT-520', quantity: 1 }]],
      ].sort(),
    );
    expect(new Set(cave.updates.map((u) => u.updateId)).size).toBe(2);
  });

  it('tells the cave a reorder’s order was cancelled before it shipped', async () => {
    const maker = await aMaker();
    const reorderId = crypto.randomUUID();
    await bulkAdd({ userId: maker.id, reorderId, items: [{ code: 'TOL-CUT-FLUSH', quantity: 1 }] });
    const order = await paidOrder(maker.token, [{ sku: 'TOL-CUT-FLUSH', quantity: 1 }]);
    await store.app.events.deliverDue();
    const cancelled = await store.app.inject({
      method: 'POST',
      url: `/api/v1/orders/${order.id}/cancel`,
      headers: bearer(maker.token),
    });
    expect(cancelled.statusCode).toBe(200);
    await store.app.events.deliverDue();
    expect(cave.updates.map((u) => u.status)).toEqual(['paid', 'cancelled']);
    expect(cave.updates[1]).toMatchObject({ reorderId, orderNumber: order.number });
  });

  it('drops an update the cave answers 404 (no such reorder), and retries any other failure', async () => {
    const processed = async (orderId: string) => {
      const [event] = await store.app.db
        .select({ id: outboxEvents.id })
        .from(outboxEvents)
        .where(
          and(
            eq(outboxEvents.type, 'store.order.paid'),
            sql`${outboxEvents.payload} ->> 'orderId' = ${orderId}`,
          ),
        )
        .orderBy(desc(outboxEvents.id));
      const done = await store.app.db
        .select()
        .from(processedEvents)
        .where(
          and(
            eq(processedEvents.eventId, event!.id),
            eq(processedEvents.consumer, 'report-paid-reorders'),
          ),
        );
      return { done: done.length === 1 };
    };
    const maker = await aMaker();
    await bulkAdd({
      userId: maker.id,
      reorderId: crypto.randomUUID(),
      items: [{ code: 'ELE-ESP32-DKV1', quantity: 1 }],
    });
    cave.orderUpdateStatus = 404;
    const unknown = await paidOrder(maker.token, [{ sku: 'ELE-ESP32-DKV1', quantity: 1 }]);
    await store.app.events.deliverDue();
    expect(cave.updates).toHaveLength(1);
    expect(await processed(unknown.id)).toMatchObject({ done: true });

    await bulkAdd({
      userId: maker.id,
      reorderId: crypto.randomUUID(),
      items: [{ code: 'ELE-ESP32-DKV1', quantity: 1 }],
    });
    cave.orderUpdateStatus = 503;
    const failing = await paidOrder(maker.token, [{ sku: 'ELE-ESP32-DKV1', quantity: 1 }]);
    await store.app.events.deliverDue();
    expect(cave.updates).toHaveLength(2);
    expect(await processed(failing.id)).toMatchObject({ done: false });
  });
});
