import { startTestIssuer, type TestIssuer } from '@makrx/auth/testing';
import type { MakerspaceMember, MakerspacePage } from '@makrx/contracts';
import { auditLogs } from '@makrx/db/schema';
import { outboxEvents } from '@makrx/events';
import { startTestService, testDrivers, type TestService } from '@makrx/service-kit/testing';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caveService } from '../../service';
import { seedDemoMembersWithAccounts } from './testing';

type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

describe.each(testDrivers)('managing a makerspace’s members over %s', (driver) => {
  let issuer: TestIssuer;
  let cave: TestService;
  let ids: Record<string, string>;
  let hubId: string;
  const tokens: Record<'admin' | 'provider' | 'member', string> = {
    admin: '',
    provider: '',
    member: '',
  };

  const call = (method: Method, url: string, token?: string, body?: unknown) =>
    cave.app.inject({
      method,
      url,
      headers: token ? { authorization: `Bearer ${token}` } : {},
      ...(body === undefined ? {} : { payload: body as object }),
    });
  const members = () => `/api/v1/makerspaces/${hubId}/members`;
  const memberOf = (email: string) => `${members()}/${ids[email]}`;
  const admin = 'spaceadmin@demo.makrx.org';
  const provider = 'provider@demo.makrx.org';
  const member = 'member@demo.makrx.org';

  const listed = async (): Promise<MakerspaceMember[]> =>
    (await call('GET', members(), tokens.admin)).json().items;
  const myRolesInHub = async (token: string) =>
    (await call('GET', '/api/v1/me/makerspaces', token))
      .json()
      .items.find((m: { makerspace: { id: string } }) => m.makerspace.id === hubId)?.roles ?? [];
  const auditOf = async (email: string) =>
    (
      await cave.app.db
        .select({ action: auditLogs.action })
        .from(auditLogs)
        .where(eq(auditLogs.entityId, `${hubId}:${ids[email]}`))
        .orderBy(auditLogs.id)
    ).map((row) => row.action);
  const noticesOf = async (email: string) =>
    (
      await cave.app.db
        .select({ payload: outboxEvents.payload })
        .from(outboxEvents)
        .where(
          and(
            eq(outboxEvents.type, 'notification.requested'),
            sql`${outboxEvents.payload}->>'userId' = ${ids[email]!}`,
          ),
        )
        .orderBy(outboxEvents.id)
    ).map((row) => (row.payload as { title: string }).title);

  beforeAll(async () => {
    issuer = await startTestIssuer();
    cave = await startTestService(caveService, driver, { issuer: issuer.issuer });
    ids = await seedDemoMembersWithAccounts(cave.app.db);
    const spaces: MakerspacePage = (await call('GET', '/api/v1/makerspaces')).json();
    hubId = spaces.items.find((s) => s.slug === 'makrx-hub-bengaluru')!.id;
    for (const [key, email] of [
      ['admin', admin],
      ['provider', provider],
      ['member', member],
    ] as const) {
      tokens[key] = await issuer.userToken({
        id: ids[email],
        username: email.split('@')[0]!,
        email,
        realmRoles: ['store_customer'],
      });
    }
  });
  afterAll(async () => {
    await cave?.close();
    await issuer?.close();
  });

  it('lists the members by name, with their roles and whether they are suspended', async () => {
    expect((await listed()).map(({ email, roles, status }) => ({ email, roles, status }))).toEqual([
      { email: member, roles: ['member'], status: 'active' },
      { email: provider, roles: ['service_provider'], status: 'active' },
      { email: admin, roles: ['makerspace_admin'], status: 'active' },
    ]);
  });

  it('never leaves the makerspace without an admin: the last one cannot step down, pause or leave', async () => {
    const attempts: [Method, string, unknown?][] = [
      ['PUT', `${memberOf(admin)}/role`, { role: 'member' }],
      ['POST', `${memberOf(admin)}/suspend`],
      ['DELETE', memberOf(admin)],
    ];
    for (const [method, url, body] of attempts) {
      const refused = await call(method, url, tokens.admin, body);
      expect(refused.statusCode).toBe(409);
      expect(refused.json().error.code).toBe('LAST_MAKERSPACE_ADMIN');
    }
    expect(await myRolesInHub(tokens.admin)).toEqual(['makerspace_admin']);
    expect(await auditOf(admin)).toEqual([]);
  });

  it('promotes a member to admin and demotes them again, each audited and notified', async () => {
    const promoted = await call('PUT', `${memberOf(member)}/role`, tokens.admin, {
      role: 'makerspace_admin',
    });
    expect(promoted.statusCode).toBe(200);
    expect(promoted.json()).toMatchObject({ roles: ['makerspace_admin'], status: 'active' });
    expect(await myRolesInHub(tokens.member)).toEqual(['makerspace_admin']);
    // The new admin may now manage members; the old one may step down, as another admin remains.
    expect((await call('GET', members(), tokens.member)).statusCode).toBe(200);

    const demoted = await call('PUT', `${memberOf(member)}/role`, tokens.admin, { role: 'member' });
    expect(demoted.json()).toMatchObject({ roles: ['member'] });
    expect((await call('GET', members(), tokens.member)).statusCode).toBe(403);
    expect(await auditOf(member)).toEqual(['member.role_changed', 'member.role_changed']);
    expect(await noticesOf(member)).toEqual([
      'You are now a makerspace admin of MakrX Hub Bengaluru',
      'You are now a member of MakrX Hub Bengaluru',
    ]);
  });

  it('suspends a member, who then holds no role there, and reinstates them', async () => {
    const suspended = await call('POST', `${memberOf(provider)}/suspend`, tokens.admin);
    expect(suspended.statusCode).toBe(200);
    expect(suspended.json()).toMatchObject({ roles: ['service_provider'], status: 'suspended' });
    expect(await myRolesInHub(tokens.provider)).toEqual([]);

    const reinstated = await call('POST', `${memberOf(provider)}/reinstate`, tokens.admin);
    expect(reinstated.json()).toMatchObject({ status: 'active' });
    expect(await myRolesInHub(tokens.provider)).toEqual(['service_provider']);
    expect(await auditOf(provider)).toEqual(['member.suspended', 'member.reinstated']);
    expect(await noticesOf(provider)).toEqual([
      'Your membership of MakrX Hub Bengaluru is suspended',
      'Your membership of MakrX Hub Bengaluru is active again',
    ]);
  });

  it('removes a member: gone from the list, their makerspaces and any further change', async () => {
    const removed = await call('DELETE', memberOf(provider), tokens.admin);
    expect(removed.statusCode).toBe(204);
    expect((await listed()).map((m) => m.email)).not.toContain(provider);
    expect(await myRolesInHub(tokens.provider)).toEqual([]);
    const again = await call('POST', `${memberOf(provider)}/suspend`, tokens.admin);
    expect(again.statusCode).toBe(404);
    expect((await auditOf(provider)).at(-1)).toBe('member.removed');
    expect((await noticesOf(provider)).at(-1)).toBe(
      'You are no longer a member of MakrX Hub Bengaluru',
    );
  });

  it('lets the last admin step down once another admin exists', async () => {
    await call('PUT', `${memberOf(member)}/role`, tokens.admin, { role: 'makerspace_admin' });
    const steppedDown = await call('PUT', `${memberOf(admin)}/role`, tokens.admin, {
      role: 'member',
    });
    expect(steppedDown.statusCode).toBe(200);
    // Now the former member is the last admin, and keeps the makerspace run.
    const refused = await call('DELETE', memberOf(member), tokens.member);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('LAST_MAKERSPACE_ADMIN');
  });

  it('keeps members away from member management (403) and answers bad input 400', async () => {
    // The demo admin is a plain member since the test before.
    expect((await call('GET', members(), tokens.admin)).statusCode).toBe(403);
    const badRole = await call('PUT', `${memberOf(admin)}/role`, tokens.member, { role: 'owner' });
    expect(badRole.statusCode).toBe(400);
    expect(badRole.json().error.details[0].field).toBe('role');
    const badId = await call('POST', `${members()}/not-a-uuid/suspend`, tokens.member);
    expect(badId.statusCode).toBe(400);
    const stranger = await call(
      'POST',
      `${members()}/${crypto.randomUUID()}/suspend`,
      tokens.member,
    );
    expect(stranger.statusCode).toBe(404);
  });
});

