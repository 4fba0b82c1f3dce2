import type { Makerspace, MakerspacePage } from '@makrx/contracts';
import { startTestService, testDrivers, type TestService } from '@makrx/service-kit/testing';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caveService } from '../../service';
import { makerspaceSearchDocument, makerspaces } from './tables';

describe.each(testDrivers)('the makerspace directory over %s', (driver) => {
  let cave: TestService;
  const get = (url: string) => cave.app.inject(url);
  beforeAll(async () => {
    cave = await startTestService(caveService, driver);
  });
  afterAll(() => cave.close());

  it('lists public makerspaces in name order with their equipment summary', async () => {
    const page: MakerspacePage = (await get('/api/v1/makerspaces')).json();
    expect(page.total).toBe(5);
    const names = page.items.map((s) => s.name);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
    const hub = page.items.find((s) => s.slug === 'makrx-hub-bengaluru');
    expect(hub).toMatchObject({ equipmentCount: 12, availableNow: 8, city: 'Bengaluru' });
    expect(hub?.equipmentKinds).toEqual(
      expect.arrayContaining(['3D printer', 'Laser cutter', 'CNC mill']),
    );
  });

  it('pages through the directory', async () => {
    const second: MakerspacePage = (await get('/api/v1/makerspaces?pageSize=2&page=2')).json();
    expect(second.items).toHaveLength(2);
    expect(second.totalPages).toBe(3);
  });

  it('filters by city whatever its case', async () => {
    const page: MakerspacePage = (await get('/api/v1/makerspaces?city=manchester')).json();
    expect(page.items.map((s) => s.slug)).toEqual(['northside-fab-lab']);
  });

  it('shows one makerspace with every machine and its status', async () => {
    const space: Makerspace = (await get('/api/v1/makerspaces/makrx-hub-bengaluru')).json();
    expect(space.equipment).toHaveLength(12);
    expect(space.equipment.find((m) => m.name === 'Formlabs Form 3+')?.status).toBe('maintenance');
    expect(space.openingHours).toMatch(/Mon/);
  });

  it('prices each demo makerspace’s machines in its own currency, at local rates', async () => {
    const currencies = {
      'makrx-hub-bengaluru': 'INR',
      'tinkerworks-pune': 'INR',
      'northside-fab-lab': 'GBP',
      'harbour-makers-lisbon': 'EUR',
      'circuit-garden-austin': 'USD',
    };
    const spaces: Record<string, Makerspace> = {};
    for (const [slug, currency] of Object.entries(currencies)) {
      spaces[slug] = (await get(`/api/v1/makerspaces/${slug}`)).json();
      expect(spaces[slug]!.currency, slug).toBe(currency);
    }
    const rate = (slug: string, name: string) =>
      spaces[slug]!.equipment.find((m) => m.name === name)!.hourlyRateCents;
    // In rupees an hour at the hub: a Prusa for a couple of hundred, the 55 W laser about 1,000.
    expect(rate('makrx-hub-bengaluru', 'Prusa MK4 #1') / 100).toBeGreaterThanOrEqual(150);
    expect(rate('makrx-hub-bengaluru', 'Prusa MK4 #1') / 100).toBeLessThanOrEqual(300);
    expect(rate('makrx-hub-bengaluru', 'xTool P2 55 W CO₂') / 100).toBeGreaterThanOrEqual(800);
    expect(rate('makrx-hub-bengaluru', 'xTool P2 55 W CO₂') / 100).toBeLessThanOrEqual(1200);
    // Pounds in Manchester: every paid machine between £5 and £25 an hour.
    for (const machine of spaces['northside-fab-lab']!.equipment) {
      expect(machine.hourlyRateCents / 100, machine.name).toBeGreaterThanOrEqual(5);
      expect(machine.hourlyRateCents / 100, machine.name).toBeLessThanOrEqual(25);
    }
  });

  it('answers an unknown makerspace with 404 and a bad page size with 400', async () => {
    expect((await get('/api/v1/makerspaces/atlantis')).statusCode).toBe(404);
    const bad = await get('/api/v1/makerspaces?pageSize=abc');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0].field).toBe('pageSize');
  });

  it('answers full text from the index', async () => {
    const plan = await cave.app.db.transaction(async (tx) => {
      await tx.execute(sql`set local enable_seqscan = off`);
      const query = sql`websearch_to_tsquery('english', 'printer')`;
      const rows = await tx.execute(
        sql`explain select ${makerspaces.id} from ${makerspaces} where ${makerspaceSearchDocument(makerspaces)} @@ ${query}`,
      );
      return JSON.stringify(rows.rows);
    });
    expect(plan).toContain('makerspaces_search_idx');
  });
});
