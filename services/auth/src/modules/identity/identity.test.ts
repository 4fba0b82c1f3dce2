import { createServer } from 'node:net';
import type { DatabaseHandle } from '@makrx/db';
import { auditLogs, users } from '@makrx/db/schema';
import { createTestDatabase, testDrivers } from '@makrx/db/testing';
import { eq, sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { decodeJwt } from 'jose';
import * as client from 'openid-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createIdentityProvider, demoUsers, identityEnv, seedDemoUsers } from '../../identity';
import { BrowserSession } from './browser-session.test-support';
import { oidcModels } from './tables';

const PASSWORD = 'makrx-demo';

/** Like a browser: retry once when a kept-alive connection to the restarted server is gone. */
const retryOnClosedConnection: client.CustomFetch = (url, options) =>
  fetch(url, options as RequestInit).catch(() => fetch(url, options as RequestInit));
const APP = 'http://localhost:3000';

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

describe.each(testDrivers)('the embedded identity provider over %s', (driver) => {
  let database: DatabaseHandle;
  let idp: FastifyInstance;
  let issuer: string;
  let config: ReturnType<typeof identityEnv.parse>;

  const start = async () => {
    idp = await createIdentityProvider(
      database,
      config,
      {
        gateway: APP,
        cave: 'http://localhost:3001',
        store: 'http://localhost:3003',
      },
      process.env.IDP_TEST_LOG ? { level: 'error' } : false,
    );
    await idp.listen({ host: '127.0.0.1', port: Number(new URL(issuer).port) });
  };

  beforeAll(async () => {
    database = await createTestDatabase(driver);
    await seedDemoUsers(database.db, PASSWORD);
    issuer = `http://localhost:${await freePort()}/realms/makrx`;
    config = identityEnv.parse({ OIDC_ISSUER: issuer, LOGIN_LOCK_SECONDS: '300' });
    await start();
  });
  afterAll(async () => {
    await idp.close();
    await database.close();
  });

  const discover = async () => {
    const oidc = await client.discovery(
      new URL(issuer),
      'makrx-org-frontend',
      undefined,
      client.None(),
      {
        execute: [client.allowInsecureRequests],
        [client.customFetch]: retryOnClosedConnection,
      },
    );
    oidc[client.customFetch] = retryOnClosedConnection;
    return oidc;
  };

  /** Authorization code + PKCE through the real sign-in page; returns the token response. */
  async function signIn(browser: BrowserSession, login: string, password = PASSWORD) {
    const oidc = await discover();
    const verifier = client.randomPKCECodeVerifier();
    const state = client.randomState();
    const authUrl = client.buildAuthorizationUrl(oidc, {
      redirect_uri: `${APP}/auth/callback`,
      scope: 'openid profile email roles',
      code_challenge: await client.calculatePKCECodeChallenge(verifier),
      code_challenge_method: 'S256',
      state,
    });
    const origin = new URL(issuer).origin;
    const first = await browser.follow(authUrl.toString(), origin);
    let { url } = first;
    const { response } = first;
    if (response) {
      const page = await response.text();
      const action = /<form method="post" action="([^"]+)"/.exec(page)?.[1];
      expect(action, 'the sign-in form').toBeDefined();
      const posted = await browser.request(new URL(action!, origin).toString(), {
        form: { username: login, password },
      });
      if (!posted.headers.get('location'))
        return { status: posted.status, page: await posted.text() };
      ({ url } = await browser.follow(
        new URL(posted.headers.get('location')!, origin).toString(),
        origin,
      ));
    }
    const tokens = await client.authorizationCodeGrant(oidc, new URL(url), {
      pkceCodeVerifier: verifier,
      expectedState: state,
    });
    return { status: 200, tokens, oidc };
  }

  it('publishes a discovery document with Keycloak’s endpoint layout', async () => {
    const discovery = await (await fetch(`${issuer}/.well-known/openid-configuration`)).json();
    expect(discovery).toMatchObject({
      issuer,
      authorization_endpoint: `${issuer}/protocol/openid-connect/auth`,
      token_endpoint: `${issuer}/protocol/openid-connect/token`,
      jwks_uri: `${issuer}/protocol/openid-connect/certs`,
      userinfo_endpoint: `${issuer}/protocol/openid-connect/userinfo`,
      end_session_endpoint: `${issuer}/protocol/openid-connect/logout`,
    });
  });

  it.each(demoUsers.map((user) => [user.email, user.roles] as const))(
    'signs in %s with authorization code + PKCE and puts the realm roles in the access token',
    async (email, roles) => {
      const result = await signIn(new BrowserSession(), email);
      expect(result.status).toBe(200);
      const claims = decodeJwt(result.tokens!.access_token);
      expect(claims).toMatchObject({
        iss: issuer,
        azp: 'makrx-org-frontend',
        email,
        preferred_username: email.split('@')[0],
        aud: ['auth-service', 'makrcave-backend', 'store-backend'],
      });
      expect((claims.realm_access as { roles: string[] }).roles.sort()).toEqual(
        [...roles, 'store_customer'].sort(),
      );
      expect(claims.sid).toEqual(expect.any(String));
    },
  );

  it('refuses a wrong password with 401 and keeps the form', async () => {
    const result = await signIn(
      new BrowserSession(),
      'customer@demo.makrx.org',
      'not-the-password',
    );
    expect(result.status).toBe(401);
    expect(result.page).toContain('Invalid username or password');
  });

  it('locks the account after five failures, refuses the right password, and audits it', async () => {
    const login = 'member@demo.makrx.org';
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 6; attempt++) {
      statuses.push((await signIn(new BrowserSession(), login, `wrong-${attempt}`)).status);
    }
    expect(statuses).toEqual([401, 401, 401, 401, 423, 423]);
    const right = await signIn(new BrowserSession(), login, PASSWORD);
    expect(right.status).toBe(423);
    expect(right.page).toContain('locked until');

    const [member] = await database.db
      .select({ id: users.id })
      .from(users)
      .where(eq(users.email, login));
    const actions = await database.db
      .select({ action: auditLogs.action })
      .from(auditLogs)
      .where(eq(auditLogs.entityId, member!.id));
    expect(actions.map((a) => a.action)).toEqual(
      expect.arrayContaining(['sign_in.failed', 'account.locked', 'sign_in.refused_locked']),
    );
  });

  it('lets two tabs refresh with the same token at once, and revokes the family on later reuse', async () => {
    const { tokens, oidc } = await signIn(new BrowserSession(), 'provider@demo.makrx.org');
    const refreshToken = tokens!.refresh_token!;
    const [first, second] = await Promise.all([
      client.refreshTokenGrant(oidc!, refreshToken),
      client.refreshTokenGrant(oidc!, refreshToken),
    ]);
    expect(first.access_token).toBeTruthy();
    expect(second.access_token).toBeTruthy();

    // As if the grace period had passed since the rotation.
    await database.db
      .update(oidcModels)
      .set({ consumedAt: sql`now() - interval '1 minute'` })
      .where(eq(oidcModels.model, 'RefreshToken'));
    await expect(client.refreshTokenGrant(oidc!, refreshToken)).rejects.toMatchObject({
      error: 'invalid_grant',
    });
    await expect(client.refreshTokenGrant(oidc!, first.refresh_token!)).rejects.toMatchObject({
      error: 'invalid_grant',
    });
  });

  it('keeps a signed-in browser signed in across a restart', async () => {
    const browser = new BrowserSession();
    expect((await signIn(browser, 'spaceadmin@demo.makrx.org')).status).toBe(200);
    await idp.close();
    await start();
    const again = await signIn(browser, 'spaceadmin@demo.makrx.org', 'no password is asked');
    expect(again.status).toBe(200);
    expect(decodeJwt(again.tokens!.access_token).email).toBe('spaceadmin@demo.makrx.org');
  });
});