// Two admins stepping each other down at the same moment, each on its own connection:
// PostgreSQL only (PGlite serves one). Both pass the first look; the admin rows' lock lets one.
describe.each(testDrivers.filter((driver) => driver === 'postgres'))(
  'two admins demoting each other at once, over %s',
  (driver) => {
    let issuer: TestIssuer;
    let cave: TestService;

    beforeAll(async () => {
      issuer = await startTestIssuer();
      cave = await startTestService(caveService, driver, { issuer: issuer.issuer });
    });
    afterAll(async () => {
      await cave?.close();
      await issuer?.close();
    });

    it('keeps one of them an admin', async () => {
      const ids = await seedDemoMembersWithAccounts(cave.app.db);
      const tokenOf = (email: string) =>
        issuer.userToken({
          id: ids[email],
          username: email.split('@')[0]!,
          email,
          realmRoles: ['store_customer'],
        });
      const first = await tokenOf('spaceadmin@demo.makrx.org');
      const second = await tokenOf('member@demo.makrx.org');
      const spaces: MakerspacePage = (await cave.app.inject('/api/v1/makerspaces')).json();
      const hubId = spaces.items.find((s) => s.slug === 'makrx-hub-bengaluru')!.id;
      const roleOf = (email: string) => `/api/v1/makerspaces/${hubId}/members/${ids[email]}/role`;
      const demote = (email: string, token: string) =>
        cave.app.inject({
          method: 'PUT',
          url: roleOf(email),
          headers: { authorization: `Bearer ${token}` },
          payload: { role: 'member' },
        });
      const promoted = await cave.app.inject({
        method: 'PUT',
        url: roleOf('member@demo.makrx.org'),
        headers: { authorization: `Bearer ${first}` },
        payload: { role: 'makerspace_admin' },
      });
      expect(promoted.statusCode).toBe(200);

      // Something else holds the makerspace's admin rows while both demotions arrive.
      let held!: () => void;
      const holding = new Promise<void>((resolve) => (held = resolve));
      let release!: () => void;
      const released = new Promise<void>((resolve) => (release = resolve));
      const holder = cave.app.db.transaction(async (tx) => {
        await tx.execute(
          sql`select user_id from makrcave.memberships
               where makerspace_id = ${hubId} and role = 'makerspace_admin' for update`,
        );
        held();
        await released;
      });
      await holding;
      const answers = Promise.all([
        demote('member@demo.makrx.org', first),
        demote('spaceadmin@demo.makrx.org', second),
      ]);
      while ((await backendsWaitingForALock(cave)) < 2) await new Promise((r) => setTimeout(r, 10));
      release();
      await holder;
      const [byFirst, bySecond] = (await answers).map((a) => a.statusCode);
      expect([byFirst, bySecond].sort()).toEqual([200, 409]);
      // The one whose demotion went through is the admin who remains.
      const listed = await cave.app.inject({
        url: `/api/v1/makerspaces/${hubId}/members`,
        headers: { authorization: `Bearer ${byFirst === 200 ? first : second}` },
      });
      const admins = (listed.json().items as MakerspaceMember[]).filter((m) =>
        m.roles.includes('makerspace_admin'),
      );
      expect(admins).toHaveLength(1);
    });
  },
);

async function backendsWaitingForALock(cave: TestService): Promise<number> {
  const { rows } = await cave.app.db.execute<{ waiting: number }>(
    sql`select cast(count(*) as integer) as waiting from pg_stat_activity
         where datname = current_database() and wait_event_type = 'Lock'`,
  );
  return rows[0]!.waiting;
}
