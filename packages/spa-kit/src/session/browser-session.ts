import { safeReturnTo } from '@makrx/ui';
import { generateRandomCodeVerifier, generateRandomState } from 'oauth4webapi';
import { OidcError, type IssuedTokens, type OidcClient } from './oidc-client';
import type { SessionStore, StoredTokens } from './session-store';
import { sessionUserOf, type SessionUser } from '@makrx/contracts/session-user';

export type SessionState =
  { status: 'loading' } | { status: 'signed-in'; user: SessionUser } | { status: 'signed-out' };

/** The page's address and the two ways of leaving it, so tests can stand in for `window`. */
export interface PageLocation {
  origin: string;
  /** Path, query and fragment of the page now shown. */
  current(): string;
  assign(url: string): void;
  replace(url: string): void;
}

export const CALLBACK_PATH = '/auth/callback';
export const SIGNED_OUT_PATH = '/auth/signed-out';

/** Refresh this long before the access token expires, so calls never carry a dead one. */
const REFRESH_AHEAD_MS = 60_000;
/** When the provider cannot be reached, try again after this long. */
const RETRY_MS = 30_000;

/**
 * One tab's sign-in with the MakrX identity provider (spec section 6, "SSO Behavior Across
 * Domains"). On load it learns whether the provider's session still lives: by refreshing the
 * tokens it holds, or, holding none, by one `prompt=none` round trip per tab session.
 */
