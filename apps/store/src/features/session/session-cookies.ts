import { readStoreConfig } from '../../lib/config';
import { chunkCookie, chunkNamesIn, joinCookieChunks, type CookieEntry } from './cookie-chunks';
import { seal, unseal } from './sealed-value';
import type { StoreSession } from './store-session';

export const cookieNames = {
  session: 'makrx_store_session',
  /** Set once the store has asked the provider (prompt=none) whether someone is signed in. */
  sessionChecked: 'makrx_store_sso_checked',
  /** One per sign-in on its way, so two tabs signing in at once do not trip over each other. */
  pendingSignIn: (state: string) => `makrx_store_sign_in_${state}`,
};

export const CALLBACK_PATH = '/auth/callback';

const SESSION_PURPOSE = 'store-session';
const PENDING_PURPOSE = 'store-sign-in';
/** A refresh renews it; the provider's own session lifetime is the real limit. */
const SESSION_SEAL_SECONDS = 30 * 24 * 60 * 60;
export const PENDING_SIGN_IN_SECONDS = 10 * 60;

/** A sign-in the store sent to the provider, kept until the provider sends the browser back. */
export interface PendingSignIn {
  codeVerifier: string;
  returnTo: string;
  /** `prompt=none`: an answer of "nobody signed in" simply means a guest. */
  silent: boolean;
}

/** What the Next.js cookie APIs (request, response, `cookies()`) have in common for reading. */
export interface CookieSource {
  get(name: string): { value: string } | undefined;
  getAll(): Array<{ name: string }>;
}

export function cookieOptions(path = '/') {
  const secure = readStoreConfig().portalUrls.store.startsWith('https:');
  return { httpOnly: true, sameSite: 'lax' as const, secure, path };
}

export async function readSession(cookies: CookieSource): Promise<StoreSession | null> {
  const sealed = joinCookieChunks(cookieNames.session, (name) => cookies.get(name)?.value);
  return unseal<StoreSession>(sealed, {
    secret: readStoreConfig().sessionSecret,
    purpose: SESSION_PURPOSE,
  });
}

/** The cookies that hold `session`; chunks beyond them are for `staleSessionChunks`. */
export async function sessionCookies(session: StoreSession): Promise<CookieEntry[]> {
  const sealed = await seal(session, {
    secret: readStoreConfig().sessionSecret,
    purpose: SESSION_PURPOSE,
    expiresInSeconds: SESSION_SEAL_SECONDS,
  });
  return chunkCookie(cookieNames.session, sealed);
}

/** Session chunks the browser holds that `keep` does not write again: to be cleared. */
export function staleSessionChunks(cookies: CookieSource, keep: CookieEntry[] = []): string[] {
  const kept = new Set(keep.map((entry) => entry.name));
  const present = cookies.getAll().map((cookie) => cookie.name);
  return chunkNamesIn(cookieNames.session, present).filter((name) => !kept.has(name));
}

export function sealPendingSignIn(pending: PendingSignIn): Promise<string> {
  return seal(pending, {
    secret: readStoreConfig().sessionSecret,
    purpose: PENDING_PURPOSE,
    expiresInSeconds: PENDING_SIGN_IN_SECONDS,
  });
}

export function unsealPendingSignIn(sealed: string | undefined): Promise<PendingSignIn | null> {
  return unseal<PendingSignIn>(sealed, {
    secret: readStoreConfig().sessionSecret,
    purpose: PENDING_PURPOSE,
  });
}
