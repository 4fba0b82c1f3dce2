import { startTestIssuer, type TestIssuer } from '@makrx/auth/testing';
import type { SearchResult } from '@makrx/contracts';
import { featureFlags } from '@makrx/db/schema';
import { startTestService, testDrivers, type TestService } from '@makrx/service-kit/testing';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caveService } from '../../service';
import { seedDemoProjectsWithOwners } from '../projects/testing';

const unifiedSearch = (targeting: { roles?: string[] } = {}) => ({
  key: 'ENABLE_UNIFIED_SEARCH',
  scope: 'global' as const,
  description: 'One search box in the shared header.',
  enabled: true,
  targeting,
});

async function startCave(driver: (typeof testDrivers)[number], issuer: TestIssuer) {
  const cave = await startTestService(caveService, driver, { issuer: issuer.issuer });
  await seedDemoProjectsWithOwners(cave.app.db);
  return cave;
}

describe.each(testDrivers)('searching makerspaces and projects over %s', (driver) => {
  let issuer: TestIssuer;
  let cave: TestService;
  const search = async (query: string) => {
    const response = await cave.app.inject(`/api/v1/search?${query}`);
    return { status: response.statusCode, body: response.json() };
  };
  const results = async (q: string): Promise<SearchResult[]> =>
    (await search(`q=${encodeURIComponent(q)}`)).body.results;

  beforeAll(async () => {
    issuer = await startTestIssuer();
    cave = await startCave(driver, issuer);
    await cave.app.db.insert(featureFlags).values(unifiedSearch());
  });
  afterAll(async () => {
    await cave.close();
    await issuer.close();
  });

  it('finds the makerspace a query names first, with a link to its page', async () => {
    const found = await results('robotics workshop Pune');
    expect(found[0]).toMatchObject({
      kind: 'makerspace',
      title: 'TinkerWorks Pune',
      url: '/makerspaces/tinkerworks-pune',
    });
    expect(found[0]?.summary).toMatch(/Pune/);
  });

  it('finds the project a query names first, with a link to its page', async () => {
    const found = (await results('prosthetic hand')).filter((r) => r.kind === 'project');
    expect(found[0]).toMatchObject({
      title: 'Tendon-driven prosthetic hand',
      url: '/projects/tendon-driven-prosthetic-hand',
    });
    expect(found[0]?.summary).toMatch(/prosthetic/i);
  });

  it('matches other forms of a word: "printers" finds makerspaces and projects with "printer"', async () => {
    const found = await results('printers');
    expect(found.map((r) => r.title)).toEqual(
      expect.arrayContaining(['MakrX Hub Bengaluru', 'Tendon-driven prosthetic hand']),
    );
  });

  it('never shows a private project, whoever asks', async () => {
    expect(await results('greenhouse climate controller')).toEqual([]);
    const all = await results('ESP32');
    expect(all.map((r) => r.title)).toEqual(['Line-following robot kit for school teams']);
  });

  it('returns at most `limit` of each kind, and nothing for words it does not know', async () => {
    const limited = (await search('q=printer&limit=1')).body.results as SearchResult[];
    expect(limited.filter((r) => r.kind === 'makerspace')).toHaveLength(1);
    expect(limited.filter((r) => r.kind === 'project')).toHaveLength(1);
    expect(await results('zeppelin')).toEqual([]);
    expect(await results('the and')).toEqual([]);
  });

  it('answers a query that is too short, too long or missing, or a bad limit, with 400', async () => {
    for (const query of [
      'q=a',
      `q=${'x'.repeat(101)}`,
      '',
      'q=printer&limit=21',
      'q=printer&limit=0',
    ]) {
      const { status, body } = await search(query);
      expect(status, query).toBe(400);
      expect(body.error.code).toBe('VALIDATION_FAILED');
    }
  });

  it('refuses with 404 FEATURE_DISABLED while ENABLE_UNIFIED_SEARCH is off', async () => {
    const turn = (enabled: boolean) =>
      cave.app.db
        .update(featureFlags)
        .set({ enabled })
        .where(eq(featureFlags.key, 'ENABLE_UNIFIED_SEARCH'));
    await turn(false);
    const off = await search('q=printer');
    expect(off.status).toBe(404);
    expect(off.body.error).toMatchObject({ code: 'FEATURE_DISABLED' });
    await turn(true);
    expect((await search('q=printer')).status).toBe(200);
  });
});

describe.each(testDrivers)('search turned off over %s', (driver) => {
  let issuer: TestIssuer;
  let cave: TestService;

  beforeAll(async () => {
    issuer = await startTestIssuer();
    cave = await startCave(driver, issuer);
    // On for super admins only: off for everyone else.
    await cave.app.db.insert(featureFlags).values(unifiedSearch({ roles: ['super_admin'] }));
  });
  afterAll(async () => {
    await cave.close();
    await issuer.close();
  });

  it('refuses with 404 FEATURE_DISABLED a caller it is off for, and answers one it is on for', async () => {
    const guest = await cave.app.inject('/api/v1/search?q=printer');
    expect(guest.statusCode).toBe(404);
    expect(guest.json().error).toMatchObject({ code: 'FEATURE_DISABLED' });
    const member = await issuer.userToken({ username: 'member', realmRoles: [] });
    const asMember = await cave.app.inject({
      url: '/api/v1/search?q=printer',
      headers: { authorization: `Bearer ${member}` },
    });
    expect(asMember.statusCode).toBe(404);
    const admin = await issuer.userToken({ username: 'superadmin', realmRoles: ['super_admin'] });
    const asAdmin = await cave.app.inject({
      url: '/api/v1/search?q=printer',
      headers: { authorization: `Bearer ${admin}` },
    });
    expect(asAdmin.statusCode).toBe(200);
    expect(asAdmin.json().results.length).toBeGreaterThan(0);
  });
});
