import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BrowserSession, type PageLocation } from './browser-session';
import { MemoryStorage } from './memory-storage.test-support';
import { OidcError, type IssuedTokens, type OidcClient } from './oidc-client';
import { SessionStore, type StoredTokens } from './session-store';

const origin = 'http://localhost:3001';
const jwt = (claims: object) =>
  `e30.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.signature`;

function issued(serial: number): IssuedTokens {
  return {
    accessToken: jwt({ serial, realm_access: { roles: ['store_customer'] } }),
    refreshToken: `refresh-${serial}`,
    idToken: `id-${serial}`,
    expiresInSeconds: 300,
    idTokenClaims: {
      name: 'Milo Member',
      email: 'member@demo.makrx.org',
      preferred_username: 'member',
    },
  };
}

const held: StoredTokens = {
  accessToken: 'access-0',
  refreshToken: 'refresh-0',
  idToken: 'id-0',
  expiresAt: Date.now() + 120_000,
  user: { name: 'Milo Member', email: 'member@demo.makrx.org', username: 'member', roles: [] },
};

function setup(path = '/makerspaces/northside-fab-lab?tab=machines') {
  const oidc = {
    authorizationUrl: vi.fn(async ({ state, silent }: { state: string; silent: boolean }) => {
      const url = new URL('http://idp.test/auth');
      url.searchParams.set('state', state);
      if (silent) url.searchParams.set('prompt', 'none');
      return url;
    }),
    exchangeCode: vi.fn(async () => issued(1)),
    refresh: vi.fn(async () => issued(2)),
    endSessionUrl: vi.fn(async ({ idTokenHint }: { idTokenHint?: string }) => {
      return new URL(`http://idp.test/logout?id_token_hint=${idTokenHint}`);
    }),
  } satisfies OidcClient;
  let currentPath = path;
  const page = {
    origin,
    get path() {
      return currentPath;
    },
    set path(next: string) {
      currentPath = next;
    },
    current: () => currentPath,
    assign: vi.fn<(url: string) => void>(),
    replace: vi.fn<(url: string) => void>(),
  } satisfies PageLocation & { path: string };
  const storage = new MemoryStorage();
  const store = new SessionStore(storage);
  const session = () => new BrowserSession(oidc, store, page);
  return { oidc, page, store, session };
}

/** What the provider sends back to /auth/callback for the sign-in the session started. */
function callbackFor(redirect: string, result = 'code=abc') {
  const state = new URL(redirect).searchParams.get('state');
  return `${origin}/auth/callback?${result}&state=${state}`;
}

