import { createHash, randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import type { DatabaseHandle } from '@makrx/db';
import { createTestDatabase, testDrivers } from '@makrx/db/testing';
import { createMailer } from '@makrx/mailer';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createIdentityProvider, identityEnv } from '../../identity';
import { BrowserSession } from '../../testing';

/**
 * The identity provider's pages tell the browser what to trust: nobody may frame them (the
 * sign-in page is what clickjacking is after), and every inline style or script they carry is
 * named in their Content-Security-Policy by its hash, so nothing else inline could run.
 */

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy.split(';').map((directive) => {
      const [name, ...sources] = directive.trim().split(/\s+/);
      return [name!, sources];
    }),
  );
}

/** Checks one page's headers, and that its inline styles and scripts are the ones allowed. */
async function expectProtectedPage(response: Response) {
  expect(response.headers.get('content-type')).toMatch(/^text\/html/);
  expect(response.headers.get('x-frame-options')).toBe('DENY');
  expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  const policy = directives(response.headers.get('content-security-policy') ?? '');
  expect(policy.get('frame-ancestors')).toEqual(["'none'"]);
  expect(policy.get('default-src')).toEqual(["'none'"]);
  expect(policy.get('object-src')).toEqual(["'none'"]);
  expect(policy.get('script-src')).not.toContain("'unsafe-inline'");
  expect(policy.get('style-src')).not.toContain("'unsafe-inline'");
  const page = await response.text();
  expect(page).not.toMatch(/\sstyle="/);
  expect(page).not.toMatch(/\son[a-z]+="/);
  for (const [, style] of page.matchAll(/<style>([\s\S]*?)<\/style>/g)) {
    expect(policy.get('style-src')).toContain(sha256(style!));
  }
  for (const [, script] of page.matchAll(/<script>([\s\S]*?)<\/script>/g)) {
    expect(policy.get('script-src')).toContain(sha256(script!));
  }
  return page;
}

describe.each(testDrivers)('the identity provider’s pages over %s', (driver) => {
  let database: DatabaseHandle;
  let idp: FastifyInstance;
  let issuer: string;

  beforeAll(async () => {
    database = await createTestDatabase(driver);
    const mailer = createMailer({
      from: 'MakrX <no-reply@makrx.test>',
      database: database.db,
      log: { info: () => {} },
    });
    issuer = `http://localhost:${await freePort()}/realms/makrx`;
    const config = identityEnv.parse({ OIDC_ISSUER: issuer });
    const appUrls = {
      gateway: 'http://localhost:3000',
      cave: 'http://localhost:3001',
      store: 'http://localhost:3003',
    };
    idp = await createIdentityProvider(database, config, appUrls, mailer);
    await idp.listen({ host: '127.0.0.1', port: Number(new URL(issuer).port) });
  });
  afterAll(async () => {
    await idp.close();
    await database.close();
  });

  it('serves sign-in, sign-up, password reset and sign-out unframeable, running nothing inline it does not name', async () => {
    const browser = new BrowserSession();
    const origin = new URL(issuer).origin;
    const auth = new URL(`${issuer}/protocol/openid-connect/auth`);
    auth.search = new URLSearchParams({
      client_id: 'makrx-org-frontend',
      redirect_uri: 'http://localhost:3000/auth/callback',
      response_type: 'code',
      scope: 'openid',
      code_challenge: createHash('sha256').update(randomBytes(32)).digest('base64url'),
      code_challenge_method: 'S256',
      state: 'state-1',
    }).toString();
    const { response: signIn } = await browser.follow(auth.toString(), origin);
    expect(signIn?.status).toBe(200);
    const signInPage = await expectProtectedPage(signIn!);

    const signUpHref = /href="([^"]*\/registration)"/.exec(signInPage)?.[1];
    expect(signUpHref, 'the sign-up link').toBeDefined();
    await expectProtectedPage(await browser.request(new URL(signUpHref!, origin).toString()));
    await expectProtectedPage(await browser.request(`${issuer}/login-actions/reset-credentials`));
    await expectProtectedPage(await browser.request(`${issuer}/protocol/openid-connect/logout`));
  });

  it('allows the logout auto-submit by its hash, and forms to post on to the apps only', async () => {
    const response = await fetch(`${issuer}/protocol/openid-connect/logout`);
    const policy = directives(response.headers.get('content-security-policy') ?? '');
    const autoSubmit = `var f=document.getElementById('op.logoutForm');var i=document.createElement('input');i.type='hidden';i.name='logout';i.value='yes';f.appendChild(i);f.submit();`;
    // oidc-provider adds the hashes of its own inline scripts beside ours.
    expect(policy.get('script-src')).toContain(sha256(autoSubmit));
    expect(policy.get('script-src')).not.toContain("'unsafe-inline'");
    expect(policy.get('form-action')).toEqual([
      "'self'",
      'http://localhost:3000',
      'http://localhost:3001',
      'http://localhost:3003',
    ]);
  });

  it('answers its errors unframeable too', async () => {
    const response = await fetch(`${issuer}/protocol/openid-connect/auth?client_id=nobody`);
    expect(response.status).toBeGreaterThanOrEqual(400);
    await expectProtectedPage(response);
  });
});
