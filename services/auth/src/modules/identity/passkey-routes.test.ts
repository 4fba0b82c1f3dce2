import { startTestIssuer, type TestIssuer } from '@makrx/auth/testing';
import { auditLogs, featureFlags, users } from '@makrx/db/schema';
import { startTestService, testDrivers, type TestService } from '@makrx/service-kit/testing';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { authService } from '../../service';
import { seedDemoUsers } from './testing';
import { SoftwareAuthenticator } from './software-authenticator';
import { credentials, passkeys, webauthnChallenges } from './tables';

describe.each(testDrivers)("the account's passkeys over %s", (driver) => {
  let idp: TestIssuer;
  let auth: TestService;
  let gateway: string;
  const ids: Record<string, string> = {};

  const setFlag = (enabled: boolean) =>
    auth.app.db
      .update(featureFlags)
      .set({ enabled })
      .where(eq(featureFlags.key, 'ENABLE_NEW_AUTHENTICATION_FLOW'));

  beforeAll(async () => {
    idp = await startTestIssuer();
    auth = await startTestService(authService, driver, { issuer: idp.issuer });
    await seedDemoUsers(auth.app.db, 'makrx-demo');
    for (const row of await auth.app.db.select().from(users)) ids[row.username] = row.id;
    gateway = new URL(auth.app.config.GATEWAY_URL).origin;
  });
  afterAll(async () => {
    await auth?.close();
    await idp?.close();
  });
  beforeEach(async () => {
    await setFlag(true);
    await auth.app.db.delete(passkeys);
    await auth.app.db.delete(webauthnChallenges);
  });

  const tokenOf = (username: string) =>
    idp.userToken({ id: ids[username]!, username, realmRoles: ['store_customer'] });
  const call = (
    method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
    url: string,
    token: string | undefined,
    payload?: object | string,
  ) =>
    auth.app.inject({
      method,
      url: `/api/v1${url}`,
      headers: token ? { authorization: `Bearer ${token}` } : {},
      ...(payload === undefined ? {} : { payload }),
    });

  /** The whole ceremony as the gateway runs it: options, the authenticator, the answer. */
  async function addPasskey(username: string, authenticator: SoftwareAuthenticator, name: string) {
    const token = await tokenOf(username);
    const options = await call('POST', '/me/passkeys/registration-options', token);
    expect(options.statusCode).toBe(200);
    const response = authenticator.create(options.json());
    return {
      token,
      response,
      added: await call('POST', '/me/passkeys', token, { name, response }),
    };
  }

  it('adds a passkey through the registration ceremony and lists it with its dates', async () => {
    const authenticator = new SoftwareAuthenticator(gateway);
    const { token, added } = await addPasskey('member', authenticator, '  Work   laptop ');
    expect(added.statusCode).toBe(201);
    expect(added.json()).toMatchObject({ name: 'Work laptop', lastUsedAt: null, backedUp: false });

    const list = await call('GET', '/me/passkeys', token);
    expect(list.json().items).toEqual([added.json()]);
    const [row] = await auth.app.db.select().from(passkeys);
    expect(row).toMatchObject({ userId: ids.member, counter: 0, transports: ['internal'] });
    const [audit] = await auth.app.db
      .select()
      .from(auditLogs)
      .where(and(eq(auditLogs.action, 'passkey.added'), eq(auditLogs.entityId, ids.member!)));
    expect(audit?.actorId).toBe(ids.member);
  });

  it('refuses the same answer twice (the challenge is used once) and changes nothing', async () => {
    const { token, response, added } = await addPasskey(
      'member',
      new SoftwareAuthenticator(gateway),
      'Phone',
    );
    expect(added.statusCode).toBe(201);
    const replayed = await call('POST', '/me/passkeys', token, { name: 'Again', response });
    expect(replayed.statusCode).toBe(400);
    expect(replayed.json().error.code).toBe('PASSKEY_NOT_VERIFIED');
    expect(await auth.app.db.select().from(passkeys)).toHaveLength(1);
  });

  it("refuses an answer to someone else's challenge, or from another origin", async () => {
    const memberOptions = await call(
      'POST',
      '/me/passkeys/registration-options',
      await tokenOf('member'),
    );
    const response = new SoftwareAuthenticator(gateway).create(memberOptions.json());
    const stolen = await call('POST', '/me/passkeys', await tokenOf('customer'), {
      name: 'Not mine',
      response,
    });
    expect(stolen.statusCode).toBe(400);

    const token = await tokenOf('member');
    const options = await call('POST', '/me/passkeys/registration-options', token);
    const phishing = new SoftwareAuthenticator('http://evil.example').create(options.json());
    const fromElsewhere = await call('POST', '/me/passkeys', token, {
      name: 'Phished',
      response: phishing,
    });
    expect(fromElsewhere.statusCode).toBe(400);
    expect(await auth.app.db.select().from(passkeys)).toHaveLength(0);
  });

  it('renames and removes a passkey, with a password beside it', async () => {
    const { token, added } = await addPasskey('member', new SoftwareAuthenticator(gateway), 'Key');
    const id = added.json().id as string;
    const renamed = await call('PATCH', `/me/passkeys/${id}`, token, { name: 'YubiKey 5' });
    expect(renamed.statusCode).toBe(200);
    expect(renamed.json().name).toBe('YubiKey 5');
    expect((await call('DELETE', `/me/passkeys/${id}`, token)).statusCode).toBe(204);
    expect((await call('GET', '/me/passkeys', token)).json().items).toEqual([]);
  });

  it("never removes an account's last way to sign in", async () => {
    const authenticator = new SoftwareAuthenticator(gateway);
    const first = await addPasskey('customer', authenticator, 'First');
    const id = first.added.json().id as string;
    // A passkey-only account: no password.
    await auth.app.db.delete(credentials).where(eq(credentials.userId, ids.customer!));
    try {
      const refused = await call('DELETE', `/me/passkeys/${id}`, first.token);
      expect(refused.statusCode).toBe(409);
      expect(refused.json().error.code).toBe('LAST_SIGN_IN_METHOD');
      expect(await auth.app.db.select().from(passkeys)).toHaveLength(1);

      const second = await addPasskey('customer', authenticator, 'Second');
      expect(second.added.statusCode).toBe(201);
      expect((await call('DELETE', `/me/passkeys/${id}`, first.token)).statusCode).toBe(204);
      const lastId = second.added.json().id as string;
      expect((await call('DELETE', `/me/passkeys/${lastId}`, first.token)).statusCode).toBe(409);
    } finally {
      await auth.app.db
        .insert(credentials)
        .values({ userId: ids.customer!, passwordHash: 'restored-in-test' });
    }
  });

  it("answers 404 for another user's passkey and leaves it as it was", async () => {
    const { added } = await addPasskey('member', new SoftwareAuthenticator(gateway), 'Mine');
    const id = added.json().id as string;
    const stranger = await tokenOf('customer');
    expect(
      (await call('PATCH', `/me/passkeys/${id}`, stranger, { name: 'Taken' })).statusCode,
    ).toBe(404);
    expect((await call('DELETE', `/me/passkeys/${id}`, stranger)).statusCode).toBe(404);
    const [row] = await auth.app.db.select().from(passkeys);
    expect(row?.name).toBe('Mine');
  });

  it('answers a guest 401, bad input 400 and a huge body 413', async () => {
    expect((await call('GET', '/me/passkeys', undefined)).statusCode).toBe(401);
    expect((await call('POST', '/me/passkeys/registration-options', undefined)).statusCode).toBe(
      401,
    );
    const token = await tokenOf('member');
    expect((await call('PATCH', '/me/passkeys/not-a-uuid', token, { name: 'x' })).statusCode).toBe(
      400,
    );
    const malformed = await call('POST', '/me/passkeys', token, {
      name: 'Key',
      response: { id: 'abc', type: 'public-key' },
    });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().error.code).toBe('VALIDATION_FAILED');
    const huge = await call('POST', '/me/passkeys', token, {
      name: 'Key',
      response: { id: 'a'.repeat(200_000) },
    });
    expect(huge.statusCode).toBe(413);
    expect(await auth.app.db.select().from(passkeys)).toHaveLength(0);
  });

  it('is not there while ENABLE_NEW_AUTHENTICATION_FLOW is off', async () => {
    await setFlag(false);
    const token = await tokenOf('member');
    const list = await call('GET', '/me/passkeys', token);
    expect(list.statusCode).toBe(404);
    expect(list.json().error.code).toBe('FEATURE_DISABLED');
    expect((await call('POST', '/me/passkeys/registration-options', token)).statusCode).toBe(404);
    expect(await auth.app.db.select().from(webauthnChallenges)).toHaveLength(0);
  });
});