describe('BrowserSession', () => {
  beforeEach(() => void vi.useFakeTimers());
  afterEach(() => void vi.useRealTimers());

  it('asks the provider once per tab, without a prompt, whether someone is signed in', async () => {
    const { page, session } = setup();
    expect(await session().start()).toBe('redirecting');
    expect(page.replace).toHaveBeenCalledOnce();
    expect(new URL(page.replace.mock.calls[0]![0]).searchParams.get('prompt')).toBe('none');

    page.path = '/';
    const again = session();
    expect(await again.start()).toBe('render');
    expect(again.getState()).toEqual({ status: 'signed-out' });
    expect(page.replace).toHaveBeenCalledOnce();
  });

  it('comes back from a prompt=none with no session as a guest, on the page it left', async () => {
    const { oidc, page, session } = setup();
    await session().start();
    oidc.exchangeCode.mockRejectedValueOnce(new OidcError('login_required', 'login_required'));
    page.path = '/auth/callback';
    const back = session();
    expect(await back.start()).toBe('render');
    const callback = callbackFor(page.replace.mock.calls[0]![0], 'error=login_required');
    expect(await back.completeSignIn(callback)).toBe('/makerspaces/northside-fab-lab?tab=machines');
    expect(back.getState()).toEqual({ status: 'signed-out' });
  });

  it('signs in with the code the provider returns, once however often it is asked', async () => {
    const { oidc, page, store, session } = setup();
    await session().signIn('/makers/ada');
    expect(page.assign).toHaveBeenCalledOnce();
    const back = session();
    const callback = callbackFor(page.assign.mock.calls[0]![0]);
    const [first, second] = await Promise.all([
      back.completeSignIn(callback),
      back.completeSignIn(callback),
    ]);
    expect([first, second]).toEqual(['/makers/ada', '/makers/ada']);
    expect(oidc.exchangeCode).toHaveBeenCalledOnce();
    expect(back.getState()).toMatchObject({
      status: 'signed-in',
      user: { name: 'Milo Member', roles: ['store_customer'] },
    });
    expect(store.readTokens()?.refreshToken).toBe('refresh-1');
  });

  it('refuses a callback it did not start', async () => {
    const { oidc, session } = setup();
    const stranger = session();
    await expect(stranger.completeSignIn(`${origin}/auth/callback?code=x&state=y`)).rejects.toThrow(
      OidcError,
    );
    expect(oidc.exchangeCode).not.toHaveBeenCalled();
    expect(stranger.getState()).toEqual({ status: 'signed-out' });
  });

  it('returns only to a path on this app', async () => {
    const { page, store, session } = setup();
    await session().signIn('https://evil.example/phish');
    expect(store.takePendingSignIn()?.returnTo).toBe('/');
    expect(page.assign).toHaveBeenCalledOnce();
  });

  it('on load with tokens, rotates them to learn the provider session still lives', async () => {
    const { oidc, store, session } = setup();
    store.writeTokens(held);
    const tab = session();
    expect(await tab.start()).toBe('render');
    await vi.waitFor(() => expect(tab.getState().status).toBe('signed-in'));
    expect(oidc.refresh).toHaveBeenCalledWith('refresh-0');
    expect(store.readTokens()?.refreshToken).toBe('refresh-2');
  });

  it('shows signed out when the refresh token was revoked by a sign-out elsewhere', async () => {
    const { oidc, page, store, session } = setup();
    store.writeTokens(held);
    oidc.refresh.mockRejectedValueOnce(new OidcError('invalid_grant', 'grant revoked'));
    const tab = session();
    await tab.start();
    await vi.waitFor(() => expect(tab.getState()).toEqual({ status: 'signed-out' }));
    expect(store.readTokens()).toBeNull();
    expect(page.replace).not.toHaveBeenCalled();
  });

  it('stays signed in on what it holds while the provider cannot be reached', async () => {
    const { oidc, store, session } = setup();
    store.writeTokens(held);
    oidc.refresh.mockRejectedValueOnce(new OidcError('unavailable', 'down'));
    const tab = session();
    await tab.start();
    await vi.waitFor(() => expect(tab.getState().status).toBe('signed-in'));
    expect(store.readTokens()).toEqual(held);
  });

  it('refreshes quietly a minute before the access token expires', async () => {
    const { oidc, page, session } = setup();
    await session().signIn('/');
    const tab = session();
    await tab.completeSignIn(callbackFor(page.assign.mock.calls[0]![0]));
    await vi.advanceTimersByTimeAsync(239_000);
    expect(oidc.refresh).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1_000);
    expect(oidc.refresh).toHaveBeenCalledWith('refresh-1');
  });

  it('signs out by forgetting the tokens and ending the provider session', async () => {
    const { page, store, session } = setup();
    store.writeTokens(held);
    const tab = session();
    await tab.signOut();
    expect(store.readTokens()).toBeNull();
    expect(tab.getState()).toEqual({ status: 'signed-out' });
    expect(page.assign).toHaveBeenCalledWith('http://idp.test/logout?id_token_hint=id-0');
  });

  it('shows the app to a guest when the provider is down at load', async () => {
    const { oidc, session } = setup();
    oidc.authorizationUrl.mockRejectedValueOnce(new OidcError('unavailable', 'down'));
    const tab = session();
    expect(await tab.start()).toBe('render');
    expect(tab.getState()).toEqual({ status: 'signed-out' });
  });
});
