import { startTestIssuer, type TestIssuer } from '@makrx/auth/testing';
import { caveService } from '@makrx/cave-service';
import {
  ROBOT,
  seedBomPeople,
  setOrderingFlags,
  type BomPeople,
} from '@makrx/cave-service/testing';
import type { BomQuickReorderResult, BomView, Cart } from '@makrx/contracts';
import { users } from '@makrx/db/schema';
import {
  listenForTest,
  startTestService,
  testDrivers,
  type TestService,
} from '@makrx/service-kit/testing';
import { storeService } from '@makrx/store-service';
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

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

  it('fills the maker’s Store cart with the picked items, and marks them ordered once when the order is paid', async () => {
    const items = byCode(await view());
    const picked = ['FIL-PLA-GBK-1000', 'ELE-ESP32-DKV1', 'HW-M3-SKT-520'].map((c) => items[c]!);
    const reorder: BomQuickReorderResult = await call(
      'POST',
      `/api/v1/projects/${ROBOT}/bom/quick-reorder`,
      'kenji',
      { itemIds: picked.map((item) => item.id) },
    );
    expect(reorder.cartUrl).toBe('http://store.test/cart');
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
    // Still needed until the Store says the order was paid.
    expect(byCode(await view())['ELE-ESP32-DKV1']!.status).toBe('needed');

    const paid = {
      updateId: randomUUID(),
      reorderId: reorder.reorderId,
      orderNumber: 'MX-2049',
      status: 'paid',
      lines: reorder.added,
      at: new Date().toISOString(),
    };
    const first = await call('POST', '/api/v1/bom/order-updates', 'store', paid);
    const again = await call('POST', '/api/v1/bom/order-updates', 'store', paid);
    expect([first, again]).toEqual([
      { changed: 3, duplicate: false },
      { changed: 0, duplicate: true },
    ]);
    const after = byCode(await view());
    for (const code of ['FIL-PLA-GBK-1000', 'ELE-ESP32-DKV1', 'HW-M3-SKT-520']) {
      expect(after[code]).toMatchObject({ status: 'ordered', orderNumber: 'MX-2049' });
    }
    expect(after['HW-INS-M3-100']).toMatchObject({ status: 'needed', orderNumber: null });

    await call('POST', '/api/v1/bom/order-updates', 'store', {
      ...paid,
      updateId: randomUUID(),
      status: 'delivered',
    });
    expect(byCode(await view())['ELE-ESP32-DKV1']).toMatchObject({
      status: 'received',
      orderNumber: 'MX-2049',
    });
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
