import { startTestIssuer, type TestIssuer } from '@makrx/auth/testing';
import type { BomImportResult, BomItem, BomView } from '@makrx/contracts';
import { startTestService, testDrivers, type TestService } from '@makrx/service-kit/testing';
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { caveService } from '../../service';
import { seedDemoBom } from './demo-bom';
import { markPurchaseOrdered, recordReorder } from './reorders';
import { GREENHOUSE, ROBOT, seedBomPeople, setOrderingFlags, type BomPeople } from './testing';

type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';

// Nothing listens here: these tests see the cave while the Store is away (the launcher's
// bom-store test reaches a real one).
const STORE_AWAY = 'http://127.0.0.1:9';
const bom = (slug: string) => `/api/v1/projects/${slug}/bom`;

describe.each(testDrivers)('MakrCave BOMs over %s', (driver) => {
  let issuer: TestIssuer;
  let cave: TestService;
  let people: BomPeople;

  const call = async (
    method: Method,
    url: string,
    as?: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ) => {
    const response = await cave.app.inject({
      method,
      url,
      headers: { ...headers, ...(as ? { authorization: `Bearer ${people.tokens[as]}` } : {}) },
      ...(body === undefined ? {} : { payload: body as string }),
    });
    return {
      status: response.statusCode,
      text: response.body,
      headers: response.headers,
      body:
        response.body && response.headers['content-type']?.includes('json')
          ? response.json()
          : undefined,
    };
  };
  const view = async (slug: string, as: string) => {
    const answer = await call('GET', bom(slug), as);
    expect(answer.status, answer.text).toBe(200);
    return answer.body as BomView;
  };
  const importCsv = (slug: string, as: string, csv: string) =>
    call('POST', `${bom(slug)}/import`, as, csv, { 'content-type': 'text/csv' });
  const itemCount = async () =>
    Number(
      (await cave.app.db.execute(sql`select count(*) as n from makrcave.bom_items`)).rows[0]!.n,
    );
  const activity = async (action: string) =>
    (
      await cave.app.db.execute(
        sql`select summary from makrcave.project_activity where action = ${action} order by id`,
      )
    ).rows.map((row) => row.summary as string);
  const robotId = async () =>
    (await cave.app.db.execute(sql`select id from makrcave.projects where slug = ${ROBOT}`))
      .rows[0]!.id as string;
  const push = (codes: [string, number, number][], at: string, extra = {}) => ({
    product_codes: codes.map(([code]) => code),
    quantities: codes.map(([, stock]) => stock),
    prices_cents: codes.map(([, , price]) => price),
    currency: 'USD',
    lowStockBelow: 5,
    critical: false,
    at,
    ...extra,
  });

  beforeAll(async () => {
    issuer = await startTestIssuer();
    cave = await startTestService(caveService, driver, {
      issuer: issuer.issuer,
      peers: {
        urls: { auth: STORE_AWAY, cave: STORE_AWAY, store: STORE_AWAY },
        token: async () => 'cave-service-token',
      },
    });
    people = await seedBomPeople(cave.app.db, issuer);
  });
  afterAll(async () => {
    await cave.close();
    await issuer.close();
  });
  beforeEach(async () => {
    await cave.app.db.execute(sql`delete from makrcave.bom_items`);
    await setOrderingFlags(cave.app.db, { bomOrdering: false, quickReorder: false });
  });

  it('lets the owner and editors change the BOM, viewers read it, and nobody else in', async () => {
    const item = { name: 'ESP32 DevKit V1', quantity: 1, code: ' ele-esp32-dkv1 ' };
    const url = `${bom(ROBOT)}/items`;
    expect((await call('GET', bom(ROBOT))).status).toBe(401);
    expect((await call('POST', url, undefined, item)).status).toBe(401);
    const viewerWrite = await call('POST', url, 'viewer', item);
    expect(viewerWrite.status).toBe(403);
    expect(viewerWrite.body.error.code).toBe('PROJECT_ROLE_TOO_LOW');
    expect((await call('POST', url, 'stranger', item)).status).toBe(403);
    // A private project looks like a missing one to everyone but its owner.
    expect((await call('GET', bom(GREENHOUSE), 'stranger')).status).toBe(404);
    expect((await call('POST', `${bom(GREENHOUSE)}/items`, 'kenji', item)).status).toBe(404);
    // A backend's token reads no BOM.
    expect((await call('GET', bom(ROBOT), 'store')).status).toBe(403);
    expect(await itemCount()).toBe(0);

    const added = await call('POST', url, 'editor', item);
    expect(added.status, added.text).toBe(201);
    expect(added.body).toMatchObject({ code: 'ELE-ESP32-DKV1', unit: 'pcs', status: 'needed' });
    const seen = await view(ROBOT, 'viewer');
    expect(seen.items.map((i) => i.name)).toEqual(['ESP32 DevKit V1']);
    expect(seen.caller).toEqual({ canEdit: false, canQuickReorder: false, purchaseAs: null });
    expect((await view(ROBOT, 'kenji')).caller.canEdit).toBe(true);
    expect((await view(GREENHOUSE, 'milo')).items).toEqual([]);
    expect(await activity('bom.item-added')).toContain('Added “ESP32 DevKit V1” to the BOM');
  });

  it('edits, moves and removes items, and refuses a status that goes backwards', async () => {
    const added = await call('POST', `${bom(ROBOT)}/items`, 'kenji', {
      name: 'Birch plywood, 3 mm',
      quantity: 2.5,
      unit: 'sheets',
      supplier: 'Local timber yard',
    });
    const item = `${bom(ROBOT)}/items/${added.body.id}`;
    const edited = await call('PATCH', item, 'editor', {
      quantity: 1.125,
      notes: 'Cut on the laser',
    });
    expect(edited.status, edited.text).toBe(200);
    expect(edited.body).toMatchObject({ quantity: 1.125, notes: 'Cut on the laser' });
    expect((await call('PATCH', item, 'editor', { status: 'received' })).status).toBe(200);
    const back = await call('PATCH', item, 'editor', { status: 'ordered' });
    expect(back.status).toBe(422);
    expect(back.body.error.code).toBe('BOM_STATUS_ORDER');
    const needed = await call('PATCH', item, 'editor', { status: 'needed' });
    expect(needed.body.status).toBe('needed');
    expect((await call('PATCH', item, 'viewer', { quantity: 9 })).status).toBe(403);
    expect((await call('DELETE', item, 'viewer')).status).toBe(403);
    expect((await call('DELETE', item, 'editor')).status).toBe(204);
    expect((await call('DELETE', item, 'editor')).status).toBe(404);
    expect(await activity('bom.item-removed')).toContain(
      'Removed “Birch plywood, 3 mm” from the BOM',
    );
  });

  it('refuses bad items with 400 and keeps nothing', async () => {
    const url = `${bom(ROBOT)}/items`;
    for (const bad of [
      { name: 'Servo', quantity: 0 },
      { name: 'Servo', quantity: 1.2345 },
      { name: 'Servo', quantity: -1 },
      { name: '', quantity: 1 },
      { name: 'Servo', quantity: 1, code: 'not a code!' },
      { name: 'Servo', quantity: 1, status: 'ordered' },
      { name: 'x'.repeat(201), quantity: 1 },
    ]) {
      const answer = await call('POST', url, 'kenji', bad);
      expect(answer.status, JSON.stringify(bad)).toBe(400);
      expect(answer.body.error.code).toBe('VALIDATION_FAILED');
    }
    expect((await call('PATCH', `${url}/${randomUUID()}`, 'kenji', { quantity: 2 })).status).toBe(
      404,
    );
    expect(await itemCount()).toBe(0);
  });

  it('imports a CSV file, keeping the good rows and reporting each bad one by its line', async () => {
    const csv = [
      'Name,QTY,Unit,SKU,Supplier,Notes',
      'ESP32 DevKit V1,1,pcs,ELE-ESP32-DKV1,,',
      'Servo,zero,pcs,,,',
      '"Birch plywood, 3 mm",2,sheets,,Local timber yard,"Two sheets,',
      'one spare"',
      ',3,pcs,,,',
      '',
      'M3 screws,1.5,kits,hw m3,,',
      'PLA filament,0.25,kg,FIL-PLA-GBK-1000,,',
    ].join('\r\n');
    const answer = await importCsv(ROBOT, 'editor', csv);
    expect(answer.status, answer.text).toBe(200);
    expect(answer.body as BomImportResult).toEqual({
      imported: 3,
      rejected: [
        {
          line: 3,
          message: 'quantity "zero" is not a positive number with at most three decimals',
        },
        { line: 6, message: 'name is empty or longer than 200 characters' },
        { line: 8, message: 'code "hw m3" is not a Store product code (SKU)' },
      ],
    });
    const items = (await view(ROBOT, 'kenji')).items;
    expect(items.map((i) => [i.name, i.quantity, i.unit, i.code])).toEqual([
      ['ESP32 DevKit V1', 1, 'pcs', 'ELE-ESP32-DKV1'],
      ['Birch plywood, 3 mm', 2, 'sheets', null],
      ['PLA filament', 0.25, 'kg', 'FIL-PLA-GBK-1000'],
    ]);
    expect(items[1]!.notes).toBe('Two sheets,\none spare');
    expect(await activity('bom.items-imported')).toContain('Imported 3 BOM items from CSV');
    // JSON `{ csv }` works the same.
    const json = await call('POST', `${bom(ROBOT)}/import`, 'editor', {
      csv: 'name,quantity\nHeat-set inserts,3',
    });
    expect(json.body).toEqual({ imported: 1, rejected: [] });
  });

  it('refuses a file that is not CSV, empty or too large, and keeps nothing from it', async () => {
    const refused = async (body: string, status: number, code: string) => {
      const answer = await importCsv(ROBOT, 'editor', body);
      expect(answer.status, answer.text).toBe(status);
      expect(answer.body.error.code).toBe(code);
    };
    await refused('', 400, 'CSV_INVALID');
    await refused('name,quantity\n', 400, 'CSV_INVALID');
    await refused('name,quantity\n"ESP32,1\n', 400, 'CSV_INVALID');
    await refused('{"items":[{"name":"ESP32","quantity":1}]}', 400, 'CSV_INVALID');
    // Binary bytes: the service refuses NUL characters in any text it is sent.
    await refused('name,quantity\n\u0000\u0001\u0002,1\n', 400, 'VALIDATION_FAILED');
    const rows = Array.from({ length: 1001 }, (_, i) => `Part ${i},1`);
    await refused(['name,quantity', ...rows].join('\n'), 413, 'CSV_TOO_LARGE');
    const huge = `name,quantity,notes\nPart,1,${'x'.repeat(1024 * 1024)}\n`;
    expect((await importCsv(ROBOT, 'editor', huge)).status).toBe(413);
    expect((await importCsv(ROBOT, 'viewer', 'name,quantity\nPart,1')).status).toBe(403);
    expect(
      (
        await call('POST', `${bom(ROBOT)}/import`, 'editor', '<xml/>', {
          'content-type': 'application/xml',
        })
      ).status,
    ).toBe(415);
    expect(await itemCount()).toBe(0);
  });

  it('exports a CSV file that imports back as the same items, with formulas kept as text', async () => {
    const csv = [
      'name,quantity,unit,code,supplier,notes',
      '"=HYPERLINK(""http://evil.example"",""click"")",1,pcs,,,',
      'Sensor bar PCB,1,pcs,,JLCPCB,"@SUM(A1:A2), then +1"',
      '"Wire, 24 AWG",0.125,m,,,"-red and black"',
      'ESP32 DevKit V1,2,pcs,ELE-ESP32-DKV1,,',
    ].join('\n');
    expect((await importCsv(ROBOT, 'kenji', csv)).body.imported).toBe(4);
    const exported = await call('GET', `${bom(ROBOT)}.csv`, 'viewer');
    expect(exported.status).toBe(200);
    expect(exported.headers['content-type']).toMatch(/^text\/csv/);
    expect(exported.text).toContain(`"'=HYPERLINK(""http://evil.example"",""click"")"`);
    expect(exported.text).toContain(`'@SUM(A1:A2), then +1`);
    expect(exported.text).toContain(`'-red and black`);
    // Into the owner's other project and out again: the same file.
    expect((await importCsv(GREENHOUSE, 'milo', exported.text)).body).toEqual({
      imported: 4,
      rejected: [],
    });
    const again = await call('GET', `${bom(GREENHOUSE)}.csv`, 'milo');
    expect(again.text).toBe(exported.text);
    const names = (await view(GREENHOUSE, 'milo')).items.map((i) => i.name);
    expect(names[0]).toBe('=HYPERLINK("http://evil.example","click")');
    expect((await call('GET', `${bom(GREENHOUSE)}.csv`, 'stranger')).status).toBe(404);
  });

  it('still reads while the Store is away, then warns from the levels the Store pushed', async () => {
    await importCsv(
      ROBOT,
      'kenji',
      'name,quantity,code\nHeat-set inserts,3,HW-INS-M3-100\nPLA,0.25,FIL-PLA-GBK-1000\nESP32,1,ELE-ESP32-DKV1\nPlywood,2,',
    );
    const away = await view(ROBOT, 'viewer');
    expect(away.store).toBeNull();
    expect(away.notice).toMatch(/could not be reached/);
    expect(away.total).toBeNull();
    expect(away.items.every((i) => i.match === null && i.warnings.length === 0)).toBe(true);

    const synced = await call(
      'POST',
      '/api/v1/bom/sync-inventory',
      'store',
      push(
        [
          ['HW-INS-M3-100', 2, 1499],
          ['FIL-PLA-GBK-1000', 84, 2999],
          ['ELE-ESP32-DKV1', 0, 899],
          ['TOL-SLD-60W', 1, 5999],
        ],
        '2026-12-01T10:00:00Z',
        { critical: true },
      ),
    );
    expect(synced.status, synced.text).toBe(200);
    // The soldering station is on no BOM; the inserts and the ESP32 newly run short.
    expect(synced.body).toEqual({ matched: 3, lowStockWarnings: 2 });
    const first = await view(ROBOT, 'viewer');
    expect(first.store).toBeNull();
    expect(first.total).toEqual({
      cents: 3 * 1499 + Math.round(0.25 * 2999) + 899,
      currency: 'USD',
      matchedItems: 3,
      unmatchedItems: 1,
    });
    const byName = (v: BomView) => Object.fromEntries(v.items.map((i) => [i.name, i]));
    expect(byName(first)['Heat-set inserts']!.warnings).toEqual([
      expect.objectContaining({ kind: 'low_stock', stock: 2, lowStockBelow: 5 }),
    ]);
    expect(byName(first)['ESP32']!.warnings).toEqual([
      expect.objectContaining({ kind: 'out_of_stock' }),
    ]);
    expect(byName(first)['PLA']!.match).toMatchObject({ source: 'synced', priceCents: 2999 });
    expect(first.shortages.map((s) => [s.code, s.needed, s.stock])).toEqual([
      ['HW-INS-M3-100', 3, 2],
      ['ELE-ESP32-DKV1', 1, 0],
    ]);

    // The hourly push: PLA got dearer. A late, older push changes nothing.
    await call(
      'POST',
      '/api/v1/bom/sync-inventory',
      'store',
      push([['FIL-PLA-GBK-1000', 80, 3299]], '2026-12-01T11:00:00Z'),
    );
    await call(
      'POST',
      '/api/v1/bom/sync-inventory',
      'store',
      push([['FIL-PLA-GBK-1000', 1, 999]], '2026-12-01T09:00:00Z'),
    );
    const pla = byName(await view(ROBOT, 'viewer'))['PLA'] as BomItem;
    expect(pla.match).toMatchObject({ priceCents: 3299, stock: 80 });
    expect(pla.priceWhenAdded).toEqual({ cents: 2999, currency: 'USD' });
    expect(pla.warnings).toEqual([
      expect.objectContaining({
        kind: 'price_changed',
        was: { cents: 2999, currency: 'USD' },
        now: { cents: 3299, currency: 'USD' },
      }),
    ]);
  });

  it('takes inventory pushes and order updates from the Store’s token only', async () => {
    const body = push([['HW-INS-M3-100', 2, 1499]], '2026-12-01T10:00:00Z');
    const sync = '/api/v1/bom/sync-inventory';
    expect((await call('POST', sync, undefined, body)).status).toBe(401);
    expect((await call('POST', sync, 'kenji', body)).status).toBe(403);
    expect((await call('POST', sync, 'authService', body)).status).toBe(403);
    const uneven = await call('POST', sync, 'store', { ...body, quantities: [1, 2] });
    expect(uneven.status).toBe(400);
    const update = {
      updateId: randomUUID(),
      reorderId: randomUUID(),
      orderNumber: 'MX-1042',
      status: 'paid',
      lines: [{ code: 'HW-INS-M3-100', quantity: 3 }],
      at: '2026-12-01T10:00:00Z',
    };
    const updates = '/api/v1/bom/order-updates';
    expect((await call('POST', updates, undefined, update)).status).toBe(401);
    expect((await call('POST', updates, 'editor', update)).status).toBe(403);
    expect((await call('POST', updates, 'authService', update)).status).toBe(403);
    expect((await call('POST', updates, 'store', { ...update, status: 'lost' })).status).toBe(400);
    const unknown = await call('POST', updates, 'store', update);
    expect(unknown.status).toBe(404);
  });

  it('applies a Store order update once, however often it arrives', async () => {
    await importCsv(
      ROBOT,
      'kenji',
      'name,quantity,code\nHeat-set inserts,3,HW-INS-M3-100\nPLA,0.25,FIL-PLA-GBK-1000\nESP32,1,ELE-ESP32-DKV1\nLED strip,1,ELE-LED-WS2812B-1M',
    );
    const items = (await view(ROBOT, 'kenji')).items;
    const project = (
      await cave.app.db.execute(sql`select id from makrcave.projects where slug = ${ROBOT}`)
    ).rows[0]!.id as string;
    const lines = items.slice(0, 3).map((item) => ({
      itemId: item.id,
      code: item.code!,
      quantity: Math.ceil(item.quantity),
    }));
    const reorderId = await recordReorder(cave.app.db, {
      projectId: project,
      userId: people.ids.kenji!,
      kind: 'cart',
      lines,
    });
    const update = (status: string, codes: string[], updateId = randomUUID()) => ({
      updateId,
      reorderId,
      orderNumber: 'MX-1042',
      status,
      lines: codes.map((code) => ({ code, quantity: 1 })),
      at: '2026-12-01T10:00:00Z',
    });
    // The ESP32 was not in the paid order; the LED strip was never part of the reorder.
    const paid = update('paid', ['HW-INS-M3-100', 'FIL-PLA-GBK-1000', 'ELE-LED-WS2812B-1M']);
    const once = await call('POST', '/api/v1/bom/order-updates', 'store', paid);
    expect(once.body).toEqual({ changed: 2, duplicate: false });
    const twice = await call('POST', '/api/v1/bom/order-updates', 'store', paid);
    expect(twice.body).toEqual({ changed: 0, duplicate: true });
    const statuses = async () =>
      Object.fromEntries(
        (await view(ROBOT, 'kenji')).items.map((i) => [i.code, [i.status, i.orderNumber]]),
      );
    expect(await statuses()).toEqual({
      'HW-INS-M3-100': ['ordered', 'MX-1042'],
      'FIL-PLA-GBK-1000': ['ordered', 'MX-1042'],
      'ELE-ESP32-DKV1': ['needed', null],
      'ELE-LED-WS2812B-1M': ['needed', null],
    });
    expect(await activity('bom.order-paid')).toEqual(['Marked 2 items ordered (order MX-1042)']);

    await call(
      'POST',
      '/api/v1/bom/order-updates',
      'store',
      update('delivered', ['HW-INS-M3-100']),
    );
    await call(
      'POST',
      '/api/v1/bom/order-updates',
      'store',
      update('cancelled', ['HW-INS-M3-100', 'FIL-PLA-GBK-1000']),
    );
    expect(await statuses()).toMatchObject({
      'HW-INS-M3-100': ['received', 'MX-1042'],
      'FIL-PLA-GBK-1000': ['needed', null],
    });
  });

  it('applies the same update sent twice at once only once', async () => {
    await importCsv(ROBOT, 'kenji', 'name,quantity,code\nHeat-set inserts,3,HW-INS-M3-100');
    const [inserts] = (await view(ROBOT, 'kenji')).items;
    const reorderId = await recordReorder(cave.app.db, {
      projectId: await robotId(),
      userId: people.ids.kenji!,
      kind: 'cart',
      lines: [{ itemId: inserts!.id, code: 'HW-INS-M3-100', quantity: 3 }],
    });
    const paid = {
      updateId: randomUUID(),
      reorderId,
      orderNumber: 'MX-3001',
      status: 'paid',
      lines: [{ code: 'HW-INS-M3-100', quantity: 3 }],
      at: '2026-12-01T10:00:00Z',
    };
    const answers = await Promise.all(
      [1, 2, 3].map(() => call('POST', '/api/v1/bom/order-updates', 'store', paid)),
    );
    expect(answers.map((a) => a.body.changed).sort()).toEqual([0, 0, 1]);
    expect(answers.filter((a) => a.body.duplicate)).toHaveLength(2);
    expect(await activity('bom.order-paid')).toContain('Marked 1 item ordered (order MX-3001)');
  });

  it('marks a makerspace purchase’s items ordered at once, leaving out what the Store refused', async () => {
    await importCsv(
      ROBOT,
      'kenji',
      'name,quantity,code\nHeat-set inserts,3,HW-INS-M3-100\nPLA,0.25,FIL-PLA-GBK-1000',
    );
    const [inserts, pla] = (await view(ROBOT, 'kenji')).items;
    const purchase = {
      projectId: await robotId(),
      userId: people.ids.puneAdmin!,
      orderNumber: 'MX-4100',
    };
    const lines = [
      { itemId: inserts!.id, code: 'HW-INS-M3-100', quantity: 3 },
      { itemId: pla!.id, code: 'FIL-PLA-GBK-1000', quantity: 1 },
    ];
    const reorderId = await recordReorder(cave.app.db, {
      ...purchase,
      kind: 'purchase',
      lines,
    });
    const ordered = await markPurchaseOrdered(
      cave.app.db,
      { ...purchase, reorderId },
      lines,
      new Set(['HW-INS-M3-100']),
    );
    expect(ordered).toBe(1);
    const after = Object.fromEntries(
      (await view(ROBOT, 'kenji')).items.map((i) => [i.code, [i.status, i.orderNumber]]),
    );
    expect(after).toEqual({
      'HW-INS-M3-100': ['needed', null],
      'FIL-PLA-GBK-1000': ['ordered', 'MX-4100'],
    });
  });

  it('keeps Quick Reorder behind both ordering flags, for editors, with needed coded items', async () => {
    await importCsv(
      ROBOT,
      'kenji',
      'name,quantity,code\nHeat-set inserts,3,HW-INS-M3-100\nPlywood,2,\nESP32,120,ELE-ESP32-DKV1',
    );
    const [inserts, plywood, esp32] = (await view(ROBOT, 'kenji')).items;
    const url = `${bom(ROBOT)}/quick-reorder`;
    const pick = (...items: BomItem[]) => ({ itemIds: items.map((i) => i.id) });
    const off = await call('POST', url, 'kenji', pick(inserts!));
    expect(off.status).toBe(404);
    expect(off.body.error.code).toBe('FEATURE_DISABLED');
    for (const [bomOrdering, quickReorder, flag] of [
      [false, true, 'ENABLE_BOM_ORDERING'],
      [true, false, 'ENABLE_QUICK_REORDER'],
    ] as const) {
      await setOrderingFlags(cave.app.db, { bomOrdering, quickReorder });
      const half = await call('POST', url, 'kenji', pick(inserts!));
      expect(half.body.error).toMatchObject({ code: 'FEATURE_DISABLED', details: { flag } });
      expect((await view(ROBOT, 'kenji')).caller.canQuickReorder).toBe(false);
    }
    await setOrderingFlags(cave.app.db, { bomOrdering: true, quickReorder: true });
    expect((await view(ROBOT, 'editor')).caller.canQuickReorder).toBe(true);
    expect((await view(ROBOT, 'viewer')).caller.canQuickReorder).toBe(false);

    expect((await call('POST', url, undefined, pick(inserts!))).status).toBe(401);
    expect((await call('POST', url, 'viewer', pick(inserts!))).status).toBe(403);
    expect((await call('POST', url, 'kenji', { itemIds: [] })).status).toBe(400);
    expect((await call('POST', url, 'kenji', { itemIds: [randomUUID()] })).status).toBe(404);
    const refused = await call('POST', url, 'kenji', pick(inserts!, plywood!, esp32!));
    expect(refused.status).toBe(422);
    expect(refused.body.error.code).toBe('BOM_ITEMS_NOT_ORDERABLE');
    expect(refused.body.error.details.items.map((i: { itemId: string }) => i.itemId)).toEqual([
      plywood!.id,
      esp32!.id,
    ]);
    // The Store is away: a clear 502, and the items stay needed.
    const away = await call('POST', url, 'editor', pick(inserts!));
    expect(away.status).toBe(502);
    expect(away.body.error.code).toBe('STORE_UNREACHABLE');
    expect((await view(ROBOT, 'kenji')).items[0]!.status).toBe('needed');
    expect(await activity('bom.quick-reorder')).toEqual([]);
  });

  it('orders on a makerspace account only for its admins, for a project built there', async () => {
    await setOrderingFlags(cave.app.db, { bomOrdering: true, quickReorder: true });
    await importCsv(ROBOT, 'kenji', 'name,quantity,code\nHeat-set inserts,3,HW-INS-M3-100');
    const [inserts] = (await view(ROBOT, 'kenji')).items;
    const body = { itemIds: [inserts!.id] };
    const purchase = (space: string) =>
      `/api/v1/makerspaces/${space}/projects/${ROBOT}/bom/purchase`;
    expect((await call('POST', purchase('tinkerworks-pune'), undefined, body)).status).toBe(401);
    expect((await call('POST', purchase('tinkerworks-pune'), 'kenji', body)).status).toBe(403);
    // Another makerspace's admin finds nothing here.
    expect((await call('POST', purchase('tinkerworks-pune'), 'hubAdmin', body)).status).toBe(404);
    // The robot is built in Pune: the hub's account does not buy it.
    expect((await call('POST', purchase('makrx-hub-bengaluru'), 'hubAdmin', body)).status).toBe(
      404,
    );
    expect((await view(ROBOT, 'puneAdmin')).caller.purchaseAs).toEqual({
      makerspaceSlug: 'tinkerworks-pune',
    });
    expect((await view(ROBOT, 'kenji')).caller.purchaseAs).toBeNull();
    const away = await call('POST', purchase('tinkerworks-pune'), 'puneAdmin', body);
    expect(away.status).toBe(502);
    expect((await view(ROBOT, 'kenji')).items[0]!.status).toBe('needed');
  });

  it('seeds the demo robot’s BOM with Store codes', async () => {
    await seedDemoBom(cave.app.db);
    const demo = await view(ROBOT, 'viewer');
    expect(demo.items.length).toBeGreaterThanOrEqual(8);
    expect(demo.items.filter((i) => i.code).map((i) => i.code)).toContain('HW-INS-M3-100');
    expect(demo.items.some((i) => i.status === 'received')).toBe(true);
  });
});
