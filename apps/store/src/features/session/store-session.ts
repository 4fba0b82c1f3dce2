import { sessionUserOf, type SessionUser } from '@makrx/contracts/session-user';
import type { JWTPayload } from 'jose';

/** Who is signed in, as the store shows them. */
export type StoreUser = SessionUser;

/** What the session cookie holds: the tokens, and who they belong to. */
export interface StoreSession {
  accessToken: string;
  refreshToken: string;
  /** Sent back to the provider as `id_token_hint` when signing out. */
  idToken: string;
  /** When the tokens were issued, in seconds since the epoch. */
  issuedAt: number;
  user: StoreUser;
}

/** A token response as openid-client returns it. */
export interface IssuedTokens {
  access_token: string;
  refresh_token?: string;
  id_token?: string;
  claims(): JWTPayload | undefined;
}

/**
 * Past this age at a page load the tokens are refreshed, so a sign-out in another app shows
 * here within a minute (spec section 6, "SSO Behavior Across Domains").
 */
export const SESSION_CHECK_SECONDS = 60;

/** The profile from the ID token; the realm roles from the access token, where Keycloak puts them. */
export const storeUserOf = (idClaims: JWTPayload, accessToken: string): StoreUser =>
  sessionUserOf(idClaims, accessToken);

/** The session for freshly issued tokens; a refresh may leave out the ID or refresh token. */
export function sessionFromTokens(
  tokens: IssuedTokens,
  nowSeconds: number,
  previous?: StoreSession,
): StoreSession {
  const refreshToken = tokens.refresh_token ?? previous?.refreshToken;
  const idToken = tokens.id_token ?? previous?.idToken;
  if (!refreshToken || !idToken) {
    throw new Error('The identity provider issued no refresh token or no ID token.');
  }
  const idClaims = tokens.id_token ? (tokens.claims() ?? {}) : undefined;
  return {
    accessToken: tokens.access_token,
    refreshToken,
    idToken,
    issuedAt: nowSeconds,
    user: idClaims
      ? storeUserOf(idClaims, tokens.access_token)
      : (previous?.user ?? storeUserOf({}, tokens.access_token)),
  };
}

export function isDueForCheck(session: StoreSession, nowSeconds: number): boolean {
  return nowSeconds - session.issuedAt >= SESSION_CHECK_SECONDS;
}
