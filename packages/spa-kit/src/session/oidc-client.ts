import * as oauth from 'oauth4webapi';

/** Why talking to the identity provider failed, in the terms the session acts on. */
export type OidcErrorCode =
  /** `prompt=none` found no session at the provider: the visitor is a guest. */
  | 'login_required'
  /** The refresh token is no longer honoured: signed out, here or in another app. */
  | 'invalid_grant'
  /** The provider refused the sign-in for another reason (denied, expired, bad state). */
  | 'rejected'
  /** The provider could not be reached. */
  | 'unavailable';

export class OidcError extends Error {
  constructor(
    readonly code: OidcErrorCode,
    message: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
    this.name = 'OidcError';
  }
}

export interface IssuedTokens {
  accessToken: string;
  refreshToken: string;
  /** Absent when a refresh response carries no new ID token; keep the previous one then. */
  idToken?: string;
  expiresInSeconds: number;
  idTokenClaims: Record<string, unknown>;
}

export interface OidcClient {
  authorizationUrl(request: {
    state: string;
    codeVerifier: string;
    silent: boolean;
    /** A makerspace invite's token, for the provider's sign-up (its extra parameter). */
    invite?: string;
  }): Promise<URL>;
  exchangeCode(
    callbackUrl: URL,
    expected: { state: string; codeVerifier: string },
  ): Promise<IssuedTokens>;
  refresh(refreshToken: string): Promise<IssuedTokens>;
  endSessionUrl(request: { idTokenHint?: string; postLogoutRedirectUri: string }): Promise<URL>;
}

export interface OidcClientSettings {
  issuer: string;
  clientId: string;
  redirectUri: string;
}

const SCOPE = 'openid profile email roles';
const NO_SESSION_ERRORS = new Set([
  'login_required',
  'interaction_required',
  'consent_required',
  'account_selection_required',
]);
const REQUEST_TIMEOUT_MS = 8_000;
/** An access token without `expires_in` is assumed to live as long as the provider's do. */
const DEFAULT_EXPIRES_IN_SECONDS = 300;

function asOidcError(error: unknown): OidcError {
  if (error instanceof OidcError) return error;
  if (error instanceof oauth.ResponseBodyError) {
    const code = error.error === 'invalid_grant' ? 'invalid_grant' : 'rejected';
    return new OidcError(code, error.error_description ?? error.error, { cause: error });
  }
  if (error instanceof oauth.AuthorizationResponseError) {
    const code = NO_SESSION_ERRORS.has(error.error) ? 'login_required' : 'rejected';
    return new OidcError(code, error.error_description ?? error.error, { cause: error });
  }
  if (
    error instanceof oauth.OperationProcessingError ||
    error instanceof oauth.WWWAuthenticateChallengeError
  ) {
    return new OidcError('rejected', error.message, { cause: error });
  }
  return new OidcError('unavailable', 'The sign-in service could not be reached.', {
    cause: error,
  });
}

/** Authorization code + PKCE for a public client, over oauth4webapi. */
export function createOidcClient({
  issuer,
  clientId,
  redirectUri,
}: OidcClientSettings): OidcClient {
  const issuerUrl = new URL(issuer);
  const client: oauth.Client = { client_id: clientId };
  const clientAuth = oauth.None();
  const http = {
    // The embedded provider in development speaks plain HTTP; production issuers are HTTPS.
    [oauth.allowInsecureRequests]: issuerUrl.protocol === 'http:',
    signal: () => AbortSignal.timeout(REQUEST_TIMEOUT_MS),
  };

  let discovered: Promise<oauth.AuthorizationServer> | undefined;
  const server = () =>
    (discovered ??= oauth
      .discoveryRequest(issuerUrl, { ...http, algorithm: 'oidc' })
      .then((response) => oauth.processDiscoveryResponse(issuerUrl, response))
      .catch((error: unknown) => {
        discovered = undefined;
        throw asOidcError(error);
      }));

  const issued = (response: oauth.TokenEndpointResponse, previousRefresh?: string) => {
    const refreshToken = response.refresh_token ?? previousRefresh;
    if (!refreshToken) throw new OidcError('rejected', 'The provider issued no refresh token.');
    return {
      accessToken: response.access_token,
      refreshToken,
      idToken: response.id_token,
      expiresInSeconds: response.expires_in ?? DEFAULT_EXPIRES_IN_SECONDS,
      idTokenClaims: { ...oauth.getValidatedIdTokenClaims(response) },
    };
  };

  return {
    async authorizationUrl({ state, codeVerifier, silent, invite }) {
      const as = await server();
      if (!as.authorization_endpoint)
        throw new OidcError('unavailable', 'No authorization endpoint.');
      const url = new URL(as.authorization_endpoint);
      url.search = new URLSearchParams({
        client_id: clientId,
        redirect_uri: redirectUri,
        response_type: 'code',
        scope: SCOPE,
        code_challenge: await oauth.calculatePKCECodeChallenge(codeVerifier),
        code_challenge_method: 'S256',
        state,
        ...(silent ? { prompt: 'none' } : {}),
        ...(invite ? { invite } : {}),
      }).toString();
      return url;
    },

    async exchangeCode(callbackUrl, { state, codeVerifier }) {
      try {
        const as = await server();
        const parameters = oauth.validateAuthResponse(as, client, callbackUrl, state);
        const response = await oauth.authorizationCodeGrantRequest(
          as,
          client,
          clientAuth,
          parameters,
          redirectUri,
          codeVerifier,
          http,
        );
        const tokens = await oauth.processAuthorizationCodeResponse(as, client, response, {
          requireIdToken: true,
        });
        return issued(tokens);
      } catch (error) {
        throw asOidcError(error);
      }
    },

    async refresh(refreshToken) {
      try {
        const as = await server();
        const response = await oauth.refreshTokenGrantRequest(
          as,
          client,
          clientAuth,
          refreshToken,
          http,
        );
        return issued(await oauth.processRefreshTokenResponse(as, client, response), refreshToken);
      } catch (error) {
        throw asOidcError(error);
      }
    },

    async endSessionUrl({ idTokenHint, postLogoutRedirectUri }) {
      const as = await server();
      if (!as.end_session_endpoint) throw new OidcError('unavailable', 'No end-session endpoint.');
      const url = new URL(as.end_session_endpoint);
      url.search = new URLSearchParams({
        client_id: clientId,
        post_logout_redirect_uri: postLogoutRedirectUri,
        ...(idTokenHint ? { id_token_hint: idTokenHint } : {}),
      }).toString();
      return url;
    },
  };
}
