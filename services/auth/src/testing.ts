import { createHash, randomBytes } from 'node:crypto';
import { startTestIssuer, type TestIssuer } from '@makrx/auth/testing';
import type { Driver } from '@makrx/db';
import { users } from '@makrx/db/schema';
import type { PeerSettings } from '@makrx/service-kit';
import { startTestService } from '@makrx/service-kit/testing';
import { seedDemoUsers } from './modules/identity/demo-users';
import { authService } from './service';

/**
 * Test support for anything that signs in through the embedded identity provider.
 *
 * A browser as far as the sign-in flow needs one: it follows redirects by hand and keeps the
 * identity provider's cookies, so tests can drive the real pages over real HTTP.
 */
export class BrowserSession {
  /** Cookies by host, as a browser keeps them (ports share a host's cookies). */
  readonly cookies = new Map<string, Map<string, string>>();

  /** `headers` go with every request: X-Forwarded-For, say, to stand behind a proxy. */
  constructor(private readonly headers: Record<string, string> = {}) {}

  private jar(url: string): Map<string, string> {
    const host = new URL(url).hostname;
    if (!this.cookies.has(host)) this.cookies.set(host, new Map());
    return this.cookies.get(host)!;
  }

  async request(url: string, init: { method?: string; form?: Record<string, string> } = {}) {
    const send = () =>
      fetch(url, {
        method: init.method ?? (init.form ? 'POST' : 'GET'),
        redirect: 'manual',
        headers: {
          ...this.headers,
          cookie: [...this.jar(url)].map(([name, value]) => `${name}=${value}`).join('; '),
          ...(init.form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
        },
        body: init.form ? new URLSearchParams(init.form).toString() : undefined,
      });
    // Like a browser, retry once when a kept-alive connection turns out to be closed.
    const response = await send().catch(send);
    for (const header of response.headers.getSetCookie()) {
      const [pair] = header.split(';');
      const [name, ...value] = pair!.split('=');
      if (/expires=Thu, 01 Jan 1970/i.test(header)) this.jar(url).delete(name!.trim());
      else this.jar(url).set(name!.trim(), value.join('='));
    }
    return response;
  }

  /** Follows redirects until one leaves `origin` (the app's callback) or a page answers. */
  async follow(url: string, origin: string): Promise<{ url: string; response?: Response }> {
    let next = url;
    for (let hop = 0; hop < 10; hop++) {
      if (!next.startsWith(origin)) return { url: next };
      const response = await this.request(next);
      const location = response.headers.get('location');
      if (!location) return { url: next, response };
      next = new URL(location, next).toString();
    }
    throw new Error('too many redirects');
  }
}

/**
 * Signs `login` in through the real sign-in page as a public client (authorization code +
 * PKCE) and returns the access token.
 */
export async function signInForAccessToken(options: {
  issuer: string;
  clientId: string;
  redirectUri: string;
  login: string;
  password: string;
}): Promise<string> {
  const browser = new BrowserSession();
  const origin = new URL(options.issuer).origin;
  const verifier = randomBytes(32).toString('base64url');
  const challenge = createHash('sha256').update(verifier).digest('base64url');
  const authUrl = new URL(`${options.issuer}/protocol/openid-connect/auth`);
  authUrl.search = new URLSearchParams({
    client_id: options.clientId,
    redirect_uri: options.redirectUri,
    response_type: 'code',
    scope: 'openid profile email roles',
    code_challenge: challenge,
    code_challenge_method: 'S256',
  }).toString();
  const { response } = await browser.follow(authUrl.toString(), origin);
  const action = /<form method="post" action="([^"]+)"/.exec(await response!.text())?.[1];
  if (!action) throw new Error('no sign-in form');
  const posted = await browser.request(new URL(action, origin).toString(), {
    form: { username: options.login, password: options.password },
  });
  const location = posted.headers.get('location');
  if (!location) throw new Error(`sign-in refused with ${posted.status}`);
  const { url } = await browser.follow(new URL(location, origin).toString(), origin);
  const code = new URL(url).searchParams.get('code');
  const token = await fetch(`${options.issuer}/protocol/openid-connect/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      code: code ?? '',
      redirect_uri: options.redirectUri,
      client_id: options.clientId,
      code_verifier: verifier,
    }),
  });
  if (!token.ok)
    throw new Error(`token request failed with ${token.status}: ${await token.text()}`);
  return ((await token.json()) as { access_token: string }).access_token;
}

/** A client-credentials (service account) access token for a confidential client. */
export async function serviceAccessToken(
  issuer: string,
  clientId: string,
  secret: string,
): Promise<string> {
  const response = await fetch(`${issuer}/protocol/openid-connect/token`, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      authorization: `Basic ${Buffer.from(`${clientId}:${secret}`).toString('base64')}`,
    },
    body: new URLSearchParams({ grant_type: 'client_credentials' }),
  });
  if (!response.ok)
    throw new Error(`client credentials failed with ${response.status}: ${await response.text()}`);
  return ((await response.json()) as { access_token: string }).access_token;
}

/**
 * The auth service in-process over a fresh database with the demo users, and a test issuer
 * whose tokens it accepts: `tokenFor('superadmin', ['super_admin'])` signs as that user.
 */
export async function startAuthServiceWithDemoUsers(
  driver: Driver,
  {
    env,
    issuer: given,
    peers,
  }: {
    env?: Record<string, string>;
    /** An issuer the test started (and closes) itself, to share with another service. */
    issuer?: TestIssuer;
    /** How it reaches the other services; without, its calls to them fail. */
    peers?: PeerSettings;
  } = {},
) {
  const issuer = given ?? (await startTestIssuer());
  const auth = await startTestService(authService, driver, { issuer: issuer.issuer, env, peers });
  await seedDemoUsers(auth.app.db, 'makrx-demo');
  const ids: Record<string, string> = {};
  for (const row of await auth.app.db
    .select({ id: users.id, username: users.username })
    .from(users)) {
    ids[row.username] = row.id;
  }
  return {
    auth,
    issuer,
    ids,
    tokenFor: (username: string, realmRoles: string[]) =>
      issuer.userToken({ id: ids[username]!, username, realmRoles }),
    close: async () => {
      await auth.close();
      if (!given) await issuer.close();
    },
  };
}
export { SoftwareAuthenticator } from './modules/identity/software-authenticator';
