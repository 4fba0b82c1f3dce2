import { startTestIssuer, type TestIssuer } from '@makrx/auth/testing';
import type { SearchResult } from '@makrx/contracts';
import { featureFlags } from '@makrx/db/schema';
import { startTestService, testDrivers, type TestService } from '@makrx/service-kit/testing';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authService } from '../../service';

describe.each(testDrivers)('searching maker profiles over %s', (driver) => {
  let auth: TestService;
  const search = async (query: string) => {
    const response = await auth.app.inject(`/api/v1/search?${query}`);
    return { status: response.statusCode, body: response.json() };
  };
  const results = async (q: string): Promise<SearchResult[]> =>
    (await search(`q=${encodeURIComponent(q)}`)).body.results;

  beforeAll(async () => {
    // The seeded flags have ENABLE_UNIFIED_SEARCH on for everyone.
    auth = await startTestService(authService, driver);
  });
  afterAll(() => auth.close());

  it('finds a maker by name, with a link to their profile on MakrX.org', async () => {
    const [first] = await results('Ananya Rao');
    expect(first).toMatchObject({
      kind: 'maker',
      id: 'ananya-rao',
      title: 'Ananya Rao',
      url: '/makers/ananya-rao',
    });
    expect(first?.summary).toMatch(/Prosthetics designer/);
  });

  it('finds the maker whose headline and skills a query names first', async () => {
    expect((await results('synth PCB'))[0]?.title).toBe('Tom Okafor');
    expect((await results('Klipper'))[0]?.title).toBe('Lucas Meyer');
  });

  it('matches other forms of a word: "printers" finds makers who print', async () => {
    const found = (await results('printers')).map((r) => r.title);
    expect(found).toEqual(expect.arrayContaining(['Ananya Rao', 'Lucas Meyer']));
  });

  it('returns at most `limit` results and nothing for words it does not know', async () => {
    expect((await search('q=laser&limit=1')).body.results).toHaveLength(1);
    expect(await results('zeppelin')).toEqual([]);
  });

  it('answers a query that is too short, too long or missing, or a bad limit, with 400', async () => {
    for (const query of ['q=a', `q=${'x'.repeat(101)}`, '', 'q=laser&limit=21']) {
      const { status, body } = await search(query);
      expect(status, query).toBe(400);
      expect(body.error.code).toBe('VALIDATION_FAILED');
    }
  });
});

describe.each(testDrivers)('maker search turned off over %s', (driver) => {
  let issuer: TestIssuer;
  let auth: TestService;

  beforeAll(async () => {
    issuer = await startTestIssuer();
    auth = await startTestService(authService, driver, { issuer: issuer.issuer });
    await auth.app.db
      .update(featureFlags)
      .set({ targeting: { roles: ['super_admin'] } })
      .where(eq(featureFlags.key, 'ENABLE_UNIFIED_SEARCH'));
  });
  afterAll(async () => {
    await auth.close();
    await issuer.close();
  });

  it('refuses with 404 FEATURE_DISABLED a caller it is off for, and answers one it is on for', async () => {
    const guest = await auth.app.inject('/api/v1/search?q=laser');
    expect(guest.statusCode).toBe(404);
    expect(guest.json().error).toMatchObject({ code: 'FEATURE_DISABLED' });
    const admin = await issuer.userToken({ username: 'superadmin', realmRoles: ['super_admin'] });
    const asAdmin = await auth.app.inject({
      url: '/api/v1/search?q=laser',
      headers: { authorization: `Bearer ${admin}` },
    });
    expect(asAdmin.statusCode).toBe(200);
    expect(asAdmin.json().results.length).toBeGreaterThan(0);
  });
});
