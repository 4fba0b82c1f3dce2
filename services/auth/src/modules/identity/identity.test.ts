import { createServer } from 'node:net';
import type { DatabaseHandle } from '@makrx/db';
import { auditLogs, users } from '@makrx/db/schema';
import { createTestDatabase, testDrivers } from '@makrx/db/testing';
import { eq, sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { createRemoteJWKSet, decodeJwt, decodeProtectedHeader, jwtVerify } from 'jose';
import * as client from 'openid-client';
import { createMailer, type Mailer } from '@makrx/mailer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createIdentityProvider,
  demoUsers,
  identityEnv,
  rotateSigningKey,
  seedDemoUsers,
} from '../../identity';
import { BrowserSession } from '../../testing';
import { profileHandleOf } from '../profiles/testing';
import { oidcModels, userRoles } from './tables';

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
  let mailer: Mailer;

  const start = async () => {
    idp = await createIdentityProvider(
      database,
      config,
      {
        gateway: APP,
        cave: 'http://localhost:3001',
        store: 'http://localhost:3003',
      },
      mailer,
    );
    await idp.listen({ host: '127.0.0.1', port: Number(new URL(issuer).port) });
  };

  beforeAll(async () => {
    database = await createTestDatabase(driver);
    await seedDemoUsers(database.db, PASSWORD);
    mailer = createMailer({
      from: 'MakrX <no-reply@makrx.test>',
      database: database.db,
      log: { info: () => {} },
    });
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

  it('opens sign-up first, its email filled in, when an app asks for it (screen_hint=signup, login_hint)', async () => {
    const browser = new BrowserSession();
    const origin = new URL(issuer).origin;
    const authorize = async (params: Record<string, string>) =>
      client.buildAuthorizationUrl(await discover(), {
        redirect_uri: `${APP}/auth/callback`,
        scope: 'openid profile email roles',
        code_challenge: await client.calculatePKCECodeChallenge(client.randomPKCECodeVerifier()),
        code_challenge_method: 'S256',
        ...params,
      });
    const asked = await browser.follow(
      (
        await authorize({ screen_hint: 'signup', login_hint: 'guest.buyer@example.org' })
      ).toString(),
      origin,
    );
    const page = await asked.response!.text();
    expect(page).toContain('name="displayName"');
    expect(page).toContain('value="guest.buyer@example.org"');
    // A hint that is not an email address fills in nothing.
    const odd = await new BrowserSession().follow(
      (await authorize({ screen_hint: 'signup', login_hint: '"><script>x</script>' })).toString(),
      origin,
    );
    const oddPage = await odd.response!.text();
    expect(oddPage).toContain('name="displayName"');
    expect(oddPage).not.toContain('<script>x</script>');
  });

  it('signs up a new maker, who signs in only after verifying through the mailbox, as a store customer with a profile', async () => {
    const browser = new BrowserSession();
    const origin = new URL(issuer).origin;
    const oidc = await discover();
    const authUrl = client.buildAuthorizationUrl(oidc, {
      redirect_uri: `${APP}/auth/callback`,
      scope: 'openid profile email roles',
      code_challenge: await client.calculatePKCECodeChallenge(client.randomPKCECodeVerifier()),
      code_challenge_method: 'S256',
    });
    const { response } = await browser.follow(authUrl.toString(), origin);
    const signUpHref = /href="([^"]+\/registration)"/.exec(await response!.text())![1]!;
    const signUpPage = await (await browser.request(new URL(signUpHref, origin).toString())).text();
    const action = /<form method="post" action="([^"]+)"/.exec(signUpPage)![1]!;
    const email = `Ada.Lovelace+${driver}@example.org`;
    const posted = await browser.request(new URL(action, origin).toString(), {
      form: { displayName: 'Ada Lovelace', email, password: 'analytical-engine-1843' },
    });
    expect(posted.status).toBe(200);
    expect(await posted.text()).toContain('Check your email');

    const beforeVerifying = await signIn(new BrowserSession(), email, 'analytical-engine-1843');
    expect(beforeVerifying.status).toBe(403);
    expect(beforeVerifying.page).toContain('Verify your email address first');

    const [mail] = await mailer.listDevMail({ to: email, limit: 1 });
    expect(mail?.kind).toBe('email-verification');
    const link = /https?:\/\/\S+verify-email\?key=[\w-]+/.exec(mail!.text)![0];
    const verified = await fetch(link);
    expect(verified.status).toBe(200);
    expect(await verified.text()).toContain('Email verified');
    expect((await fetch(link)).status).toBe(400);

    const signedIn = await signIn(new BrowserSession(), email, 'analytical-engine-1843');
    expect(signedIn.status).toBe(200);
    expect(decodeJwt(signedIn.tokens!.access_token)).toMatchObject({
      email,
      realm_access: { roles: ['store_customer'] },
    });

    const [user] = await database.db
      .select({ id: users.id, emailVerified: users.emailVerified })
      .from(users)
      .where(eq(users.email, email));
    expect(user?.emailVerified).toBe(true);
    const roles = await database.db
      .select({ role: userRoles.role })
      .from(userRoles)
      .where(eq(userRoles.userId, user!.id));
    expect(roles).toEqual([{ role: 'store_customer' }]);
    expect(await profileHandleOf(database.db, user!.id)).toMatch(/^ada-lovelace/);
  });

  it('resets a forgotten password by emailed link, once', async () => {
    const reset = await fetch(`${issuer}/login-actions/reset-credentials`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ email: 'CUSTOMER@demo.makrx.org' }),
    });
    expect(reset.status).toBe(200);
    const [mail] = await mailer.listDevMail({ to: 'customer@demo.makrx.org', limit: 1 });
    const key = /reset-password\?key=([\w-]+)/.exec(mail!.text)![1]!;
    const save = (password: string) =>
      fetch(`${issuer}/login-actions/reset-password`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ key, password }),
      });
    expect((await save('short')).status).toBe(400);
    expect((await save('a-brand-new-password')).status).toBe(200);
    expect((await save('a-second-new-password')).status).toBe(400);
    expect(
      (await signIn(new BrowserSession(), 'customer@demo.makrx.org', 'a-brand-new-password'))
        .status,
    ).toBe(200);
    expect((await signIn(new BrowserSession(), 'customer@demo.makrx.org', PASSWORD)).status).toBe(
      401,
    );
  });

  it('refuses a wrong password with 401 and keeps the form', async () => {
    const result = await signIn(
      new BrowserSession(),
      'customer@demo.makrx.org',
      'not-the-password',
    );
    expect(result.status).toBe(401);
    expect(result.page).toContain('Invalid username or password');
  });

  it('locks the guessing address out after five failures, refuses it the right password, and audits it', async () => {
    const login = 'member@demo.makrx.org';
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 6; attempt++) {
      statuses.push((await signIn(new BrowserSession(), login, `wrong-${attempt}`)).status);
    }
    expect(statuses).toEqual([401, 401, 401, 401, 423, 423]);
    const right = await signIn(new BrowserSession(), login, PASSWORD);
    expect(right.status).toBe(423);
    expect(right.page).toContain('Too many failed attempts from your network');

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

  it('rotates its signing key: new tokens carry the new key, tokens signed before still verify', async () => {
    const before = await signIn(new BrowserSession(), 'provider@demo.makrx.org');
    const oldKid = decodeProtectedHeader(before.tokens!.access_token).kid;
    const newKid = await rotateSigningKey(database.db);
    await idp.close();
    await start();
    const after = await signIn(new BrowserSession(), 'provider@demo.makrx.org');
    expect(decodeProtectedHeader(after.tokens!.access_token).kid).toBe(newKid);
    const keySet = createRemoteJWKSet(new URL(`${issuer}/protocol/openid-connect/certs`));
    for (const token of [before.tokens!.access_token, after.tokens!.access_token]) {
      await expect(jwtVerify(token, keySet, { issuer })).resolves.toBeTruthy();
    }
    expect(newKid).not.toBe(oldKid);
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

describe('sign-in rate limiting', () => {
  it('answers 429 with a page once an address has used up its attempts', async () => {
    const database = await createTestDatabase('pglite');
    const mailer = createMailer({
      from: 'MakrX <no-reply@makrx.test>',
      database: database.db,
      log: { info: () => {} },
    });
    const issuer = `http://localhost:${await freePort()}/realms/makrx`;
    const config = identityEnv.parse({ OIDC_ISSUER: issuer, LOGIN_RATE_LIMIT_PER_MINUTE: '3' });
    const idp = await createIdentityProvider(
      database,
      config,
      { gateway: APP, cave: APP, store: APP },
      mailer,
    );
    await idp.listen({ host: '127.0.0.1', port: Number(new URL(issuer).port) });
    try {
      const attempt = () =>
        fetch(`${issuer}/login-actions/reset-credentials`, {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body: new URLSearchParams({ email: 'someone@example.org' }),
        });
      const statuses = [];
      for (let i = 0; i < 4; i++) statuses.push((await attempt()).status);
      expect(statuses).toEqual([200, 200, 200, 429]);
      expect(await (await attempt()).text()).toContain('Too many attempts');
    } finally {
      await idp.close();
      await database.close();
    }
  });
});
