import { randomUUID } from 'node:crypto';
import { BACKCHANNEL_LOGOUT_EVENT } from '@makrx/auth';
import { startTestIssuer, type TestIssuer } from '@makrx/auth/testing';
import { startTestService, testDrivers, type TestService } from '@makrx/service-kit/testing';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storeService } from '../../service';
import { endedStorefrontSessions } from './tables';

const STORE_APP = 'makrx-store-frontend';

describe.each(testDrivers)('back-channel logout of store sessions over %s', (driver) => {
  let issuer: TestIssuer;
  let store: TestService;

  beforeAll(async () => {
    issuer = await startTestIssuer();
    store = await startTestService(storeService, driver, { issuer: issuer.issuer });
  });
  afterAll(async () => {
    await store.close();
    await issuer.close();
  });

  const logoutToken = (
    claims: Record<string, unknown> = {},
    options: Parameters<TestIssuer['sign']>[1] = {},
  ) =>
    issuer.sign(
      {
        sub: randomUUID(),
        sid: randomUUID(),
        events: { [BACKCHANNEL_LOGOUT_EVENT]: {} },
        ...claims,
      },
      { audience: STORE_APP, ...options },
    );

  const postLogout = (token: string) =>
    store.app.inject({
      method: 'POST',
      url: '/api/v1/storefront-sessions/ended',
      payload: { logoutToken: token },
    });

  const isEnded = async (userId: string, sid: string) => {
    const answer = await store.app.inject({
      method: 'GET',
      url: `/api/v1/storefront-sessions/${sid}`,
      headers: {
        authorization: `Bearer ${await issuer.userToken({ id: userId, username: 'maker' })}`,
      },
    });
    expect(answer.statusCode).toBe(200);
    return (answer.json() as { ended: boolean }).ended;
  };

  const recordedRows = async () =>
    (await store.app.db.select().from(endedStorefrontSessions)).length;

  it('ends the session a valid logout token names, for its owner only', async () => {
    const sub = randomUUID();
    const sid = randomUUID();
    expect(await isEnded(sub, sid)).toBe(false);
    const answer = await postLogout(await logoutToken({ sub, sid }));
    expect(answer.json()).toEqual({ ended: true });
    expect(await isEnded(sub, sid)).toBe(true);
    expect(await isEnded(randomUUID(), sid)).toBe(false);

    const mine = async (userId: string) =>
      (
        await store.app.inject({
          method: 'GET',
          url: '/api/v1/storefront-sessions',
          headers: {
            authorization: `Bearer ${await issuer.userToken({ id: userId, username: 'maker' })}`,
          },
        })
      ).json();
    expect((await mine(sub)).sessions).toEqual([{ endedAt: expect.any(String) }]);
    expect((await mine(randomUUID())).sessions).toEqual([]);
  });

  it('takes a replayed logout token harmlessly: 200, nothing recorded twice', async () => {
    const token = await logoutToken();
    expect((await postLogout(token)).statusCode).toBe(200);
    const before = await recordedRows();
    expect((await postLogout(token)).statusCode).toBe(200);
    expect(await recordedRows()).toBe(before);
  });

  it.each([
    ['forged', () => logoutToken({}, { forged: true })],
    ['for another client', () => logoutToken({}, { audience: 'makrx-org-frontend' })],
    ['from another issuer', () => logoutToken({}, { issuer: 'http://evil.example/realms/makrx' })],
    ['expired', () => logoutToken({}, { expiresIn: -60 })],
    ['carrying a nonce (an ID token)', () => logoutToken({ nonce: 'n-0S6_WzA2Mj' })],
    ['without the logout event', () => logoutToken({ events: {} })],
    ['without sid and sub', () => logoutToken({ sub: undefined, sid: undefined })],
    ['that is no JWT', async () => 'not-a-token'],
  ])(
    'refuses a logout token %s with 400 INVALID_LOGOUT_TOKEN, recording nothing',
    async (_, make) => {
      const before = await recordedRows();
      const answer = await postLogout(await make());
      expect(answer.statusCode).toBe(400);
      expect(answer.json().error.code).toBe('INVALID_LOGOUT_TOKEN');
      expect(await recordedRows()).toBe(before);
    },
  );

  it('answers an unknown sid with 200 and a token naming only sub with 200, changing no session', async () => {
    expect((await postLogout(await logoutToken())).statusCode).toBe(200);
    const before = await recordedRows();
    expect((await postLogout(await logoutToken({ sid: undefined }))).statusCode).toBe(200);
    expect(await recordedRows()).toBe(before);
  });

  it('refuses a guest asking about a session with 401, and a huge logout body with 413', async () => {
    for (const url of ['/api/v1/storefront-sessions', '/api/v1/storefront-sessions/x']) {
      expect((await store.app.inject({ method: 'GET', url })).statusCode).toBe(401);
    }
    const huge = await postLogout('x'.repeat(20_000));
    expect(huge.statusCode).toBe(413);
  });

  it('forgets ended sessions older than any store cookie, daily', async () => {
    const sid = randomUUID();
    const sub = randomUUID();
    await postLogout(await logoutToken({ sid, sub }));
    await store.app.db.execute(
      sql`update store.ended_storefront_sessions set ended_at = now() - interval '40 days' where sid = ${sid}`,
    );
    await store.app.jobs.run('store.storefront-sessions.forget-old');
    expect(await isEnded(sub, sid)).toBe(false);
  });
});
