import * as client from 'openid-client';
import { readStoreConfig } from '../../lib/config';

/** The store's client at the identity provider (spec section 7, "Keycloak → Clients"). */
export const STORE_CLIENT_ID = 'makrx-store-frontend';
const SCOPE = 'openid profile email roles';
const NO_SESSION_ERRORS = new Set([
  'login_required',
  'interaction_required',
  'consent_required',
  'account_selection_required',
]);

let discovered: Promise<client.Configuration> | undefined;

/** The provider's metadata, fetched once per server process; again after a failure. */
function provider(): Promise<client.Configuration> {
  const { oidcIssuer } = readStoreConfig();
  discovered ??= client
    .discovery(new URL(oidcIssuer), STORE_CLIENT_ID, undefined, client.None(), {
      // The embedded provider in development speaks plain HTTP; production issuers are HTTPS.
      execute: oidcIssuer.startsWith('http:') ? [client.allowInsecureRequests] : [],
      timeout: 8,
    })
    .catch((error: unknown) => {
      discovered = undefined;
      throw error;
    });
  return discovered;
}

export const callbackUrl = (search = '') =>
  new URL(`/auth/callback${search}`, readStoreConfig().portalUrls.store);

export async function authorizationUrl(request: {
  state: string;
  codeVerifier: string;
  silent: boolean;
  /** Open the provider's sign-up form first, with this email filled in (a guest's). */
  signUpAs?: string;
}): Promise<URL> {
  return client.buildAuthorizationUrl(await provider(), {
    redirect_uri: callbackUrl().href,
    scope: SCOPE,
    code_challenge: await client.calculatePKCECodeChallenge(request.codeVerifier),
    code_challenge_method: 'S256',
    state: request.state,
    ...(request.silent ? { prompt: 'none' } : {}),
    ...(request.signUpAs !== undefined
      ? { screen_hint: 'signup', ...(request.signUpAs ? { login_hint: request.signUpAs } : {}) }
      : {}),
  });
}

/** Trades the code at /auth/callback for tokens; `search` is the callback's query string. */
export async function exchangeCode(
  search: string,
  expected: { state: string; codeVerifier: string },
) {
  return client.authorizationCodeGrant(await provider(), callbackUrl(search), {
    pkceCodeVerifier: expected.codeVerifier,
    expectedState: expected.state,
    idTokenExpected: true,
  });
}

export async function refreshTokens(refreshToken: string) {
  return client.refreshTokenGrant(await provider(), refreshToken);
}

export async function endSessionUrl(idTokenHint: string, postLogoutRedirectUri: string) {
  return client.buildEndSessionUrl(await provider(), {
    id_token_hint: idTokenHint,
    post_logout_redirect_uri: postLogoutRedirectUri,
  });
}

/** The provider answered a `prompt=none` with "nobody is signed in here". */
export const isNoSessionAtProvider = (error: unknown) =>
  error instanceof client.AuthorizationResponseError && NO_SESSION_ERRORS.has(error.error);

/**
 * The provider answered and will not honour the refresh token: `invalid_grant` after a sign-out
 * here or in another app, or any other OAuth error, which retrying will not heal either.
 */
export const isRefusedByProvider = (error: unknown) => error instanceof client.ResponseBodyError;

export const randomState = client.randomState;
export const randomCodeVerifier = client.randomPKCECodeVerifier;
