import { createHash, randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import type { DatabaseHandle } from '@makrx/db';
import { users } from '@makrx/db/schema';
import { createTestDatabase, testDrivers } from '@makrx/db/testing';
import { createMailer, type Mailer } from '@makrx/mailer';
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { decodeJwt } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createIdentityProvider, identityEnv, seedDemoUsers } from '../../identity';
import { BrowserSession } from '../../testing';
import { createAccountWithPassword } from './accounts';
import { lockAccount } from './service';

const PASSWORD = 'makrx-demo';
const APP = 'http://localhost:3000';
const appUrls = { gateway: APP, cave: APP, store: APP };

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** A browser whose requests reach us through a proxy on the loopback, from `address`. */
const browserAt = (address: string) => new BrowserSession({ 'x-forwarded-for': address });

async function startIdentityProvider(driver: 'pglite' | 'postgres', env: Record<string, string>) {
  const database = await createTestDatabase(driver);
  await seedDemoUsers(database.db, PASSWORD);
  const mailer = createMailer({
    from: 'MakrX <no-reply@makrx.test>',
    database: database.db,
    log: { info: () => {} },
  });
  const issuer = `http://localhost:${await freePort()}/realms/makrx`;
  const idp = await createIdentityProvider(
    database,
    identityEnv.parse({ OIDC_ISSUER: issuer, ...env }),
    appUrls,
    mailer,
  );
  await idp.listen({ host: '127.0.0.1', port: Number(new URL(issuer).port) });
  return { database, mailer, issuer, idp };
}