export class BrowserSession {
  private state: SessionState = { status: 'loading' };
  private readonly listeners = new Set<() => void>();
  private refreshing: Promise<StoredTokens | null> | undefined;
  private completing: { url: string; returnTo: Promise<string> } | undefined;
  private refreshTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly oidc: OidcClient,
    private readonly store: SessionStore,
    private readonly page: PageLocation,
    private readonly now: () => number = Date.now,
  ) {}

  getState = (): SessionState => this.state;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Settles the session before the first render; 'redirecting' means render nothing. */
  async start(): Promise<'render' | 'redirecting'> {
    const path = new URL(this.page.current(), this.page.origin).pathname;
    if (path === CALLBACK_PATH) return 'render';
    if (path === SIGNED_OUT_PATH) {
      this.store.clearTokens();
      this.setState({ status: 'signed-out' });
      return 'render';
    }
    if (this.store.readTokens()) {
      void this.refresh();
      return 'render';
    }
    if (!this.store.hasTriedSilentSignIn()) {
      this.store.markSilentSignInTried();
      try {
        await this.redirectToProvider(this.page.current(), true);
        return 'redirecting';
      } catch {
        // The provider is down: show the app to a guest rather than nothing.
      }
    }
    this.setState({ status: 'signed-out' });
    return 'render';
  }

  /**
   * Sends the browser to the provider's sign-in page; it comes back to `returnTo`. `invite`
   * is a makerspace invite's token: the provider then offers sign-up for the invited address
   * without a second confirmation mail.
   */
  signIn = async (
    returnTo: string = this.page.current(),
    options: { invite?: string } = {},
  ): Promise<void> => {
    await this.redirectToProvider(returnTo, false, options.invite);
  };

  /** Forgets this tab's tokens and ends the provider's session, which signs out every app. */
  signOut = async (): Promise<void> => {
    const idToken = this.store.readTokens()?.idToken;
    this.store.clearTokens();
    this.store.markSilentSignInTried();
    this.stopRefreshing();
    this.setState({ status: 'signed-out' });
    const signedOut = `${this.page.origin}${SIGNED_OUT_PATH}`;
    try {
      const url = await this.oidc.endSessionUrl({
        idTokenHint: idToken,
        postLogoutRedirectUri: signedOut,
      });
      this.page.assign(url.toString());
    } catch {
      this.page.assign(signedOut);
    }
  };

  /**
   * Finishes the sign-in the provider sent back to /auth/callback and answers where to go
   * next. Asked twice for the same URL (React's strict mode), it answers once.
   */
  completeSignIn(callbackUrl: string): Promise<string> {
    if (this.completing?.url !== callbackUrl) {
      this.completing = { url: callbackUrl, returnTo: this.exchange(callbackUrl) };
    }
    return this.completing.returnTo;
  }

  /** A current access token, refreshed first when it is about to expire; null for a guest. */
  accessToken = async (): Promise<string | null> => {
    const tokens = this.store.readTokens();
    if (!tokens) return null;
    if (tokens.expiresAt - this.now() > REFRESH_AHEAD_MS / 2) return tokens.accessToken;
    return (await this.refresh())?.accessToken ?? null;
  };

  /** Refreshes now if the access token is due; for a tab coming back from the background. */
  refreshIfDue = (): void => {
    const tokens = this.store.readTokens();
    if (tokens && tokens.expiresAt - this.now() <= REFRESH_AHEAD_MS) void this.refresh();
  };

  stopRefreshing(): void {
    clearTimeout(this.refreshTimer);
    this.refreshTimer = undefined;
  }

  /** Rotates the refresh token; one request at a time, however many callers ask. */
  refresh(): Promise<StoredTokens | null> {
    this.refreshing ??= this.rotate().finally(() => {
      this.refreshing = undefined;
    });
    return this.refreshing;
  }

  private async rotate(): Promise<StoredTokens | null> {
    const held = this.store.readTokens();
    if (!held) {
      this.setState({ status: 'signed-out' });
      return null;
    }
    try {
      return this.keep(await this.oidc.refresh(held.refreshToken), held);
    } catch (error) {
      const unreachable = !(error instanceof OidcError) || error.code === 'unavailable';
      if (!unreachable) {
        // invalid_grant: signed out here or in another app; anything else will not heal either.
        this.store.clearTokens();
        this.stopRefreshing();
        this.setState({ status: 'signed-out' });
        return null;
      }
      // The provider may be restarting: keep what we hold and try again soon.
      if (this.state.status === 'loading') this.setState({ status: 'signed-in', user: held.user });
      this.schedule(RETRY_MS);
      return held;
    }
  }

  private async exchange(callbackUrl: string): Promise<string> {
    const pending = this.store.takePendingSignIn();
    if (!pending) {
      if (this.store.readTokens()) {
        void this.refresh();
        return '/';
      }
      this.setState({ status: 'signed-out' });
      throw new OidcError('rejected', 'This sign-in has expired or was already used.');
    }
    try {
      const issued = await this.oidc.exchangeCode(new URL(callbackUrl), pending);
      this.keep(issued);
    } catch (error) {
      this.setState({ status: 'signed-out' });
      if (pending.silent && error instanceof OidcError && error.code === 'login_required') {
        return pending.returnTo;
      }
      throw error;
    }
    return pending.returnTo;
  }

  private keep(issued: IssuedTokens, previous?: StoredTokens): StoredTokens {
    const idToken = issued.idToken ?? previous?.idToken;
    if (!idToken) throw new OidcError('rejected', 'The provider issued no ID token.');
    const tokens: StoredTokens = {
      accessToken: issued.accessToken,
      refreshToken: issued.refreshToken,
      idToken,
      expiresAt: this.now() + issued.expiresInSeconds * 1000,
      user: issued.idToken
        ? sessionUserOf(issued.idTokenClaims, issued.accessToken)
        : (previous?.user ?? sessionUserOf({}, issued.accessToken)),
    };
    this.store.writeTokens(tokens);
    this.setState({ status: 'signed-in', user: tokens.user });
    this.schedule(tokens.expiresAt - this.now() - REFRESH_AHEAD_MS);
    return tokens;
  }

  private async redirectToProvider(
    returnTo: string,
    silent: boolean,
    invite?: string,
  ): Promise<void> {
    const state = generateRandomState();
    const codeVerifier = generateRandomCodeVerifier();
    const url = await this.oidc.authorizationUrl({
      state,
      codeVerifier,
      silent,
      ...(invite ? { invite } : {}),
    });
    this.store.savePendingSignIn({
      state,
      codeVerifier,
      returnTo: safeReturnTo(returnTo, this.page.origin),
      silent,
    });
    // A silent check replaces the page in history, so Back does not bounce through it.
    if (silent) this.page.replace(url.toString());
    else this.page.assign(url.toString());
  }

  private schedule(delayMs: number): void {
    this.stopRefreshing();
    this.refreshTimer = setTimeout(() => void this.refresh(), Math.max(delayMs, 5_000));
  }

  private setState(state: SessionState): void {
    this.state = state;
    for (const listener of this.listeners) listener();
  }
}
