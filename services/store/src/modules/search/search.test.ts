import { startTestIssuer, type TestIssuer } from '@makrx/auth/testing';
import type { SearchResult } from '@makrx/contracts';
import { featureFlags } from '@makrx/db/schema';
import { startTestService, testDrivers, type TestService } from '@makrx/service-kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storeService } from '../../service';
import { setProductArchived } from '../catalog/testing';

const unifiedSearch = (targeting: { roles?: string[] } = {}) => ({
  key: 'ENABLE_UNIFIED_SEARCH',
  scope: 'global' as const,
  description: 'One search box in the shared header.',
  enabled: true,
  targeting,
});

describe.each(testDrivers)('searching products over %s', (driver) => {
  let store: TestService;
  const search = async (query: string) => {
    const response = await store.app.inject(`/api/v1/search?${query}`);
    return { status: response.statusCode, body: response.json() };
  };
  const results = async (q: string): Promise<SearchResult[]> =>
    (await search(`q=${encodeURIComponent(q)}`)).body.results;

  beforeAll(async () => {
    store = await startTestService(storeService, driver);
    await store.app.db.insert(featureFlags).values(unifiedSearch());
  });
  afterAll(() => store.close());

  it('finds the product a query names first, with its page, brand and image', async () => {
    const [first] = await results('soldering station');
    expect(first).toMatchObject({
      kind: 'product',
      title: 'Soldering Station, 60 W',
      url: '/products/soldering-station-60w',
      imageUrl: '/media/products/soldering-station-60w.svg',
    });
    expect(first?.summary).toMatch(/^Pinecil · /);
  });

  it('ranks a match in the name above one in the description', async () => {
    const found = await results('heat');
    expect(found.length).toBeGreaterThan(2);
    expect(found[0]?.title).toBe('Heat-Set Insert Kit, M3, 100 pieces');
    expect(found.map((r) => r.title)).toContain('Soldering Station, 60 W');
  });

  it('finds a product by brand and by SKU', async () => {
    expect((await results('Pinecil'))[0]?.title).toBe('Soldering Station, 60 W');
    expect((await results('TOL-SLD-60W'))[0]?.title).toBe('Soldering Station, 60 W');
  });

  it('matches other forms of a word: "nozzles" finds "nozzle", "bearing" finds "bearings"', async () => {
    expect((await results('nozzles')).map((r) => r.title)).toContain(
      'Hardened Steel Nozzle Set, 0.4 mm',
    );
    expect((await results('bearing')).map((r) => r.title)).toContain('608ZZ Bearings, 10-pack');
  });

  it('understands the web search syntax: a minus leaves a word out', async () => {
    const filaments = await results('filament');
    const withoutPla = await results('filament -PLA');
    const isPla = (r: { title: string }) => /\bPLA\b/.test(r.title);
    expect(filaments.some(isPla)).toBe(true);
    expect(withoutPla.length).toBeGreaterThan(0);
    expect(withoutPla.some(isPla)).toBe(false);
  });

  it('leaves out a product taken off sale', async () => {
    await setProductArchived(store.app.db, 'soldering-station-60w', true);
    expect((await results('soldering station')).map((r) => r.title)).not.toContain(
      'Soldering Station, 60 W',
    );
    await setProductArchived(store.app.db, 'soldering-station-60w', false);
  });

  it('returns at most `limit` results and nothing for words it does not know', async () => {
    expect((await search('q=filament&limit=2')).body.results).toHaveLength(2);
    expect(await results('zeppelin')).toEqual([]);
  });

  it('answers a query that is too short, too long or missing, or a bad limit, with 400', async () => {
    for (const query of ['q=a', `q=${'x'.repeat(101)}`, '', 'q=pla&limit=21', 'q=pla&limit=x']) {
      const { status, body } = await search(query);
      expect(status, query).toBe(400);
      expect(body.error.code).toBe('VALIDATION_FAILED');
    }
  });
});

