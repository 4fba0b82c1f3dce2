import { NextRequest } from 'next/server';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { checkSession } from './check-session';
import { cookieNames, sessionCookies } from './session-cookies';
import { refreshTokens } from './store-oidc';
import type { StoreSession } from './store-session';

vi.mock('./store-oidc', async (importOriginal) => ({
  ...(await importOriginal<object>()),
  refreshTokens: vi.fn(),
}));
const refresh = vi.mocked(refreshTokens);

/** STORE_URL's default, which the tests run with. */
const store = 'http://localhost:3003';
const browserNavigation = { 'sec-fetch-dest': 'document', 'sec-fetch-mode': 'navigate' };
const nowSeconds = () => Math.floor(Date.now() / 1000);

function session(ageSeconds: number): StoreSession {
  return {
    accessToken: 'access-0',
    refreshToken: 'refresh-0',
    idToken: 'id-0',
    issuedAt: nowSeconds() - ageSeconds,
    user: { name: 'Milo Member', email: 'member@demo.makrx.org', username: 'member', roles: [] },
  };
}

async function request(path: string, headers: Record<string, string>, held?: StoreSession) {
  const cookies = held ? await sessionCookies(held) : [];
  const cookie = [...cookies.map(({ name, value }) => `${name}=${value}`), headers.cookie]
    .filter(Boolean)
    .join('; ');
  return new NextRequest(`${store}${path}`, { headers: { ...headers, cookie } });
}

const setCookies = (response: Response) => response.headers.getSetCookie().join('\n');

afterEach(() => void refresh.mockReset());

describe('checkSession, before each store page', () => {
  it('sends a browser without a session through the provider once, to return to the same page', async () => {
    const response = await checkSession(await request('/products/x?ref=y', browserNavigation));
    expect(response.status).toBe(307);
    const location = new URL(response.headers.get('location')!);
    expect(location.pathname).toBe('/auth/login');
    expect(location.searchParams.get('prompt')).toBe('none');
    expect(location.searchParams.get('returnTo')).toBe('/products/x?ref=y');
  });

  it('lets a guest through once the provider was asked, and never bounces a script or crawler', async () => {
    const checked = { ...browserNavigation, cookie: `${cookieNames.sessionChecked}=yes` };
    for (const headers of [checked, {}, { ...browserNavigation, rsc: '1' }]) {
      const response = await checkSession(await request('/', headers));
      expect(response.headers.get('location')).toBeNull();
    }
  });

  it('leaves a session younger than a minute alone', async () => {
    const response = await checkSession(await request('/', browserNavigation, session(10)));
    expect(response.headers.get('location')).toBeNull();
    expect(refresh).not.toHaveBeenCalled();
  });

  it('refreshes a session a minute old and hands the new one to the page and the browser', async () => {
    refresh.mockResolvedValueOnce({
      access_token: 'access-1',
      refresh_token: 'refresh-1',
      token_type: 'bearer',
      claims: () => undefined,
    } as Awaited<ReturnType<typeof refreshTokens>>);
    const response = await checkSession(await request('/', browserNavigation, session(61)));
    expect(refresh).toHaveBeenCalledWith('refresh-0');
    expect(setCookies(response)).toContain(`${cookieNames.session}.0=`);
    expect(response.headers.get('x-middleware-override-headers')).toContain('cookie');
  });

  it('clears the session when the provider revoked it: signed out in another app', async () => {
    const { ResponseBodyError } = await import('openid-client');
    refresh.mockRejectedValueOnce(
      new ResponseBodyError('invalid_grant', {
        cause: { error: 'invalid_grant' },
        response: new Response(null, { status: 400 }),
      }),
    );
    const response = await checkSession(await request('/', browserNavigation, session(61)));
    expect(setCookies(response)).toMatch(new RegExp(`${cookieNames.session}\\.0=;.*Max-Age=0`));
  });

  it('keeps the session while the provider cannot be reached', async () => {
    refresh.mockRejectedValueOnce(new TypeError('fetch failed'));
    vi.spyOn(console, 'error').mockImplementationOnce(() => {});
    const response = await checkSession(await request('/', browserNavigation, session(61)));
    expect(setCookies(response)).toBe('');
  });
});
