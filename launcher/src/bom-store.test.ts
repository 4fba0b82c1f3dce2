import { startTestIssuer, type TestIssuer } from '@makrx/auth/testing';
import { caveService } from '@makrx/cave-service';
import {
  ROBOT,
  seedBomPeople,
  setOrderingFlags,
  type BomPeople,
} from '@makrx/cave-service/testing';
import type {
  BomItem,
  BomPurchaseResult,
  BomQuickReorderResult,
  BomView,
  Cart,
  Order,
  PlacedOrder,
} from '@makrx/contracts';
import { users } from '@makrx/db/schema';
import { outboxEvents, processedEvents } from '@makrx/events';
import {
  listenForTest,
  startTestService,
  testDrivers,
  type TestService,
} from '@makrx/service-kit/testing';
import { storeService } from '@makrx/store-service';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningMakrx } from './start-makrx';
import { embeddedMakrxForTest } from './testing';

/*
 * A project's BOM in the cave matched against the real Store (spec 6 "Quick Reorder", spec 7
 * "Product Codes & Inventory"): both services started in this test, the cave calling the
 * Store's integration endpoints over HTTP with its own service token.
 */

describe.each(testDrivers)('a MakrCave BOM against the Store over %s', (driver) => {
  let issuer: TestIssuer;
  let store: TestService;
  let cave: TestService;
  let people: BomPeople;
  let storeUrl: { baseUrl: string; dropConnections(): void };

  const call = async (method: 'GET' | 'POST', url: string, as: string, body?: unknown) => {
    const response = await cave.app.inject({
      method,
      url,
      headers: {
        authorization: `Bearer ${people.tokens[as]}`,
        ...(typeof body === 'string' ? { 'content-type': 'text/csv' } : {}),
      },
      ...(body === undefined ? {} : { payload: body as string }),
    });
    expect(response.statusCode, response.body).toBeLessThan(300);
    return response.json();
  };
  const view = (as = 'kenji'): Promise<BomView> => call('GET', `/api/v1/projects/${ROBOT}/bom`, as);
  const byCode = (bom: BomView) => Object.fromEntries(bom.items.map((item) => [item.code, item]));

  beforeAll(async () => {
    issuer = await startTestIssuer();
    store = await startTestService(storeService, driver, {
      issuer: issuer.issuer,
      env: { STORE_URL: 'http://store.test' },
    });
    storeUrl = await listenForTest(store.app);
    cave = await startTestService(caveService, driver, {
      issuer: issuer.issuer,
      env: { STORE_URL: 'http://store.test' },
      peers: {
        urls: { auth: 'http://127.0.0.1:9', cave: 'http://127.0.0.1:9', store: storeUrl.baseUrl },
        token: () => issuer.serviceToken('makrcave-backend'),
      },
    });
    people = await seedBomPeople(cave.app.db, issuer);
    // One identity across the services: the robot's owner has an account in the Store's too.
    await store.app.db.insert(users).values({
      id: people.ids.kenji!,
      email: 'kenji-watanabe@makers.demo.makrx.org',
      username: 'kenji-watanabe',
      displayName: 'Kenji Watanabe',
    });
    await setOrderingFlags(cave.app.db, { bomOrdering: true, quickReorder: true });
    await call(
      'POST',
      `/api/v1/projects/${ROBOT}/bom/import`,
      'kenji',
      [
        'name,quantity,unit,code',
        'Heat-set inserts,3,kits,HW-INS-M3-100',
        'PLA filament,0.25,kg,FIL-PLA-GBK-1000',
        'ESP32 DevKit V1,2,pcs,ELE-ESP32-DKV1',
        'M3 screws,1,kits,HW-M3-SKT-520',
        'Birch plywood,2,sheets,',
        'Mystery part,1,pcs,NO-SUCH-PART',
      ].join('\n'),
    );
  });
  afterAll(async () => {
    await cave.close();
    storeUrl.dropConnections();
    await store.close();
    await issuer.close();
  });

  it('shows each matched item’s live product, price and stock, the total and what is short', async () => {
    const bom = await view('viewer');
    expect(bom.store).not.toBeNull();
    expect(bom.notice).toBeNull();
    const items = byCode(bom);
    expect(items['HW-INS-M3-100']!.match).toMatchObject({
      productName: 'Heat-Set Insert Kit, M3, 100 pieces',
      productUrl: expect.stringMatching(/^http:\/\/store\.test\/products\//),
      priceCents: 1499,
      currency: 'USD',
      stock: 2,
      inStock: true,
      source: 'live',
    });
    expect(items['HW-INS-M3-100']!.warnings).toEqual([
      expect.objectContaining({ kind: 'low_stock', stock: 2 }),
    ]);
    expect(items['NO-SUCH-PART']).toMatchObject({ match: null, unknownCode: true });
    expect(bom.total).toEqual({
      cents: 3 * 1499 + Math.round(0.25 * 2999) + 2 * 899 + 1899,
      currency: 'USD',
      matchedItems: 4,
      unmatchedItems: 2,
    });
    expect(bom.shortages).toEqual([
      expect.objectContaining({ code: 'HW-INS-M3-100', needed: 3, stock: 2 }),
    ]);
    // The first match keeps the price the item was added at.
    expect(items['FIL-PLA-GBK-1000']!.priceWhenAdded).toEqual({ cents: 2999, currency: 'USD' });
  });

  it('fills the maker’s Store cart with the picked items', async () => {
    const items = byCode(await view());
    const picked = ['FIL-PLA-GBK-1000', 'ELE-ESP32-DKV1', 'HW-M3-SKT-520'].map((c) => items[c]!);
    const reorder: BomQuickReorderResult = await call(
      'POST',
      `/api/v1/projects/${ROBOT}/bom/quick-reorder`,
      'kenji',
      { itemIds: picked.map((item) => item.id) },
    );
    // The Store's sign-in route, which lands a maker signed in at the cave in their cart.
    expect(reorder.cartUrl).toBe('http://store.test/auth/login?returnTo=%2Fcart');
    // The quarter kilo of filament is a whole spool in the Store.
    expect(reorder.added).toEqual([
      { code: 'FIL-PLA-GBK-1000', quantity: 1 },
      { code: 'ELE-ESP32-DKV1', quantity: 2 },
      { code: 'HW-M3-SKT-520', quantity: 1 },
    ]);
    expect(reorder.rejected).toEqual([]);
    const logged = await cave.app.db.execute(
      sql`select summary from makrcave.project_activity where action = 'bom.quick-reorder'`,
    );
    expect(logged.rows.map((row) => row.summary)).toEqual(['Sent 3 BOM items to the Store cart']);
    const storeToken = await issuer.userToken({
      id: people.ids.kenji!,
      username: 'kenji-watanabe',
      realmRoles: [],
    });
    const cart: Cart = (
      await store.app.inject({
        url: '/api/v1/cart',
        headers: { authorization: `Bearer ${storeToken}` },
      })
    ).json();
    expect(cart.lines.map((line) => [line.sku, line.quantity]).sort()).toEqual([
      ['ELE-ESP32-DKV1', 2],
      ['FIL-PLA-GBK-1000', 1],
      ['HW-M3-SKT-520', 1],
    ]);
    // Still needed until the Store says the order was paid (proved below, with the Store's own
    // consumer reporting the payment).
    expect(byCode(await view())['ELE-ESP32-DKV1']!.status).toBe('needed');
  });

  it('reports the Store’s own refusals: a code it does not know goes in no cart', async () => {
    const items = byCode(await view());
    const reorder: BomQuickReorderResult = await call(
      'POST',
      `/api/v1/projects/${ROBOT}/bom/quick-reorder`,
      'editor',
      { itemIds: [items['NO-SUCH-PART']!.id] },
    );
    expect(reorder.added).toEqual([]);
    expect(reorder.rejected).toEqual([
      expect.objectContaining({ code: 'NO-SUCH-PART', reason: 'UNKNOWN_CODE' }),
    ]);
  });
});

/*
 * Spec flow "Quick Reorder (Cave → Store)" and spec 7's inventory sync with both services
 * running as `npm start` runs them: the cave fills the Store cart, the Store's own consumers
 * report the order's payment and delivery to the cave, and its pushes reach the BOM.
 */

const system = embeddedMakrxForTest('bom-store', 29500);
const { cave: caveApi, store: storeApi, auth: authApi } = system.api;

let makrx: RunningMakrx;
const tokens = { member: '', spaceadmin: '', superadmin: '' };
let slug = '';

async function api<T>(
  url: string,
  token: string,
  body?: unknown,
  method = body === undefined ? 'GET' : 'POST',
  headers: Record<string, string> = {},
): Promise<T> {
  const csv = typeof body === 'string';
  const response = await fetch(url, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      ...(body === undefined ? {} : { 'content-type': csv ? 'text/csv' : 'application/json' }),
      ...headers,
    },
    ...(body === undefined ? {} : { body: csv ? body : JSON.stringify(body) }),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${url} answered ${response.status}: ${text}`);
  return JSON.parse(text) as T;
}

/** Asks until `check` holds: the services hand events to each other in the background. */
async function eventually<T>(read: () => Promise<T>, check: (value: T) => boolean): Promise<T> {
  let value = await read();
  for (let i = 0; i < 150 && !check(value); i += 1) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    value = await read();
  }
  return value;
}

const bom = () => api<BomView>(`${caveApi}/projects/${slug}/bom`, tokens.member);
const byCode = (view: BomView): Record<string, BomItem> =>
  Object.fromEntries(view.items.map((item) => [item.code ?? item.name, item]));
const activity = async () =>
  (
    await makrx.database.db.execute(
      sql`select a.summary from makrcave.project_activity a join makrcave.projects p on p.id = a.project_id
          where p.slug = ${slug} order by a.at, a.summary`,
    )
  ).rows.map((row) => String(row.summary));

describe('a BOM ordered from the Store, with both services running as npm start runs them', () => {
  beforeAll(async () => {
    makrx = await system.start();
    tokens.member = await system.signIn('member@demo.makrx.org');
    tokens.spaceadmin = await system.signIn('spaceadmin@demo.makrx.org');
    tokens.superadmin = await system.signIn('superadmin@demo.makrx.org');
    for (const key of ['ENABLE_BOM_ORDERING', 'ENABLE_QUICK_REORDER']) {
      await api(
        `${authApi}/flags/${key}`,
        tokens.superadmin,
        { enabled: true, justification: 'Makers order their BOMs from the Store.' },
        'PATCH',
      );
    }
    const project = await api<{ slug: string }>(`${caveApi}/projects`, tokens.member, {
      title: 'Self-watering planter',
      visibility: 'public',
      makerspace: 'makrx-hub-bengaluru',
    });
    slug = project.slug;
    await api(
      `${caveApi}/projects/${slug}/bom/import`,
      tokens.member,
      [
        'name,quantity,unit,code',
        'ESP32 DevKit V1,2,pcs,ELE-ESP32-DKV1',
        'M3 socket screws,1,kits,HW-M3-SKT-520',
        'PLA filament,1,kg,FIL-PLA-GBK-1000',
        'LED strip,1,pcs,ELE-LED-WS2812B-1M',
        'Distance sensor,1,pcs,ELE-SNS-VL53L0X',
        'Bearings,1,packs,HW-BRG-608ZZ-10',
      ].join('\n'),
    );
  });
  // Stopping waits for work in flight, such as the cave’s first sweep of makers’ highlights.
  afterAll(() => system.stop(), 120_000);

  it('marks the picked items ordered once when the Store’s order is paid (twice delivered), and received when delivered', async () => {
    const items = byCode(await bom());
    const picked = ['ELE-ESP32-DKV1', 'HW-M3-SKT-520', 'FIL-PLA-GBK-1000'];
    const reorder = await api<BomQuickReorderResult>(
      `${caveApi}/projects/${slug}/bom/quick-reorder`,
      tokens.member,
      { itemIds: picked.map((code) => items[code]!.id) },
    );
    expect(reorder.rejected).toEqual([]);
    const cart = await api<Cart>(`${storeApi}/cart`, tokens.member);
    expect(cart.lines.map((line) => [line.sku, line.quantity]).sort()).toEqual([
      ['ELE-ESP32-DKV1', 2],
      ['FIL-PLA-GBK-1000', 1],
      ['HW-M3-SKT-520', 1],
    ]);

    // The member checks out the cart and pays, as the Store's checkout page does.
    const placed = await api<PlacedOrder>(
      `${storeApi}/orders`,
      tokens.member,
      {
        shippingMethod: 'standard',
        shippingAddress: {
          name: 'Maya Member',
          line1: '80 Feet Road',
          city: 'Bengaluru',
          postalCode: '560034',
          country: 'IN',
        },
      },
      'POST',
      { 'idempotency-key': crypto.randomUUID() },
    );
    await api(`${storeApi}/orders/${placed.id}/payments`, tokens.member, {
      paymentMethod: 'tok_visa',
    });

    const ordered = await eventually(bom, (view) =>
      picked.every((code) => byCode(view)[code]!.status === 'ordered'),
    );
    for (const code of picked) {
      expect(byCode(ordered)[code]).toMatchObject({
        status: 'ordered',
        orderNumber: placed.number,
      });
    }
    expect(byCode(ordered)['ELE-LED-WS2812B-1M']).toMatchObject({
      status: 'needed',
      orderNumber: null,
    });
    const marked = `Marked 3 items ordered (order ${placed.number})`;
    expect((await activity()).filter((line) => line === marked)).toHaveLength(1);

    // The dispatcher loses its record of having handled `store.order.paid` (a crash after
    // sending): the same event goes out again, and the cave changes nothing twice.
    const db = makrx.database.db;
    const paidEvents = await db.execute(
      sql`select id from public.outbox_events where type = 'store.order.paid' and payload ->> 'orderId' = ${placed.id}`,
    );
    expect(paidEvents.rows).toHaveLength(1);
    const eventId = Number(paidEvents.rows[0]!.id);
    await db.delete(processedEvents).where(sql`${processedEvents.eventId} = ${eventId}`);
    await db
      .update(outboxEvents)
      .set({ status: 'pending', deliveredAt: null, availableAt: new Date() })
      .where(sql`${outboxEvents.id} = ${eventId}`);
    const redelivered = await eventually(
      () =>
        db
          .select()
          .from(outboxEvents)
          .where(sql`${outboxEvents.id} = ${eventId}`),
      ([event]) => event?.status === 'delivered',
    );
    expect(redelivered[0]!.status).toBe('delivered');
    expect((await activity()).filter((line) => line === marked)).toHaveLength(1);
    expect(byCode(await bom())['ELE-ESP32-DKV1']).toMatchObject({
      status: 'ordered',
      orderNumber: placed.number,
    });

    // A store admin ships it and marks it delivered: the items are received.
    await api(`${storeApi}/orders/${placed.id}/ship`, tokens.superadmin, {
      trackingNumber: 'TRK-40211',
    });
    await api(`${storeApi}/orders/${placed.id}/deliver`, tokens.superadmin, {});
    const received = await eventually(bom, (view) =>
      picked.every((code) => byCode(view)[code]!.status === 'received'),
    );
    for (const code of picked) {
      expect(byCode(received)[code]).toMatchObject({
        status: 'received',
        orderNumber: placed.number,
      });
    }
  });

  it('hears at once of a code running low, and warns on the BOM', async () => {
    const before = byCode(await bom())['ELE-LED-WS2812B-1M']!;
    expect(before.warnings).toEqual([]);
    await api(
      `${storeApi}/admin/catalog/variants/ELE-LED-WS2812B-1M/stock-adjustments`,
      tokens.superadmin,
      { setTo: 3, reason: 'Counted the shelf: three reels left.' },
    );
    const pushed = await eventually(
      async () =>
        (
          await makrx.database.db.execute(
            sql`select stock, low_stock_below from makrcave.bom_inventory where code = 'ELE-LED-WS2812B-1M'`,
          )
        ).rows,
      (rows) => rows.length === 1 && Number(rows[0]!.stock) === 3,
    );
    expect(pushed).toEqual([{ stock: 3, low_stock_below: 5 }]);
    const after = byCode(await bom())['ELE-LED-WS2812B-1M']!;
    expect(after.warnings).toEqual([
      expect.objectContaining({ kind: 'low_stock', stock: 3, lowStockBelow: 5 }),
    ]);
  });

  it('takes a price change the hourly sync pushes into the BOM’s total', async () => {
    const before = await bom();
    const sensor = byCode(before)['ELE-SNS-VL53L0X']!;
    const was = sensor.match!.priceCents;
    await api(
      `${storeApi}/admin/catalog/variants/ELE-SNS-VL53L0X`,
      tokens.superadmin,
      { priceCents: was + 500 },
      'PATCH',
    );
    await makrx.apps.store.jobs.run('sync-bom-inventory-to-cave');
    const synced = await makrx.database.db.execute(
      sql`select price_cents from makrcave.bom_inventory where code = 'ELE-SNS-VL53L0X'`,
    );
    expect(synced.rows).toEqual([{ price_cents: was + 500 }]);
    const after = await eventually(bom, (view) => view.total!.cents === before.total!.cents + 500);
    expect(after.total!.cents).toBe(before.total!.cents + 500);
    expect(byCode(after)['ELE-SNS-VL53L0X']!.warnings).toEqual([
      expect.objectContaining({
        kind: 'price_changed',
        was: { cents: was, currency: 'USD' },
        now: { cents: was + 500, currency: 'USD' },
      }),
    ]);
  });

  it('orders on the demo makerspace’s purchasing account and marks the items ordered', async () => {
    const items = byCode(await bom());
    const result = await api<BomPurchaseResult>(
      `${caveApi}/makerspaces/makrx-hub-bengaluru/projects/${slug}/bom/purchase`,
      tokens.spaceadmin,
      { itemIds: [items['HW-BRG-608ZZ-10']!.id, items['ELE-SNS-VL53L0X']!.id] },
    );
    expect(result).toMatchObject({ ordered: 2, rejected: [] });
    const order = await api<Order>(
      `${storeApi}/admin/orders?q=${encodeURIComponent(result.orderNumber)}`,
      tokens.superadmin,
    );
    expect(JSON.stringify(order)).toContain(result.orderNumber);
    const after = byCode(await bom());
    for (const code of ['HW-BRG-608ZZ-10', 'ELE-SNS-VL53L0X']) {
      expect(after[code]).toMatchObject({ status: 'ordered', orderNumber: result.orderNumber });
    }
    expect(after['ELE-LED-WS2812B-1M']!.status).toBe('needed');
  });
});