describe.each(testDrivers)('type-ahead suggestions over %s', (driver) => {
  let store: TestService;
  const suggest = (query: string, headers: Record<string, string> = {}) =>
    store.app.inject({ url: `/api/v1/search/suggestions?${query}`, headers });

  beforeAll(async () => {
    store = await startTestService(storeService, driver);
  });
  afterAll(() => store.close());

  it('offers products with price and thumbnail, and categories, for the start of a word', async () => {
    const response = await suggest('q=fila');
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.categories).toContainEqual({ slug: 'filament', name: 'Filament' });
    expect(body.products.length).toBeGreaterThan(0);
    expect(body.products.length).toBeLessThanOrEqual(6);
    expect(body.products).toContainEqual({
      slug: 'pla-filament-galaxy-black-1kg',
      name: 'Galaxy PLA Filament',
      priceCents: expect.any(Number),
      currency: 'USD',
      imageUrl: expect.stringMatching(/^\/media\//),
    });
  });

  it('takes every word as a start, and puts "Printer parts" before a motor', async () => {
    const pla = (await suggest('q=pla%20fil')).json();
    expect(pla.products.length).toBeGreaterThan(0);
    expect(
      pla.products.every((p: { name: string }) => /\bPLA\b/.test(p.name) && /\bFil/.test(p.name)),
    ).toBe(true);
    const printer = (await suggest('q=printer')).json();
    expect(printer.categories).toContainEqual({ slug: 'printer-parts', name: 'Printer parts' });
    const names = printer.products.map((p: { slug: string }) => p.slug);
    expect(names[0]).not.toBe('nema17-stepper-motor-42-48');
  });

  it('offers nothing for words it does not know, or for punctuation alone', async () => {
    expect((await suggest('q=zeppelin')).json()).toEqual({ products: [], categories: [] });
    expect((await suggest(`q=${encodeURIComponent("'&|!:*")}`)).json()).toEqual({
      products: [],
      categories: [],
    });
  });

  it('leaves out a product taken off sale', async () => {
    await setProductArchived(store.app.db, 'soldering-station-60w', true);
    const names = (await suggest('q=solder')).json().products.map((p: { slug: string }) => p.slug);
    expect(names).not.toContain('soldering-station-60w');
    await setProductArchived(store.app.db, 'soldering-station-60w', false);
  });

  it('answers a missing, empty or too long q with 400 naming the field', async () => {
    for (const query of ['', 'q=', 'q=%20%20', `q=${'x'.repeat(101)}`]) {
      const response = await suggest(query);
      expect(response.statusCode, query).toBe(400);
      expect(response.json().error).toMatchObject({ code: 'VALIDATION_FAILED' });
      expect(response.json().error.message).toContain('q');
    }
  });

  it('refuses an address that asks too often with 429, and a forged X-Forwarded-For does not help', async () => {
    let last = 0;
    for (let i = 0; i < 121; i += 1) {
      last = (await suggest('q=pla', { 'x-forwarded-for': `10.0.0.${i % 250}` })).statusCode;
    }
    expect(last).toBe(429);
    const refused = await suggest('q=pla');
    expect(refused.statusCode).toBe(429);
    expect(refused.json().error).toMatchObject({ code: 'TOO_MANY_REQUESTS' });
  });
});

describe.each(testDrivers)('product search turned off over %s', (driver) => {
  let issuer: TestIssuer;
  let store: TestService;

  beforeAll(async () => {
    issuer = await startTestIssuer();
    store = await startTestService(storeService, driver, { issuer: issuer.issuer });
    await store.app.db.insert(featureFlags).values(unifiedSearch({ roles: ['super_admin'] }));
  });
  afterAll(async () => {
    await store.close();
    await issuer.close();
  });

  it('refuses with 404 FEATURE_DISABLED a caller it is off for, and answers one it is on for', async () => {
    const guest = await store.app.inject('/api/v1/search?q=filament');
    expect(guest.statusCode).toBe(404);
    expect(guest.json().error).toMatchObject({ code: 'FEATURE_DISABLED' });
    const admin = await issuer.userToken({ username: 'superadmin', realmRoles: ['super_admin'] });
    const asAdmin = await store.app.inject({
      url: '/api/v1/search?q=filament',
      headers: { authorization: `Bearer ${admin}` },
    });
    expect(asAdmin.statusCode).toBe(200);
    expect(asAdmin.json().results.length).toBeGreaterThan(0);
  });
});
