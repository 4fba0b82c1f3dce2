import { startTestIssuer, type TestIssuer } from '@makrx/auth/testing';
import type { MakerspacePage, MakerspaceRoster } from '@makrx/contracts';
import { startTestService, testDrivers, type TestService } from '@makrx/service-kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caveService } from '../../service';
import { seedDemoMembersWithAccounts } from './testing';

describe.each(testDrivers)('a makerspace’s roster for MakrX.org over %s', (driver) => {
  let issuer: TestIssuer;
  let cave: TestService;
  let ids: Record<string, string>;
  let hubId: string;
  const roster = async (makerspace: string, token?: string) =>
    cave.app.inject({
      url: `/api/v1/makerspace-members?makerspace=${makerspace}`,
      headers: token ? { authorization: `Bearer ${token}` } : {},
    });

  beforeAll(async () => {
    issuer = await startTestIssuer();
    cave = await startTestService(caveService, driver, { issuer: issuer.issuer });
    ids = await seedDemoMembersWithAccounts(cave.app.db);
    const spaces: MakerspacePage = (await cave.app.inject('/api/v1/makerspaces')).json();
    hubId = spaces.items.find((s) => s.slug === 'makrx-hub-bengaluru')!.id;
  });
  afterAll(async () => {
    await cave?.close();
    await issuer?.close();
  });

  it('tells the auth service who belongs, by id or slug, with roles and never an email', async () => {
    const token = await issuer.serviceToken('auth-service');
    const byId = await roster(hubId, token);
    expect(byId.statusCode).toBe(200);
    const body: MakerspaceRoster = byId.json();
    expect(body.makerspace).toMatchObject({ id: hubId, slug: 'makrx-hub-bengaluru' });
    expect(Object.fromEntries(body.items.map((m) => [m.userId, m.roles]))).toMatchObject({
      [ids['spaceadmin@demo.makrx.org']!]: ['makerspace_admin'],
      [ids['provider@demo.makrx.org']!]: ['service_provider'],
      [ids['member@demo.makrx.org']!]: ['member'],
    });
    expect(byId.body).not.toContain('@demo.makrx.org');
    expect((await roster('makrx-hub-bengaluru', token)).json()).toEqual(body);
  });

  it('answers an unknown makerspace 404, a guest 401 and anyone but the auth service 403', async () => {
    const token = await issuer.serviceToken('auth-service');
    expect((await roster('no-such-space', token)).statusCode).toBe(404);
    expect((await roster('00000000-0000-4000-8000-000000000000', token)).statusCode).toBe(404);
    expect((await roster(hubId)).statusCode).toBe(401);
    expect((await roster(hubId, await issuer.serviceToken('store-backend'))).statusCode).toBe(403);
    const member = await issuer.userToken({
      id: ids['member@demo.makrx.org'],
      username: 'member',
      realmRoles: ['store_customer'],
    });
    expect((await roster(hubId, member)).statusCode).toBe(403);
  });
});
