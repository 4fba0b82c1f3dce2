import { testDrivers, type TestService } from '@makrx/service-kit/testing';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setVariantStock } from '../catalog/testing';
import { postOrder, variantOf } from '../orders/testing';
import { bomWatchedCodes } from './tables';
import {
  startStoreBesideFakeCave,
  type FakeCaveBomReceiver,
  type StoreBesideFakeCave,
} from './testing';

describe.each(testDrivers)('stock and prices of BOM codes pushed to the cave over %s', (driver) => {
  let cave: FakeCaveBomReceiver;
  let store: TestService;
  const tokens = { cave: '', admin: '', storeBackend: '', customer: '' };

  let started: StoreBesideFakeCave | undefined;
  beforeAll(async () => {
    started = await startStoreBesideFakeCave(driver);
    ({ cave, store } = started);
    Object.assign(tokens, started.tokens);
  });
  afterAll(() => started?.close());

  const bearer = (token: string) => (token ? { authorization: `Bearer ${token}` } : {});
  const askByCodes = (codes: string, token = tokens.cave) =>
    store.app.inject({
      url: `/api/v1/products/by-codes?codes=${codes}&include_inventory=true`,
      headers: bearer(token),
    });
  const adjustStock = async (sku: string, setTo: number) => {
    const response = await store.app.inject({
      method: 'POST',
      url: `/api/v1/admin/catalog/variants/${sku}/stock-adjustments`,
      headers: bearer(tokens.admin),
      payload: { setTo, reason: 'counted on the shelf' },
    });
    expect(response.statusCode).toBe(200);
  };
  /** What the cave was sent about a code: each push's level of it, and whether it was critical. */
  const pushesOf = (code: string) =>
    cave.syncs.flatMap((sync) => {
      const at = sync.product_codes.indexOf(code);
      return at < 0
        ? []
        : [
            {
              quantity: sync.quantities[at],
              priceCents: sync.prices_cents[at],
              critical: sync.critical,
              currency: sync.currency,
              lowStockBelow: sync.lowStockBelow,
            },
          ];
    });
  const runHourlySync = () => store.app.jobs.run('sync-bom-inventory-to-cave');

  it('pushes a watched code at once, marked critical, when an admin takes its stock below 5', async () => {
    expect((await askByCodes('ELE-ESP32-DKV1')).statusCode).toBe(200);
    const esp = await variantOf(store.app, 'esp32-devkit-v1');
    await adjustStock('ELE-ESP32-DKV1', 3);
    await store.app.events.deliverDue();
    expect(pushesOf('ELE-ESP32-DKV1')).toEqual([
      {
        quantity: 3,
        priceCents: esp.priceCents,
        critical: true,
        currency: 'USD',
        lowStockBelow: 5,
      },
    ]);
    // What the cave was told at once is not pushed again by the hourly sync.
    await runHourlySync();
    expect(pushesOf('ELE-ESP32-DKV1')).toHaveLength(1);
  });

  it('pushes a watched code at once when a sale takes it below 5', async () => {
    await setVariantStock(store.app.db, 'TOL-SLD-60W', 6);
    expect((await askByCodes('TOL-SLD-60W')).statusCode).toBe(200);
    const [variant] = (await askByCodes('TOL-SLD-60W')).json().items;
    const placed = await postOrder(store.app, {
      items: [{ variantId: variant.variantId, quantity: 2 }],
      token: tokens.customer,
    });
    expect(placed.statusCode).toBe(201);
    await store.app.events.deliverDue();
    expect(pushesOf('TOL-SLD-60W')).toEqual([
      expect.objectContaining({ quantity: 4, critical: true }),
    ]);
  });

  it('pushes a watched code at once when a catalog import sets its count below 5', async () => {
    const [resin] = (await askByCodes('RES-STD-GRY-1000')).json().items;
    const price = (resin.priceCents / 100).toFixed(2);
    const imported = await store.app.inject({
      method: 'POST',
      url: '/api/v1/admin/catalog/import',
      headers: { ...bearer(tokens.admin), 'content-type': 'text/csv' },
      body: `sku,product_slug,price,stock\nRES-STD-GRY-1000,standard-resin-grey-1l,${price},2\n`,
    });
    expect(imported.statusCode).toBe(200);
    await store.app.events.deliverDue();
    expect(pushesOf('RES-STD-GRY-1000')).toEqual([
      expect.objectContaining({ quantity: 2, priceCents: resin.priceCents, critical: true }),
    ]);
  });

  it('never pushes a code no BOM asked about, at once or hourly', async () => {
    await adjustStock('PRT-NZL-BRS-24', 1);
    await store.app.events.deliverDue();
    await runHourlySync();
    expect(pushesOf('PRT-NZL-BRS-24')).toEqual([]);
  });

  it('pushes a price change with the hourly sync, not critical, and an unchanged code never again', async () => {
    const fill = await store.app.inject({
      method: 'POST',
      url: '/api/v1/cart/bulk-add',
      headers: bearer(tokens.cave),
      payload: { userId: crypto.randomUUID(), items: [{ code: 'HW-M3-SKT-520', quantity: 1 }] },
    });
    expect(fill.statusCode).toBe(200);
    await runHourlySync();
    expect(pushesOf('HW-M3-SKT-520')).toEqual([]);

    const repriced = await store.app.inject({
      method: 'PATCH',
      url: '/api/v1/admin/catalog/variants/HW-M3-SKT-520',
      headers: bearer(tokens.admin),
      payload: { priceCents: 1234 },
    });
    expect(repriced.statusCode).toBe(200);
    await store.app.events.deliverDue();
    expect(pushesOf('HW-M3-SKT-520')).toEqual([]);
    await runHourlySync();
    expect(pushesOf('HW-M3-SKT-520')).toEqual([
      expect.objectContaining({ priceCents: 1234, critical: false }),
    ]);
    await runHourlySync();
    expect(pushesOf('HW-M3-SKT-520')).toHaveLength(1);
  });

  it('forgets a code no BOM asked about for 90 days', async () => {
    expect((await askByCodes('PRT-PEI-TX-256')).statusCode).toBe(200);
    await store.app.db
      .update(bomWatchedCodes)
      .set({ lastAskedAt: sql`now() - interval '91 days'` })
      .where(eq(bomWatchedCodes.code, 'PRT-PEI-TX-256'));
    await adjustStock('PRT-PEI-TX-256', 2);
    await store.app.events.deliverDue();
    await runHourlySync();
    expect(pushesOf('PRT-PEI-TX-256')).toEqual([]);
    const left = await store.app.db
      .select()
      .from(bomWatchedCodes)
      .where(eq(bomWatchedCodes.code, 'PRT-PEI-TX-256'));
    expect(left).toEqual([]);
  });

  it('answers by-codes to the cave only; a refused or malformed ask watches nothing', async () => {
    expect((await askByCodes('TOL-CUT-FLUSH', '')).statusCode).toBe(401);
    expect((await askByCodes('TOL-CUT-FLUSH', tokens.customer)).statusCode).toBe(403);
    expect((await askByCodes('TOL-CUT-FLUSH', tokens.storeBackend)).statusCode).toBe(403);
    expect((await askByCodes('TOL-CUT-FLUSH,bad code!')).statusCode).toBe(400);
    const watched = await store.app.db
      .select()
      .from(bomWatchedCodes)
      .where(eq(bomWatchedCodes.code, 'TOL-CUT-FLUSH'));
    expect(watched).toEqual([]);
  });
});
