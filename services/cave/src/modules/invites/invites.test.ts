import { createHash } from 'node:crypto';
import { startTestIssuer, type TestIssuer } from '@makrx/auth/testing';
import type { MakerspaceInvite, MakerspacePage } from '@makrx/contracts';
import { auditLogs } from '@makrx/db/schema';
import { outboxEvents } from '@makrx/events';
import { startTestService, testDrivers, type TestService } from '@makrx/service-kit/testing';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caveService } from '../../service';
import { createAccount, seedDemoMembersWithAccounts } from '../memberships/testing';
import { invites } from './tables';

const CAVE_URL = 'https://cave.makrx.test';
type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

describe.each(testDrivers)('invite-only membership over %s', (driver) => {
  let issuer: TestIssuer;
  let cave: TestService;
  let demo: Record<string, string>;
  let hubId: string;
  let otherSpaceId: string;
  let spaceAdmin: string;
  let hubMember: string;
  let superAdmin: string;

  const call = (method: Method, url: string, token?: string, body?: unknown) =>
    cave.app.inject({
      method,
      url,
      headers: token ? { authorization: `Bearer ${token}` } : {},
      ...(body === undefined ? {} : { payload: body as object }),
    });
  const invitesOf = (spaceId: string) => `/api/v1/makerspaces/${spaceId}/invites`;

  /** Someone with a MakrX account who is in no makerspace yet, and their token. */
  async function newcomer(email: string) {
    const id = await createAccount(cave.app.db, email);
    const token = await issuer.userToken({
      id,
      username: email.split('@')[0]!,
      email,
      realmRoles: ['store_customer'],
    });
    return { id, token };
  }

  /** The token from the newest invite mail to `email`, read from the link as the invitee would. */
  async function mailedToken(email: string): Promise<string> {
    const [mail] = await cave.app.mailer.listDevMail({ to: email, limit: 1 });
    const link = /https?:\/\/\S+/.exec(mail!.text)![0];
    expect(link.startsWith(`${CAVE_URL}/invites/accept?token=`)).toBe(true);
    return new URL(link).searchParams.get('token')!;
  }

  async function invite(spaceId: string, email: string, role = 'member', by = spaceAdmin) {
    const response = await call('POST', invitesOf(spaceId), by, { email, role });
    expect(response.statusCode, response.body).toBe(201);
    return { invite: response.json() as MakerspaceInvite, token: await mailedToken(email) };
  }

  const validate = (token: string, as: string) =>
    call('POST', '/api/v1/invites/validate', as, { token });

  const rolesIn = async (spaceId: string, token: string) => {
    const mine = (await call('GET', '/api/v1/me/makerspaces', token)).json();
    return (
      mine.items.find((m: { makerspace: { id: string } }) => m.makerspace.id === spaceId)?.roles ??
      []
    );
  };

  const statusOf = async (spaceId: string, inviteId: string, by = spaceAdmin) =>
    (await call('GET', invitesOf(spaceId), by))
      .json()
      .items.find((i: MakerspaceInvite) => i.id === inviteId)?.status;

  beforeAll(async () => {
    issuer = await startTestIssuer();
    cave = await startTestService(caveService, driver, {
      issuer: issuer.issuer,
      env: { CAVE_URL },
    });
    demo = await seedDemoMembersWithAccounts(cave.app.db);
    const spaces: MakerspacePage = (await call('GET', '/api/v1/makerspaces')).json();
    hubId = spaces.items.find((s) => s.slug === 'makrx-hub-bengaluru')!.id;
    otherSpaceId = spaces.items.find((s) => s.slug === 'northside-fab-lab')!.id;
    const as = (email: string, realmRoles = ['store_customer']) =>
      issuer.userToken({ id: demo[email], username: email.split('@')[0]!, email, realmRoles });
    spaceAdmin = await as('spaceadmin@demo.makrx.org');
    hubMember = await as('member@demo.makrx.org');
    const superAdminId = await createAccount(cave.app.db, 'root@demo.makrx.org');
    superAdmin = await issuer.userToken({
      id: superAdminId,
      username: 'root',
      email: 'root@demo.makrx.org',
      realmRoles: ['super_admin', 'store_customer'],
    });
  });
  afterAll(async () => {
    await cave?.close();
    await issuer?.close();
  });

  it('invites an email, mails a link whose token is kept only as a hash, and the invitee joins', async () => {
    const created = await call('POST', invitesOf(hubId), spaceAdmin, {
      email: 'Asha.Newcomer@Example.org',
      role: 'member',
    });
    expect(created.statusCode).toBe(201);
    const sent: MakerspaceInvite = created.json();
    expect(sent).toMatchObject({ email: 'asha.newcomer@example.org', status: 'pending' });
    const hours = (Date.parse(sent.expiresAt) - Date.parse(sent.createdAt)) / 3_600_000;
    expect(hours).toBeCloseTo(24, 1);

    const token = await mailedToken('asha.newcomer@example.org');
    expect(Buffer.from(token, 'base64url').length).toBeGreaterThanOrEqual(16);
    const [stored] = await cave.app.db.select().from(invites).where(eq(invites.id, sent.id));
    expect(stored!.tokenHash).toBe(createHash('sha256').update(token).digest('hex'));
    expect(JSON.stringify(stored)).not.toContain(token);

    // The account's email differs only in letter case from the invited one.
    const asha = await newcomer('ASHA.newcomer@example.org');
    const joined = await validate(token, asha.token);
    expect(joined.statusCode, joined.body).toBe(200);
    expect(joined.json()).toEqual({
      makerspace: { id: hubId, slug: 'makrx-hub-bengaluru', name: 'MakrX Hub Bengaluru' },
      role: 'member',
    });
    expect(await rolesIn(hubId, asha.token)).toEqual(['member']);
    expect(await statusOf(hubId, sent.id)).toBe('used');

    const welcome = await cave.app.db
      .select({ payload: outboxEvents.payload })
      .from(outboxEvents)
      .where(
        and(
          eq(outboxEvents.type, 'notification.requested'),
          sql`${outboxEvents.payload}->>'userId' = ${asha.id}`,
        ),
      );
    expect(welcome.map((e) => e.payload)).toEqual([
      expect.objectContaining({
        kind: 'makerspace.update',
        title: 'Welcome to MakrX Hub Bengaluru',
        link: `${CAVE_URL}/makerspaces/makrx-hub-bengaluru`,
      }),
    ]);
    const audit = await cave.app.db
      .select({ action: auditLogs.action, actorId: auditLogs.actorId })
      .from(auditLogs)
      .where(eq(auditLogs.entityId, sent.id))
      .orderBy(auditLogs.id);
    expect(audit).toEqual([
      { action: 'invite.sent', actorId: demo['spaceadmin@demo.makrx.org'] },
      { action: 'invite.accepted', actorId: asha.id },
    ]);
  });

  it('lets an admin invite a makerspace admin, who can then run the makerspace', async () => {
    const { token } = await invite(hubId, 'second.admin@example.org', 'makerspace_admin');
    const second = await newcomer('second.admin@example.org');
    expect((await validate(token, second.token)).json().role).toBe('makerspace_admin');
    expect((await call('GET', invitesOf(hubId), second.token)).statusCode).toBe(200);
  });

  it('works once: a reused token gets 409 INVITE_USED and adds nothing', async () => {
    const { token } = await invite(hubId, 'twice@example.org', 'service_provider');
    const invitee = await newcomer('twice@example.org');
    expect((await validate(token, invitee.token)).statusCode).toBe(200);
    const again = await validate(token, invitee.token);
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('INVITE_USED');
    expect(await rolesIn(hubId, invitee.token)).toEqual(['service_provider']);
  });

  it('tells the identity provider, and only it, where a live token leads without using it up', async () => {
    const { token } = await invite(hubId, 'Signing.Up@example.org', 'member');
    const inspect = (by: string | undefined, body: unknown = { token }) =>
      call('POST', '/api/v1/invites/inspect', by, body);
    const auth = await issuer.serviceToken('auth-service');
    const answer = await inspect(auth);
    expect(answer.statusCode, answer.body).toBe(200);
    expect(answer.json()).toMatchObject({
      email: 'signing.up@example.org',
      makerspace: { name: expect.any(String) },
      role: 'member',
    });
    // Another backend, a member and a guest learn nothing; a wrong token is not found.
    expect((await inspect(await issuer.serviceToken('store-backend'))).statusCode).toBe(403);
    expect((await inspect(hubMember)).statusCode).toBe(403);
    expect((await inspect(undefined)).statusCode).toBe(401);
    expect((await inspect(auth, { token: `${token}x` })).json().error.code).toBe(
      'INVITE_NOT_FOUND',
    );
    expect((await inspect(auth, {})).statusCode).toBe(400);

    const invitee = await newcomer('signing.up@example.org');
    expect((await validate(token, invitee.token)).statusCode).toBe(200);
    expect((await inspect(auth)).json().error.code).toBe('INVITE_USED');
  });

  it('refuses an expired token with 410 INVITE_EXPIRED; a resend gives 24 new hours', async () => {
    const { invite: sent, token } = await invite(hubId, 'late@example.org');
    // A day and a minute later, as far as the invite is concerned.
    await cave.app.db
      .update(invites)
      .set({ expiresAt: sql`now() - interval '1 minute'` })
      .where(eq(invites.id, sent.id));
    const late = await newcomer('late@example.org');
    const refused = await validate(token, late.token);
    expect(refused.statusCode).toBe(410);
    expect(refused.json().error.code).toBe('INVITE_EXPIRED');
    expect(await rolesIn(hubId, late.token)).toEqual([]);
    expect(await statusOf(hubId, sent.id)).toBe('expired');

    const resent = await call('POST', `${invitesOf(hubId)}/${sent.id}/resend`, spaceAdmin);
    expect(resent.statusCode).toBe(200);
    expect(resent.json().status).toBe('pending');
    expect((await validate(await mailedToken('late@example.org'), late.token)).statusCode).toBe(
      200,
    );
  });

  it('answers an altered or unknown token 404 INVITE_NOT_FOUND and creates nothing', async () => {
    const { invite: sent, token } = await invite(hubId, 'typo@example.org');
    const invitee = await newcomer('typo@example.org');
    const altered = `${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`;
    for (const wrong of [altered, token.slice(1), 'not-a-token-at-all']) {
      const refused = await validate(wrong, invitee.token);
      expect(refused.statusCode).toBe(404);
      expect(refused.json().error.code).toBe('INVITE_NOT_FOUND');
    }
    expect(await rolesIn(hubId, invitee.token)).toEqual([]);
    expect(await statusOf(hubId, sent.id)).toBe('pending');
  });

  it('refuses a revoked token with 410 INVITE_REVOKED; a revoked invite stays revoked', async () => {
    const { invite: sent, token } = await invite(hubId, 'revoked@example.org');
    const revoked = await call('POST', `${invitesOf(hubId)}/${sent.id}/revoke`, spaceAdmin);
    expect(revoked.statusCode).toBe(200);
    expect(revoked.json()).toMatchObject({ status: 'revoked' });
    const invitee = await newcomer('revoked@example.org');
    const refused = await validate(token, invitee.token);
    expect(refused.statusCode).toBe(410);
    expect(refused.json().error.code).toBe('INVITE_REVOKED');
    expect(await rolesIn(hubId, invitee.token)).toEqual([]);
    for (const step of ['resend', 'revoke']) {
      const again = await call('POST', `${invitesOf(hubId)}/${sent.id}/${step}`, spaceAdmin);
      expect(again.statusCode).toBe(409);
      expect(again.json().error).toMatchObject({
        code: 'INVITE_NOT_PENDING',
        details: { status: 'revoked' },
      });
    }
  });

  it('refuses another account with 403 INVITE_OTHER_EMAIL and leaves the invite to its owner', async () => {
    const { invite: sent, token } = await invite(hubId, 'owner@example.org');
    const stranger = await newcomer('stranger@example.org');
    const refused = await validate(token, stranger.token);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.code).toBe('INVITE_OTHER_EMAIL');
    expect(await rolesIn(hubId, stranger.token)).toEqual([]);
    expect(await statusOf(hubId, sent.id)).toBe('pending');
    const owner = await newcomer('owner@example.org');
    expect((await validate(token, owner.token)).statusCode).toBe(200);
  });

  it('makes one membership of five validations at once', async () => {
    const { invite: sent, token } = await invite(hubId, 'eager@example.org');
    const eager = await newcomer('eager@example.org');
    const answers = await Promise.all(
      Array.from({ length: 5 }, () => validate(token, eager.token)),
    );
    expect(answers.map((a) => a.statusCode).sort()).toEqual([200, 409, 409, 409, 409]);
    expect(await rolesIn(hubId, eager.token)).toEqual(['member']);
    const accepted = await cave.app.db
      .select({ id: auditLogs.id })
      .from(auditLogs)
      .where(and(eq(auditLogs.entityId, sent.id), eq(auditLogs.action, 'invite.accepted')));
    expect(accepted).toHaveLength(1);
  });

  it('kills the old token when an invite is resent', async () => {
    const { invite: sent, token: first } = await invite(hubId, 'resent@example.org');
    const resent = await call('POST', `${invitesOf(hubId)}/${sent.id}/resend`, spaceAdmin);
    expect(resent.statusCode).toBe(200);
    const second = await mailedToken('resent@example.org');
    expect(second).not.toBe(first);
    const invitee = await newcomer('resent@example.org');
    const old = await validate(first, invitee.token);
    expect(old.statusCode).toBe(404);
    expect(old.json().error.code).toBe('INVITE_NOT_FOUND');
    expect(await rolesIn(hubId, invitee.token)).toEqual([]);
    expect((await validate(second, invitee.token)).statusCode).toBe(200);
  });

  it('lifts no suspension: a suspended member who accepts an invite stays suspended', async () => {
    const providerUrl = `/api/v1/makerspaces/${hubId}/members/${demo['provider@demo.makrx.org']}`;
    expect((await call('POST', `${providerUrl}/suspend`, spaceAdmin)).statusCode).toBe(200);
    const { token } = await invite(hubId, 'provider@demo.makrx.org', 'member');
    const provider = await issuer.userToken({
      id: demo['provider@demo.makrx.org'],
      username: 'provider',
      email: 'provider@demo.makrx.org',
      realmRoles: ['store_customer'],
    });
    expect((await validate(token, provider)).statusCode).toBe(200);
    expect(await rolesIn(hubId, provider)).toEqual([]);
    const listed = (await call('GET', `/api/v1/makerspaces/${hubId}/members`, spaceAdmin)).json();
    expect(
      listed.items.find((m: { userId: string }) => m.userId === demo['provider@demo.makrx.org']),
    ).toMatchObject({ roles: ['member', 'service_provider'], status: 'suspended' });
  });

  it('keeps invites to admins: a member of the makerspace gets 403', async () => {
    const refused = await call('POST', invitesOf(hubId), hubMember, {
      email: 'friend@example.org',
      role: 'member',
    });
    expect(refused.statusCode).toBe(403);
    expect((await call('GET', invitesOf(hubId), hubMember)).statusCode).toBe(403);
    expect(await cave.app.mailer.listDevMail({ to: 'friend@example.org', limit: 1 })).toEqual([]);
  });

  describe('another makerspace', () => {
    let otherInviteId: string;
    let otherAdminId: string;

    beforeAll(async () => {
      // A super admin invites the other makerspace's first admin.
      const { token } = await invite(
        otherSpaceId,
        'north.admin@example.org',
        'makerspace_admin',
        superAdmin,
      );
      const northAdmin = await newcomer('north.admin@example.org');
      otherAdminId = northAdmin.id;
      expect((await validate(token, northAdmin.token)).statusCode).toBe(200);
      ({
        invite: { id: otherInviteId },
      } = await invite(otherSpaceId, 'north.member@example.org', 'member', northAdmin.token));
    });

    const routesOf = (spaceId: string, inviteId: string, userId: string) =>
      [
        ['GET', `/api/v1/makerspaces/${spaceId}/invites`],
        [
          'POST',
          `/api/v1/makerspaces/${spaceId}/invites`,
          { email: 'x@example.org', role: 'member' },
        ],
        ['POST', `/api/v1/makerspaces/${spaceId}/invites/${inviteId}/resend`],
        ['POST', `/api/v1/makerspaces/${spaceId}/invites/${inviteId}/revoke`],
        ['GET', `/api/v1/makerspaces/${spaceId}/members`],
        ['PUT', `/api/v1/makerspaces/${spaceId}/members/${userId}/role`, { role: 'member' }],
        ['POST', `/api/v1/makerspaces/${spaceId}/members/${userId}/suspend`],
        ['POST', `/api/v1/makerspaces/${spaceId}/members/${userId}/reinstate`],
        ['DELETE', `/api/v1/makerspaces/${spaceId}/members/${userId}`],
      ] as const;

    it('is not there for an admin or a member of this one: 404 on every invite and member route', async () => {
      for (const [who, token] of [
        ['admin', spaceAdmin],
        ['member', hubMember],
      ] as const) {
        for (const [method, url, body] of routesOf(otherSpaceId, otherInviteId, otherAdminId)) {
          const response = await call(method, url, token, body);
          expect(`${who} ${method} ${url} ${response.statusCode}`).toBe(
            `${who} ${method} ${url} 404`,
          );
        }
      }
      expect(await statusOf(otherSpaceId, otherInviteId, superAdmin)).toBe('pending');
      const members = (
        await call('GET', `/api/v1/makerspaces/${otherSpaceId}/members`, superAdmin)
      ).json();
      expect(members.items).toEqual([
        expect.objectContaining({
          userId: otherAdminId,
          roles: ['makerspace_admin'],
          status: 'active',
        }),
      ]);
    });

    it('does not reach its invites or members through this makerspace’s routes', async () => {
      for (const [method, url, body] of routesOf(hubId, otherInviteId, otherAdminId).slice(2)) {
        if (url.endsWith('/members')) continue;
        expect((await call(method, url, spaceAdmin, body)).statusCode).toBe(404);
      }
      expect(await statusOf(otherSpaceId, otherInviteId, superAdmin)).toBe('pending');
    });
  });

  it('asks a guest to sign in (401) on every route, whatever the body', async () => {
    const routes: [Method, string][] = [
      ['GET', invitesOf(hubId)],
      ['POST', invitesOf(hubId)],
      ['POST', `${invitesOf(hubId)}/${hubId}/resend`],
      ['POST', `${invitesOf(hubId)}/${hubId}/revoke`],
      ['GET', `/api/v1/makerspaces/${hubId}/members`],
      ['PUT', `/api/v1/makerspaces/${hubId}/members/${hubId}/role`],
      ['POST', `/api/v1/makerspaces/${hubId}/members/${hubId}/suspend`],
      ['POST', `/api/v1/makerspaces/${hubId}/members/${hubId}/reinstate`],
      ['DELETE', `/api/v1/makerspaces/${hubId}/members/${hubId}`],
      ['POST', '/api/v1/invites/validate'],
    ];
    for (const [method, url] of routes) {
      const response = await call(method, url, undefined, { nonsense: true });
      expect(`${method} ${url} ${response.statusCode}`).toBe(`${method} ${url} 401`);
    }
  });

  it('answers malformed bodies 400, naming the field, and mails nothing', async () => {
    const before = (await call('GET', invitesOf(hubId), spaceAdmin)).json().items.length;
    const badInvites = [
      [{ email: 'not-an-email', role: 'member' }, 'email'],
      [{ email: 'ok@example.org', role: 'owner' }, 'role'],
      [{ role: 'member' }, 'email'],
    ] as const;
    for (const [body, field] of badInvites) {
      const response = await call('POST', invitesOf(hubId), spaceAdmin, body);
      expect(response.statusCode).toBe(400);
      expect(response.json().error.details[0].field).toBe(field);
    }
    expect((await call('GET', invitesOf(hubId), spaceAdmin)).json().items).toHaveLength(before);
    const someone = await newcomer('shapes@example.org');
    for (const body of [{}, { token: 42 }, { token: '' }]) {
      const response = await call('POST', '/api/v1/invites/validate', someone.token, body);
      expect(response.statusCode).toBe(400);
      expect(response.json().error.code).toBe('VALIDATION_FAILED');
    }
    const badId = await call('POST', `${invitesOf(hubId)}/not-a-uuid/revoke`, spaceAdmin);
    expect(badId.statusCode).toBe(400);
  });
});

