import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { BACKCHANNEL_LOGOUT_EVENT } from '@makrx/auth';
import { createMailer } from '@makrx/mailer';
import { startTestService, testDrivers, type TestService } from '@makrx/service-kit/testing';
import type { FastifyInstance } from 'fastify';
import { createRemoteJWKSet, decodeJwt, decodeProtectedHeader, jwtVerify } from 'jose';
import * as client from 'openid-client';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createIdentityProvider, identityEnv } from '../../identity';
import { authService } from '../../service';
import { BrowserSession } from '../../testing';

const PASSWORD = 'makrx-demo';
const GATEWAY = 'http://localhost:3000';

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

describe.each(testDrivers)('active sessions over %s', (driver) => {
  let auth: TestService;
  let idp: FastifyInstance;
  let issuer: string;
  let store: string;
  let storeApp: Server;
  /** Logout tokens the store's back-channel endpoint received. */
  let logoutTokens: string[] = [];

  beforeAll(async () => {
    storeApp = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk) => (body += chunk));
      request.on('end', () => {
        const token = new URLSearchParams(body).get('logout_token');
        if (request.url === '/auth/backchannel-logout' && token) logoutTokens.push(token);
        response.writeHead(200).end();
      });
    });
    await new Promise<void>((resolve) => storeApp.listen(0, '127.0.0.1', resolve));
    store = `http://127.0.0.1:${(storeApp.address() as AddressInfo).port}`;
    issuer = `http://localhost:${await freePort()}/realms/makrx`;
    auth = await startTestService(authService, driver, { issuer, env: { STORE_URL: store } });
    const config = identityEnv.parse({ OIDC_ISSUER: issuer });
    const mailer = createMailer({
      from: 'MakrX <no-reply@makrx.test>',
      database: auth.app.db,
      log: { info: () => {} },
    });
    idp = await createIdentityProvider(
      auth.app.database,
      config,
      { gateway: GATEWAY, cave: 'http://localhost:3001', store },
      mailer,
    );
    await idp.listen({ host: '127.0.0.1', port: Number(new URL(issuer).port) });
  });
  afterAll(async () => {
    await idp.close();
    await auth.close();
    storeApp.closeAllConnections();
    await new Promise((resolve) => storeApp.close(resolve));
  });
  beforeEach(() => {
    logoutTokens = [];
  });

  /** Signs in at `app` in `browser`: through the sign-in form, or at once when already signed in. */
  async function signIn(browser: BrowserSession, login: string, app: 'gateway' | 'store') {
    const clientId = app === 'gateway' ? 'makrx-org-frontend' : 'makrx-store-frontend';
    const redirectUri = `${app === 'gateway' ? GATEWAY : store}/auth/callback`;
    const oidc = await client.discovery(new URL(issuer), clientId, undefined, client.None(), {
      execute: [client.allowInsecureRequests],
    });
    const verifier = client.randomPKCECodeVerifier();
    const state = client.randomState();
    const authUrl = client.buildAuthorizationUrl(oidc, {
      redirect_uri: redirectUri,
      scope: 'openid profile email roles',
      code_challenge: await client.calculatePKCECodeChallenge(verifier),
      code_challenge_method: 'S256',
      state,
    });
    const origin = new URL(issuer).origin;
    let { url, response } = await browser.follow(authUrl.toString(), origin);
    if (response) {
      const action = /<form method="post" action="([^"]+)"/.exec(await response.text())![1]!;
      const posted = await browser.request(new URL(action, origin).toString(), {
        form: { username: login, password: PASSWORD },
      });
      ({ url, response } = await browser.follow(
        new URL(posted.headers.get('location')!, origin).toString(),
        origin,
      ));
    }
    const tokens = await client.authorizationCodeGrant(oidc, new URL(url), {
      pkceCodeVerifier: verifier,
      expectedState: state,
    });
    return { tokens, oidc };
  }

  const listSessions = async (accessToken: string) =>
    auth.app.inject({
      method: 'GET',
      url: '/api/v1/me/sessions',
      headers: { authorization: `Bearer ${accessToken}` },
    });

  it('lists only the caller’s own sessions, with device, address and this device marked', async () => {
    const laptop = new BrowserSession({
      'user-agent': 'Mozilla/5.0 (X11; Linux x86_64) Firefox/140.0',
    });
    const phone = new BrowserSession({
      'user-agent': 'Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X)',
    });
    const { tokens } = await signIn(laptop, 'member@demo.makrx.org', 'gateway');
    await signIn(phone, 'member@demo.makrx.org', 'gateway');
    await signIn(new BrowserSession(), 'customer@demo.makrx.org', 'gateway');

    const answer = await listSessions(tokens.access_token);
    expect(answer.statusCode).toBe(200);
    const { sessions } = answer.json() as { sessions: Array<Record<string, unknown>> };
    expect(sessions).toHaveLength(2);
    const here = sessions.find((session) => session.current)!;
    expect(here).toMatchObject({
      id: decodeJwt(tokens.access_token).sid,
      userAgent: expect.stringContaining('Firefox'),
      ipAddress: expect.stringMatching(/127\.0\.0\.1/),
      apps: ['makrx-org-frontend'],
    });
    expect(sessions.find((session) => !session.current)).toMatchObject({
      userAgent: expect.stringContaining('iPhone'),
    });
  });

  it('signs out one session: its refresh token stops working, the store hears of it, the others stay', async () => {
    const laptop = new BrowserSession();
    const phone = new BrowserSession();
    const atGateway = await signIn(laptop, 'provider@demo.makrx.org', 'gateway');
    const atStore = await signIn(laptop, 'provider@demo.makrx.org', 'store');
    const onPhone = await signIn(phone, 'provider@demo.makrx.org', 'gateway');
    const laptopSid = decodeJwt(atGateway.tokens.access_token).sid as string;

    const ended = await auth.app.inject({
      method: 'DELETE',
      url: `/api/v1/me/sessions/${laptopSid}`,
      headers: { authorization: `Bearer ${onPhone.tokens.access_token}` },
    });
    expect(ended.statusCode).toBe(200);
    expect(ended.json()).toEqual({ ended: 1 });

    await expect(
      client.refreshTokenGrant(atGateway.oidc, atGateway.tokens.refresh_token!),
    ).rejects.toMatchObject({ error: 'invalid_grant' });
    await expect(
      client.refreshTokenGrant(atStore.oidc, atStore.tokens.refresh_token!),
    ).rejects.toMatchObject({ error: 'invalid_grant' });
    const refreshed = await client.refreshTokenGrant(onPhone.oidc, onPhone.tokens.refresh_token!);
    expect(refreshed.access_token).toBeTruthy();

    // The logout token names the store's own sid from its ID token, signed by the issuer.
    expect(logoutTokens).toHaveLength(1);
    expect(decodeProtectedHeader(logoutTokens[0]!).typ).toBe('logout+jwt');
    const keys = createRemoteJWKSet(new URL(`${issuer}/protocol/openid-connect/certs`));
    const { payload } = await jwtVerify(logoutTokens[0]!, keys, {
      issuer,
      audience: 'makrx-store-frontend',
    });
    expect(payload).toMatchObject({
      sub: decodeJwt(atStore.tokens.id_token!).sub,
      sid: decodeJwt(atStore.tokens.id_token!).sid,
      events: { [BACKCHANNEL_LOGOUT_EVENT]: {} },
    });
    expect(payload.nonce).toBeUndefined();
  });

  it('tells the store at once when the user signs out at the gateway (RP-initiated logout)', async () => {
    const browser = new BrowserSession();
    const atGateway = await signIn(browser, 'member@demo.makrx.org', 'gateway');
    const atStore = await signIn(browser, 'member@demo.makrx.org', 'store');
    const logoutUrl = client.buildEndSessionUrl(atGateway.oidc, {
      id_token_hint: atGateway.tokens.id_token!,
      post_logout_redirect_uri: `${GATEWAY}/auth/signed-out`,
    });
    const origin = new URL(issuer).origin;
    const page = await (await browser.request(logoutUrl.href)).text();
    const action =
      /<form[^>]*id="op.logoutForm"[^>]*action="([^"]+)"/.exec(page)?.[1] ??
      /<form[^>]*action="([^"]+)"[^>]*id="op.logoutForm"/.exec(page)![1]!;
    const xsrf = /name="xsrf" value="([^"]+)"/.exec(page)![1]!;
    const confirmed = await browser.request(new URL(action, origin).toString(), {
      form: { xsrf, logout: 'yes' },
    });
    expect(confirmed.status).toBe(303);

    expect(logoutTokens.map((token) => decodeJwt(token).sid)).toEqual([
      decodeJwt(atStore.tokens.id_token!).sid,
    ]);
  });

  it('answers 404 for another user’s session id, and ends nothing', async () => {
    const owner = await signIn(new BrowserSession(), 'spaceadmin@demo.makrx.org', 'gateway');
    const intruder = await signIn(new BrowserSession(), 'customer@demo.makrx.org', 'gateway');
    const ownerSid = decodeJwt(owner.tokens.access_token).sid as string;

    const answer = await auth.app.inject({
      method: 'DELETE',
      url: `/api/v1/me/sessions/${ownerSid}`,
      headers: { authorization: `Bearer ${intruder.tokens.access_token}` },
    });
    expect(answer.statusCode).toBe(404);
    expect(answer.json().error.code).toBe('NOT_FOUND');
    const stillThere = (await listSessions(owner.tokens.access_token)).json();
    expect(stillThere.sessions.map((session: { id: string }) => session.id)).toContain(ownerSid);
    expect(await client.refreshTokenGrant(owner.oidc, owner.tokens.refresh_token!)).toBeTruthy();
  });

  it('refuses guests with 401, an overlong session id with 414 and a huge body with 413', async () => {
    for (const [method, url] of [
      ['GET', '/api/v1/me/sessions'],
      ['DELETE', '/api/v1/me/sessions/abc'],
      ['POST', '/api/v1/me/sessions/sign-out-everywhere'],
    ] as const) {
      expect((await auth.app.inject({ method, url })).statusCode).toBe(401);
    }
    const { tokens } = await signIn(new BrowserSession(), 'customer@demo.makrx.org', 'gateway');
    const huge = await auth.app.inject({
      method: 'DELETE',
      url: `/api/v1/me/sessions/${'x'.repeat(300)}`,
      headers: { authorization: `Bearer ${tokens.access_token}` },
    });
    expect(huge.statusCode).toBe(414);
    const flood = await auth.app.inject({
      method: 'POST',
      url: '/api/v1/me/sessions/sign-out-everywhere',
      headers: {
        authorization: `Bearer ${tokens.access_token}`,
        'content-type': 'application/json',
      },
      payload: JSON.stringify({ pad: 'x'.repeat(2_000_000) }),
    });
    expect(flood.statusCode).toBe(413);
    const { sessions } = (await listSessions(tokens.access_token)).json();
    expect(sessions.some((session: { current: boolean }) => session.current)).toBe(true);
  });

  it('signs out everywhere: every session and refresh token ends, the store is told, and again is harmless', async () => {
    const laptop = new BrowserSession();
    const phone = new BrowserSession();
    const atGateway = await signIn(laptop, 'admin@demo.makrx.org', 'gateway');
    const atStore = await signIn(laptop, 'admin@demo.makrx.org', 'store');
    const onPhone = await signIn(phone, 'admin@demo.makrx.org', 'store');
    const bystander = await signIn(new BrowserSession(), 'member@demo.makrx.org', 'gateway');

    const everywhere = () =>
      auth.app.inject({
        method: 'POST',
        url: '/api/v1/me/sessions/sign-out-everywhere',
        headers: { authorization: `Bearer ${atGateway.tokens.access_token}` },
      });
    const first = await everywhere();
    expect(first.statusCode).toBe(200);
    expect(first.json()).toEqual({ ended: 2 });
    for (const signedIn of [atGateway, atStore, onPhone]) {
      await expect(
        client.refreshTokenGrant(signedIn.oidc, signedIn.tokens.refresh_token!),
      ).rejects.toMatchObject({ error: 'invalid_grant' });
    }
    const sids = logoutTokens.map((token) => decodeJwt(token).sid).sort();
    expect(sids).toEqual(
      [decodeJwt(atStore.tokens.id_token!).sid, decodeJwt(onPhone.tokens.id_token!).sid].sort(),
    );
    expect((await listSessions(atGateway.tokens.access_token)).json()).toEqual({ sessions: [] });

    const again = await everywhere();
    expect(again.json()).toEqual({ ended: 0 });
    expect(
      await client.refreshTokenGrant(bystander.oidc, bystander.tokens.refresh_token!),
    ).toBeTruthy();
  });
});
