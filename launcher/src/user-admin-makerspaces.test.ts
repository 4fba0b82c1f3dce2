import { startTestIssuer, type TestIssuer } from '@makrx/auth/testing';
import { startAuthServiceWithDemoUsers } from '@makrx/auth-service/testing';
import { caveService } from '@makrx/cave-service';
import { seedDemoMemberships } from '@makrx/cave-service/testing';
import type { AdminUserPage } from '@makrx/contracts';
import { users } from '@makrx/db/schema';
import {
  listenForTest,
  startTestService,
  testDrivers,
  type TestService,
} from '@makrx/service-kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/*
 * The admin users list across MakrX.org and MakrCave: each page of users carries their
 * makerspaces and roles there, asked of the real cave in one call, and the list still answers
 * when the cave cannot be reached.
 */
describe.each(testDrivers)('makerspace roles in the admin users list over %s', (driver) => {
  let issuer: TestIssuer;
  let cave: TestService;
  let caveUrl: Awaited<ReturnType<typeof listenForTest>>;
  let org: Awaited<ReturnType<typeof startAuthServiceWithDemoUsers>>;
  let unreachable: Awaited<ReturnType<typeof startAuthServiceWithDemoUsers>>;
  const AWAY = 'http://127.0.0.1:9';

  beforeAll(async () => {
    issuer = await startTestIssuer();
    cave = await startTestService(caveService, driver, { issuer: issuer.issuer });
    caveUrl = await listenForTest(cave.app);
    const peersTo = (caveBase: string) => ({
      urls: { auth: AWAY, cave: caveBase, store: AWAY },
      token: () => issuer.serviceToken('auth-service'),
    });
    org = await startAuthServiceWithDemoUsers(driver, {
      issuer,
      peers: peersTo(caveUrl.baseUrl),
    });
    unreachable = await startAuthServiceWithDemoUsers(driver, { issuer, peers: peersTo(AWAY) });
    // One identity across the services: the cave holds the same accounts, then the demo roles.
    const accounts = await org.auth.app.db
      .select({
        id: users.id,
        email: users.email,
        username: users.username,
        displayName: users.displayName,
      })
      .from(users);
    await cave.app.db.insert(users).values(accounts);
    await seedDemoMemberships(cave.app.db);
  });
  afterAll(async () => {
    await org?.close();
    await unreachable?.close();
    caveUrl?.dropConnections();
    await cave?.close();
    await issuer?.close();
  });

  const list = async (service: typeof org, query: string) => {
    const response = await service.auth.app.inject({
      url: `/api/v1/admin/users?${query}`,
      headers: {
        authorization: `Bearer ${await service.tokenFor('superadmin', ['super_admin'])}`,
      },
    });
    expect(response.statusCode, response.body).toBe(200);
    return response.json() as AdminUserPage;
  };

  it('shows each listed user’s makerspaces and roles there, none for those without', async () => {
    const page = await list(org, 'pageSize=100');
    const byEmail = Object.fromEntries(page.items.map((row) => [row.email, row.makerspaces]));
    expect(byEmail['member@demo.makrx.org']).toEqual([
      {
        makerspace: expect.objectContaining({ slug: 'makrx-hub-bengaluru' }),
        roles: ['member'],
      },
    ]);
    expect(byEmail['spaceadmin@demo.makrx.org']).toEqual([
      expect.objectContaining({ roles: ['makerspace_admin'] }),
    ]);
    expect(byEmail['customer@demo.makrx.org']).toEqual([]);
    const searched = await list(org, 'q=member');
    expect(searched.items.map((row) => [row.displayName, row.makerspaces?.[0]?.roles])).toEqual([
      ['Milo Member', ['member']],
    ]);
  });

  it('still lists the users when MakrCave cannot be reached, their makerspaces unknown', async () => {
    const page = await list(unreachable, 'q=member');
    expect(page.items.map((row) => row.displayName)).toEqual(['Milo Member']);
    expect(page.items[0]!.makerspaces).toBeNull();
  });
});