// Validations truly side by side, each on its own connection: PostgreSQL only (PGlite serves
// one). All pass the first look at the invite; the conditional update lets one through.
describe.each(testDrivers.filter((driver) => driver === 'postgres'))(
  'validations racing for one invite, over %s',
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

    it('makes one membership when five validations pass the first look at once', async () => {
      const demo = await seedDemoMembersWithAccounts(cave.app.db);
      const admin = await issuer.userToken({
        id: demo['spaceadmin@demo.makrx.org'],
        username: 'spaceadmin',
        email: 'spaceadmin@demo.makrx.org',
        realmRoles: ['store_customer'],
      });
      const spaces: MakerspacePage = (await cave.app.inject('/api/v1/makerspaces')).json();
      const hubId = spaces.items.find((s) => s.slug === 'makrx-hub-bengaluru')!.id;
      const sent = await cave.app.inject({
        method: 'POST',
        url: `/api/v1/makerspaces/${hubId}/invites`,
        headers: { authorization: `Bearer ${admin}` },
        payload: { email: 'racer@example.org', role: 'member' },
      });
      const [mail] = await cave.app.mailer.listDevMail({ to: 'racer@example.org', limit: 1 });
      const token = new URL(/https?:\/\/\S+/.exec(mail!.text)![0]).searchParams.get('token')!;
      const racerId = await createAccount(cave.app.db, 'racer@example.org');
      const racer = await issuer.userToken({
        id: racerId,
        username: 'racer',
        email: 'racer@example.org',
        realmRoles: ['store_customer'],
      });

      // Something else holds the invite's row while the five arrive.
      let held!: () => void;
      const holding = new Promise<void>((resolve) => (held = resolve));
      let release!: () => void;
      const released = new Promise<void>((resolve) => (release = resolve));
      const holder = cave.app.db.transaction(async (tx) => {
        await tx.execute(sql`select id from ${invites} where id = ${sent.json().id} for update`);
        held();
        await released;
      });
      await holding;
      const answers = Promise.all(
        Array.from({ length: 5 }, () =>
          cave.app.inject({
            method: 'POST',
            url: '/api/v1/invites/validate',
            headers: { authorization: `Bearer ${racer}` },
            payload: { token },
          }),
        ),
      );
      while ((await backendsWaitingForALock(cave)) < 5) await new Promise((r) => setTimeout(r, 10));
      release();
      await holder;
      const statuses = (await answers).map((a) => a.statusCode).sort();
      expect(statuses).toEqual([200, 409, 409, 409, 409]);
      const mine = (
        await cave.app.inject({
          url: '/api/v1/me/makerspaces',
          headers: { authorization: `Bearer ${racer}` },
        })
      ).json();
      expect(mine.items).toEqual([expect.objectContaining({ roles: ['member'] })]);
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
