import { startTestIssuer, type TestIssuer } from '@makrx/auth/testing';
import type { UserMakerspacesList } from '@makrx/contracts';
import { startTestService, testDrivers, type TestService } from '@makrx/service-kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caveService } from '../../service';
import { seedDemoMembersWithAccounts } from './testing';

describe.each(testDrivers)('a page of users’ makerspaces for MakrX.org over %s', (driver) => {
  let issuer: TestIssuer;
  let cave: TestService;
  let ids: Record<string, string>;
  const ask = async (userIds: string, token?: string) =>
    cave.app.inject({
      url: `/api/v1/user-makerspaces?userIds=${userIds}`,
      headers: token ? { authorization: `Bearer ${token}` } : {},
    });
  const nobody = '00000000-0000-4000-8000-000000000000';

  beforeAll(async () => {
    issuer = await startTestIssuer();
    cave = await startTestService(caveService, driver, { issuer: issuer.issuer });
    ids = await seedDemoMembersWithAccounts(cave.app.db);
  });
  afterAll(async () => {
    await cave?.close();
    await issuer?.close();
  });

  it('tells the auth service each asked user’s makerspaces and roles, in the order asked', async () => {
    const member = ids['member@demo.makrx.org']!;
    const admin = ids['spaceadmin@demo.makrx.org']!;
    const response = await ask(
      [member, nobody, admin].join(','),
      await issuer.serviceToken('auth-service'),
    );
    expect(response.statusCode).toBe(200);
    const body: UserMakerspacesList = response.json();
    expect(body.items.map((i) => i.userId)).toEqual([member, nobody, admin]);
    expect(body.items[0]!.makerspaces).toContainEqual({
      makerspace: expect.objectContaining({
        slug: 'makrx-hub-bengaluru',
        name: expect.any(String),
      }),
      roles: ['member'],
    });
    expect(body.items[1]!.makerspaces).toEqual([]);
    expect(body.items[2]!.makerspaces).toContainEqual(
      expect.objectContaining({ roles: ['makerspace_admin'] }),
    );
  });

  it('answers a guest 401, a user or another service 403, and bad or too many ids 400', async () => {
    const token = await issuer.serviceToken('auth-service');
    const member = ids['member@demo.makrx.org']!;
    expect((await ask(member)).statusCode).toBe(401);
    const user = await issuer.userToken({
      id: member,
      username: 'member',
      realmRoles: ['super_admin'],
    });
    expect((await ask(member, user)).statusCode).toBe(403);
    expect((await ask(member, await issuer.serviceToken('store-backend'))).statusCode).toBe(403);
    const tooMany = Array.from(
      { length: 101 },
      (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
    );
    expect((await ask(tooMany.join(','), token)).statusCode).toBe(400);
    for (const malformed of ['', 'not-a-uuid', `${member},../etc`, `${member};drop`]) {
      const response = await ask(encodeURIComponent(malformed), token);
      expect(response.statusCode, malformed).toBe(400);
    }
    expect(
      (
        await cave.app.inject({
          url: '/api/v1/user-makerspaces',
          headers: { authorization: `Bearer ${token}` },
        })
      ).statusCode,
    ).toBe(400);
  });
});
