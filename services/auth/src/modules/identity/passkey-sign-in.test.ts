import { createHash } from 'node:crypto';
import { createServer } from 'node:net';
import type { DatabaseHandle } from '@makrx/db';
import { auditLogs, featureFlags, users } from '@makrx/db/schema';
import { createTestDatabase, testDrivers } from '@makrx/db/testing';
import { createMailer, type Mailer } from '@makrx/mailer';
import { and, eq, sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import * as client from 'openid-client';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createIdentityProvider, identityEnv, seedDemoUsers } from '../../identity';
import { BrowserSession } from '../../testing';
import { passkeySettingsOf, registerPasskey, registrationOptions } from './passkeys';
import { SoftwareAuthenticator, strangerKey } from './software-authenticator';
import { credentials, passkeys } from './tables';

const APP = 'http://localhost:3000';
const FLAG = 'ENABLE_NEW_AUTHENTICATION_FLOW';

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

const attribute = (page: string, name: string) =>
  new RegExp(`${name}="([^"]+)"`).exec(page)?.[1]?.replace(/&amp;/g, '&');

describe.each(testDrivers)('passkeys on the identity provider’s pages over %s', (driver) => {
  let database: DatabaseHandle;
  let idp: FastifyInstance;
  let issuer: string;
  let origin: string;
  let mailer: Mailer;
  let memberId: string;

  const setFlag = (enabled: boolean) =>
    database.db
      .insert(featureFlags)
      .values({ key: FLAG, scope: 'global', enabled, description: 'Passkeys.' })
      .onConflictDoUpdate({ target: featureFlags.key, set: { enabled } });

  beforeAll(async () => {
    database = await createTestDatabase(driver);
    await seedDemoUsers(database.db, 'makrx-demo');
    mailer = createMailer({
      from: 'MakrX <no-reply@makrx.test>',
      database: database.db,
      log: { info: () => {} },
    });
    issuer = `http://localhost:${await freePort()}/realms/makrx`;
    origin = new URL(issuer).origin;
    const config = identityEnv.parse({ OIDC_ISSUER: issuer });
    idp = await createIdentityProvider(
      database,
      config,
      { gateway: APP, cave: 'http://localhost:3001', store: 'http://localhost:3003' },
      mailer,
    );
    await idp.listen({ host: '127.0.0.1', port: Number(new URL(issuer).port) });
    const [member] = await database.db
      .select({ id: users.id })
      .from(users)
      .where(eq(users.username, 'member'));
    memberId = member!.id;
  });
  afterAll(async () => {
    await idp?.close();
    await database?.close();
  });
  beforeEach(async () => {
    await setFlag(true);
    await database.db.delete(passkeys).where(eq(passkeys.userId, memberId));
  });

  const discover = () =>
    client.discovery(new URL(issuer), 'makrx-org-frontend', undefined, client.None(), {
      execute: [client.allowInsecureRequests],
    });

  /** The gateway's ceremony, as the member's own account page runs it. */
  async function memberAddsPasskey() {
    const settings = passkeySettingsOf({ OIDC_ISSUER: issuer, GATEWAY_URL: APP });
    const authenticator = new SoftwareAuthenticator(APP);
    const options = await registrationOptions(database.db, settings, {
      id: memberId,
      username: 'member',
      displayName: 'Member',
    });
    await registerPasskey(
      database.db,
      settings,
      memberId,
      { name: 'Laptop', response: authenticator.create(options) as never },
      'test',
    );
    return authenticator;
  }

  /** Opens the sign-in page of a new authorization request (code + PKCE). */
  async function openSignIn(browser: BrowserSession) {
    const oidc = await discover();
    const verifier = client.randomPKCECodeVerifier();
    const authUrl = client.buildAuthorizationUrl(oidc, {
      redirect_uri: `${APP}/auth/callback`,
      scope: 'openid profile email roles',
      code_challenge: await client.calculatePKCECodeChallenge(verifier),
      code_challenge_method: 'S256',
    });
    const { response } = await browser.follow(authUrl.toString(), origin);
    const policy = response!.headers.get('content-security-policy') ?? '';
    return { oidc, verifier, page: await response!.text(), policy };
  }

  /** Presses "Sign in with a passkey": options, the authenticator's answer, the form post. */
  async function signInWithPasskey(
    browser: BrowserSession,
    answer: (options: { challenge: string; rpId?: string }) => object,
  ) {
    const { oidc, verifier, page } = await openSignIn(browser);
    const optionsUrl = attribute(page, 'data-options');
    expect(optionsUrl, 'the passkey button').toBeDefined();
    const options = await browser.request(new URL(optionsUrl!, origin).toString(), {
      form: {},
    });
    expect(options.status).toBe(200);
    const credential = answer(await options.json());
    const posted = await browser.request(
      new URL(attribute(page, 'data-action')!, origin).toString(),
      {
        form: { credential: JSON.stringify(credential) },
      },
    );
    const location = posted.headers.get('location');
    if (!location) return { status: posted.status, page: await posted.text(), credential };
    const { url } = await browser.follow(new URL(location, origin).toString(), origin);
    const tokens = await client.authorizationCodeGrant(oidc, new URL(url), {
      pkceCodeVerifier: verifier,
    });
    return { status: 200, tokens, credential };
  }

  it('offers no passkey and answers 404 while the flag is off', async () => {
    await setFlag(false);
    const browser = new BrowserSession();
    const { page } = await openSignIn(browser);
    expect(page).toContain('Sign in');
    expect(page).not.toContain('passkey');
    const uid = /login-actions\/([\w-]+)\/authenticate/.exec(page)![1];
    const options = await browser.request(`${issuer}/login-actions/${uid}/passkey/options`, {
      form: {},
    });
    expect(options.status).toBe(404);
  });

  it('names the passkey script in its Content-Security-Policy and serves the library itself', async () => {
    const { page, policy } = await openSignIn(new BrowserSession());
    const inline = /<script>([^<]+)<\/script>/.exec(page)![1]!;
    const hash = createHash('sha256').update(inline).digest('base64');
    expect(policy).toContain(`'sha256-${hash}'`);
    expect(policy).not.toContain('unsafe-inline');
    const library = await fetch(new URL(attribute(page, 'script src')!, origin));
    expect(library.status).toBe(200);
    expect(await library.text()).toContain('SimpleWebAuthnBrowser');
  });

  it('signs the member in with a passkey alone, as a password sign-in would end', async () => {
    const authenticator = await memberAddsPasskey();
    const result = await signInWithPasskey(new BrowserSession(), (options) =>
      authenticator.get(options),
    );
    expect(result.status).toBe(200);
    const claims = result.tokens!.claims();
    expect(claims?.sub).toBe(memberId);
    const [row] = await database.db.select().from(passkeys).where(eq(passkeys.userId, memberId));
    expect(row?.counter).toBe(1);
    expect(row?.lastUsedAt).toBeInstanceOf(Date);
    const audits = await database.db
      .select({ after: auditLogs.after })
      .from(auditLogs)
      .where(and(eq(auditLogs.action, 'sign_in.succeeded'), eq(auditLogs.entityId, memberId)));
    expect(audits.map((audit) => audit.after)).toContainEqual(
      expect.objectContaining({ method: 'passkey' }),
    );
  });

  it('refuses a replayed answer with 400 and signs nobody in', async () => {
    const authenticator = await memberAddsPasskey();
    const first = await signInWithPasskey(new BrowserSession(), (options) =>
      authenticator.get(options),
    );
    expect(first.status).toBe(200);
    const replay = await signInWithPasskey(new BrowserSession(), () => first.credential);
    expect(replay.status).toBe(400);
    expect(replay.page).toContain('could not be verified');
    expect(replay.tokens).toBeUndefined();
  });

  it('refuses a forged signature with 400, records the failure and keeps the counter', async () => {
    const authenticator = await memberAddsPasskey();
    const forged = await signInWithPasskey(new BrowserSession(), (options) =>
      authenticator.get(options, { signWith: strangerKey() }),
    );
    expect(forged.status).toBe(400);
    expect(forged.tokens).toBeUndefined();
    const [row] = await database.db.select().from(passkeys).where(eq(passkeys.userId, memberId));
    expect(row?.counter).toBe(0);
    expect(row?.lastUsedAt).toBeNull();
    const [failure] = await database.db
      .select()
      .from(auditLogs)
      .where(
        and(
          eq(auditLogs.action, 'sign_in.failed'),
          eq(auditLogs.entityId, memberId),
          sql`${auditLogs.after}->>'method' = 'passkey'`,
        ),
      );
    expect(failure).toBeDefined();
  });

  it('refuses a passkey nobody registered with 400', async () => {
    const unknown = new SoftwareAuthenticator(origin);
    unknown.create({ challenge: 'x', rp: { id: 'localhost' }, user: { id: 'AAAA' } });
    const result = await signInWithPasskey(new BrowserSession(), (options) => unknown.get(options));
    expect(result.status).toBe(400);
  });

  it('signs up with a passkey instead of a password; the account signs in once its email is verified', async () => {
    const browser = new BrowserSession();
    const { page } = await openSignIn(browser);
    const signUpHref = /href="([^"]+\/registration)"/.exec(page)![1]!;
    const signUpPage = await (await browser.request(new URL(signUpHref, origin).toString())).text();
    expect(signUpPage).toContain('Create account with a passkey');
    const email = `grace.hopper+${driver}@example.org`;
    const options = await browser.request(
      new URL(attribute(signUpPage, 'data-options')!, origin).toString(),
      { form: { displayName: 'Grace Hopper', email } },
    );
    expect(options.status).toBe(200);
    const authenticator = new SoftwareAuthenticator(origin);
    const created = authenticator.create(await options.json());
    const posted = await browser.request(
      new URL(attribute(signUpPage, 'data-action')!, origin).toString(),
      { form: { displayName: 'Grace Hopper', email, credential: JSON.stringify(created) } },
    );
    expect(posted.status).toBe(200);
    expect(await posted.text()).toContain('Check your email');

    const [user] = await database.db.select().from(users).where(eq(users.email, email));
    expect(user).toMatchObject({ displayName: 'Grace Hopper', emailVerified: false });
    expect(
      await database.db.select().from(credentials).where(eq(credentials.userId, user!.id)),
    ).toHaveLength(0);

    const early = await signInWithPasskey(new BrowserSession(), (o) => authenticator.get(o));
    expect(early.status).toBe(403);
    expect(early.page).toContain('Verify your email address first');

    const [mail] = await mailer.listDevMail({ to: email, limit: 1 });
    expect(mail?.kind).toBe('email-verification');
    const link = /https?:\/\/\S+verify-email\?key=[\w-]+/.exec(mail!.text)![0];
    expect((await fetch(link)).status).toBe(200);

    const signedIn = await signInWithPasskey(new BrowserSession(), (o) => authenticator.get(o));
    expect(signedIn.status).toBe(200);
    expect(signedIn.tokens!.claims()?.sub).toBe(user!.id);

    // Lost the device? A reset link gives the account a password.
    await fetch(`${issuer}/login-actions/reset-credentials`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ email }).toString(),
    });
    const [reset] = await mailer.listDevMail({ to: email, limit: 1 });
    expect(reset?.kind).toBe('password-reset');
    const key = /reset-password\?key=([\w-]+)/.exec(reset!.text)![1]!;
    const changed = await fetch(`${issuer}/login-actions/reset-password`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ key, password: 'compiler-pioneer-1952' }).toString(),
    });
    expect(await changed.text()).toContain('Password changed');
    expect(
      await database.db.select().from(credentials).where(eq(credentials.userId, user!.id)),
    ).toHaveLength(1);
  });

  it('answers a malformed passkey sign-up with a page, creating nothing', async () => {
    const browser = new BrowserSession();
    const { page } = await openSignIn(browser);
    const uid = /login-actions\/([\w-]+)\/authenticate/.exec(page)![1];
    const options = await browser.request(
      `${issuer}/login-actions/${uid}/registration/passkey/options`,
      { form: { displayName: '', email: 'not-an-email' } },
    );
    expect(options.status).toBe(400);
    const posted = await browser.request(`${issuer}/login-actions/${uid}/registration/passkey`, {
      form: { credential: '{"id":1}' },
    });
    expect(posted.status).toBe(400);
    expect(await posted.text()).toContain('Your passkey was not made');
  });
});