const form = (issuer: string, path: string, fields: Record<string, string>, from?: string) =>
  fetch(`${issuer}/login-actions/${path}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      ...(from ? { 'x-forwarded-for': from } : {}),
    },
    body: new URLSearchParams(fields),
  });

describe('rate limits key on the real client', () => {
  const servers: { idp: FastifyInstance; database: DatabaseHandle }[] = [];
  afterAll(async () => {
    for (const { idp, database } of servers) {
      await idp.close();
      await database.close();
    }
  });

  const resetsFromChangingAddresses = async (issuer: string, count: number) => {
    const statuses: number[] = [];
    for (let i = 0; i < count; i++) {
      const forged = `203.0.113.${i + 1}`;
      statuses.push(
        (await form(issuer, 'reset-credentials', { email: 'someone@example.org' }, forged)).status,
      );
    }
    return statuses;
  };

  it('answers 429 to a client that writes a new X-Forwarded-For on every request', async () => {
    const started = await startIdentityProvider('pglite', { LOGIN_RATE_LIMIT_PER_MINUTE: '3' });
    servers.push(started);
    expect(await resetsFromChangingAddresses(started.issuer, 4)).toEqual([200, 200, 200, 429]);
  });

  it('believes X-Forwarded-For from a proxy named in TRUSTED_PROXIES', async () => {
    const started = await startIdentityProvider('pglite', {
      LOGIN_RATE_LIMIT_PER_MINUTE: '3',
      TRUSTED_PROXIES: '127.0.0.1/8,::1',
    });
    servers.push(started);
    expect(await resetsFromChangingAddresses(started.issuer, 4)).toEqual([200, 200, 200, 200]);
  });

  it('mails one address a handful of reset links an hour, however many addresses ask', async () => {
    const started = await startIdentityProvider('pglite', { TRUSTED_PROXIES: 'loopback' });
    servers.push(started);
    const statuses: number[] = [];
    for (let i = 0; i < 40; i++) {
      const response = await form(
        started.issuer,
        'reset-credentials',
        { email: 'member@demo.makrx.org' },
        `198.51.100.${i + 1}`,
      );
      statuses.push(response.status);
    }
    expect(new Set(statuses)).toEqual(new Set([200]));
    const mails = await started.mailer.listDevMail({ to: 'member@demo.makrx.org', limit: 100 });
    expect(mails.filter((mail) => mail.kind === 'password-reset')).toHaveLength(5);
  });
});

describe.each(testDrivers)('sign-in protection over %s', (driver) => {
  let database: DatabaseHandle;
  let mailer: Mailer;
  let issuer: string;
  let idp: FastifyInstance;

  beforeAll(async () => {
    ({ database, mailer, issuer, idp } = await startIdentityProvider(driver, {
      TRUSTED_PROXIES: 'loopback',
    }));
  });
  afterAll(async () => {
    await idp.close();
    await database.close();
  });

  const userId = async (email: string) => {
    const [user] = await database.db
      .select({ id: users.id })
      .from(users)
      .where(sql`lower(${users.email}) = lower(${email})`);
    return user?.id;
  };

  /** The sign-in page of a fresh authorization request, or the app's callback with a code. */
  async function authorize(browser: BrowserSession) {
    const verifier = randomBytes(32).toString('base64url');
    const authUrl = new URL(`${issuer}/protocol/openid-connect/auth`);
    authUrl.search = new URLSearchParams({
      client_id: 'makrx-org-frontend',
      redirect_uri: `${APP}/auth/callback`,
      response_type: 'code',
      scope: 'openid profile email roles',
      code_challenge: createHash('sha256').update(verifier).digest('base64url'),
      code_challenge_method: 'S256',
    }).toString();
    const { url, response } = await browser.follow(authUrl.toString(), new URL(issuer).origin);
    return { url, page: response && (await response.text()), verifier };
  }

  const tokenRequest = (fields: Record<string, string>) =>
    fetch(`${issuer}/protocol/openid-connect/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ client_id: 'makrx-org-frontend', ...fields }),
    });

  /** Signs in through the real pages: the tokens, or the status and page of the refusal. */
  async function signIn(browser: BrowserSession, login: string, password = PASSWORD) {
    const origin = new URL(issuer).origin;
    const { page, verifier } = await authorize(browser);
    const action = /<form method="post" action="([^"]+)"/.exec(page ?? '')?.[1];
    if (!action) throw new Error('no sign-in form');
    const posted = await browser.request(new URL(action, origin).toString(), {
      form: { username: login, password },
    });
    const location = posted.headers.get('location');
    if (!location) return { status: posted.status, page: await posted.text() };
    const { url } = await browser.follow(new URL(location, origin).toString(), origin);
    const token = await tokenRequest({
      grant_type: 'authorization_code',
      code: new URL(url).searchParams.get('code') ?? '',
      redirect_uri: `${APP}/auth/callback`,
      code_verifier: verifier,
    });
    const tokens = (await token.json()) as {
      access_token: string;
      id_token: string;
      refresh_token: string;
    };
    return { status: token.status, page: '', tokens };
  }

  const refresh = (refreshToken: string) =>
    tokenRequest({ grant_type: 'refresh_token', refresh_token: refreshToken });

  async function resetPassword(email: string, password: string) {
    expect((await form(issuer, 'reset-credentials', { email })).status).toBe(200);
    const [mail] = await mailer.listDevMail({ to: email, limit: 1 });
    const key = /reset-password\?key=([\w-]+)/.exec(mail!.text)![1]!;
    return form(issuer, 'reset-password', { key, password });
  }

  it('locks out only the address that guesses: the owner signs in from theirs', async () => {
    const attacker = () => browserAt('203.0.113.66');
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 5; attempt++) {
      statuses.push(
        (await signIn(attacker(), 'provider@demo.makrx.org', `guess-${attempt}`)).status,
      );
    }
    expect(statuses).toEqual([401, 401, 401, 401, 423]);
    expect((await signIn(attacker(), 'provider@demo.makrx.org')).status).toBe(423);

    const owner = await signIn(browserAt('198.51.100.7'), 'provider@demo.makrx.org');
    expect(owner.status).toBe(200);
    expect(decodeJwt(owner.tokens!.access_token).email).toBe('provider@demo.makrx.org');
  });

  it('slows the whole account down once many addresses have guessed wrong', async () => {
    const email = `spread-out-${driver}@example.org`;
    await createAccountWithPassword(database.db, {
      email,
      username: `spread-out-${driver}`,
      displayName: 'Spread Out',
      password: PASSWORD,
      emailVerified: true,
    });
    const statuses = new Set<number>();
    for (let address = 1; address <= 5; address++) {
      for (let attempt = 0; attempt < 4; attempt++) {
        statuses.add((await signIn(browserAt(`192.0.2.${address}`), email, 'guess')).status);
      }
    }
    expect(statuses).toEqual(new Set([401]));
    const slowed = await signIn(browserAt('192.0.2.200'), email);
    expect(slowed.status).toBe(429);
    expect(slowed.page).toContain('too many failed sign-ins');
  });

  it('forgets an address’s wrong passwords once its owner signs in', async () => {
    const home = () => browserAt('198.51.100.8');
    for (let attempt = 0; attempt < 4; attempt++) {
      expect((await signIn(home(), 'spaceadmin@demo.makrx.org', 'typo')).status).toBe(401);
    }
    expect((await signIn(home(), 'spaceadmin@demo.makrx.org')).status).toBe(200);
    for (let attempt = 0; attempt < 4; attempt++) {
      expect((await signIn(home(), 'spaceadmin@demo.makrx.org', 'typo')).status).toBe(401);
    }
    expect((await signIn(home(), 'spaceadmin@demo.makrx.org')).status).toBe(200);
  });

  it('keeps an admin’s lock through a password reset', async () => {
    const email = 'member@demo.makrx.org';
    await lockAccount(
      database.db,
      (await userId(email))!,
      (await userId('superadmin@demo.makrx.org'))!,
    );
    expect((await resetPassword(email, 'a-new-password-after-lock')).status).toBe(200);
    const refused = await signIn(browserAt('198.51.100.9'), email, 'a-new-password-after-lock');
    expect(refused.status).toBe(423);
    expect(refused.page).toContain('locked by an administrator');
  });

  it('ends every other session and refresh token of the account when its password is reset', async () => {
    const email = 'customer@demo.makrx.org';
    const otherBrowser = browserAt('198.51.100.10');
    const before = await signIn(otherBrowser, email);
    expect(before.status).toBe(200);
    expect((await authorize(otherBrowser)).url).toContain(`${APP}/auth/callback?code=`);

    expect((await resetPassword(email, 'reset-by-the-owner')).status).toBe(200);

    const refreshed = await refresh(before.tokens!.refresh_token);
    expect(refreshed.status).toBe(400);
    expect(await refreshed.json()).toMatchObject({ error: 'invalid_grant' });
    const again = await authorize(otherBrowser);
    expect(again.page).toContain('<h1>Sign in</h1>');
    expect((await signIn(browserAt('198.51.100.10'), email, 'reset-by-the-owner')).status).toBe(
      200,
    );
  });

  it('answers sign-up with a registered email exactly as with a new one, and mails the owner', async () => {
    const signUp = async (email: string) => {
      const browser = new BrowserSession();
      const { page } = await authorize(browser);
      const signUpHref = /href="([^"]+\/registration)"/.exec(page!)![1]!;
      const origin = new URL(issuer).origin;
      const formPage = await (await browser.request(new URL(signUpHref, origin).toString())).text();
      const action = /<form method="post" action="([^"]+)"/.exec(formPage)![1]!;
      const response = await browser.request(new URL(action, origin).toString(), {
        form: { displayName: 'Someone Else', email, password: 'attacker-chosen-password' },
      });
      return { status: response.status, page: (await response.text()).replace(email, 'EMAIL') };
    };
    const fresh = await signUp(`newcomer-${driver}@example.org`);
    const existing = await signUp('ADMIN@demo.makrx.org');
    expect(existing).toEqual(fresh);
    expect(fresh.status).toBe(200);

    const [mail] = await mailer.listDevMail({ to: 'admin@demo.makrx.org', limit: 1 });
    expect(mail).toMatchObject({
      kind: 'account-exists',
      subject: 'You already have a MakrX account',
    });
    const admins = await database.db
      .select({ id: users.id })
      .from(users)
      .where(sql`lower(${users.email}) = 'admin@demo.makrx.org'`);
    expect(admins).toHaveLength(1);
    expect((await signIn(new BrowserSession(), 'admin@demo.makrx.org')).status).toBe(200);
    expect(
      (await signIn(new BrowserSession(), 'admin@demo.makrx.org', 'attacker-chosen-password'))
        .status,
    ).toBe(401);
  });

  it('answers a reset request the same whether or not the email has an account', async () => {
    const known = await form(issuer, 'reset-credentials', { email: 'superadmin@demo.makrx.org' });
    const unknown = await form(issuer, 'reset-credentials', {
      email: 'nobody-here@demo.makrx.org',
    });
    expect(known.status).toBe(unknown.status);
    expect((await known.text()).replace('superadmin', 'X')).toBe(
      (await unknown.text()).replace('nobody-here', 'X'),
    );
  });

  it('asks before signing a browser out with an ID token from another session, which survives', async () => {
    const someoneElse = await signIn(new BrowserSession(), 'superadmin@demo.makrx.org');
    const victim = new BrowserSession();
    const own = await signIn(victim, 'spaceadmin@demo.makrx.org');
    const logout = (idToken: string) =>
      victim.request(
        `${issuer}/protocol/openid-connect/logout?${new URLSearchParams({ id_token_hint: idToken })}`,
      );

    const foreign = await logout(someoneElse.tokens!.id_token);
    expect(foreign.status).toBe(200);
    const page = await foreign.text();
    expect(page).toContain('Sign out of MakrX?');
    expect(page).not.toContain('f.submit()');
    expect((await authorize(victim)).url).toContain(`${APP}/auth/callback?code=`);
    expect((await refresh(own.tokens!.refresh_token)).status).toBe(200);

    const ownPage = await (await logout(own.tokens!.id_token)).text();
    expect(ownPage).toContain('f.submit()');
  });
});
