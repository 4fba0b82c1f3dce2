import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createOidcClient, OidcError } from './oidc-client';

const issuer = 'http://localhost:8080/realms/makrx';
const clientId = 'makrcave-frontend';
const redirectUri = 'http://localhost:3001/auth/callback';

const discovery = {
  issuer,
  authorization_endpoint: `${issuer}/protocol/openid-connect/auth`,
  token_endpoint: `${issuer}/protocol/openid-connect/token`,
  end_session_endpoint: `${issuer}/protocol/openid-connect/logout`,
  jwks_uri: `${issuer}/protocol/openid-connect/certs`,
};

const unsignedJwt = (claims: object) =>
  [{ alg: 'RS256', typ: 'JWT' }, claims]
    .map((part) => Buffer.from(JSON.stringify(part)).toString('base64url'))
    .join('.') + '.c2lnbmF0dXJl';

function idToken() {
  const now = Math.floor(Date.now() / 1000);
  return unsignedJwt({
    iss: issuer,
    aud: clientId,
    sub: 'user-1',
    iat: now,
    exp: now + 300,
    name: 'Milo Member',
  });
}

/** The provider, answering discovery and the token endpoint with `token`. */
function provider(token: () => Response) {
  const fetch = vi.fn(async (input: RequestInfo | URL, _init?: RequestInit) => {
    const url = String(input instanceof Request ? input.url : input);
    if (url.endsWith('/.well-known/openid-configuration')) return Response.json(discovery);
    if (url === discovery.token_endpoint) return token();
    return new Response('not found', { status: 404 });
  });
  vi.stubGlobal('fetch', fetch);
  return fetch;
}

const client = () => createOidcClient({ issuer, clientId, redirectUri });

afterEach(() => void vi.unstubAllGlobals());

describe('createOidcClient', () => {
  it('asks for a code with an S256 PKCE challenge, and with prompt=none only when silent', async () => {
    provider(() => Response.json({}));
    const verifier = 'a-verifier-long-enough-to-be-a-real-pkce-code-verifier-0123';
    const url = await client().authorizationUrl({
      state: 'st',
      codeVerifier: verifier,
      silent: true,
    });
    expect(url.origin + url.pathname).toBe(discovery.authorization_endpoint);
    expect(Object.fromEntries(url.searchParams)).toEqual({
      client_id: clientId,
      redirect_uri: redirectUri,
      response_type: 'code',
      scope: 'openid profile email roles',
      code_challenge: createHash('sha256').update(verifier).digest('base64url'),
      code_challenge_method: 'S256',
      state: 'st',
      prompt: 'none',
    });
    const interactive = await client().authorizationUrl({
      state: 'st',
      codeVerifier: verifier,
      silent: false,
    });
    expect(interactive.searchParams.has('prompt')).toBe(false);
  });

  it('exchanges the code with the verifier and reads the ID token claims', async () => {
    const fetch = provider(() =>
      Response.json({
        access_token: 'access',
        refresh_token: 'refresh',
        id_token: idToken(),
        token_type: 'Bearer',
        expires_in: 300,
      }),
    );
    const tokens = await client().exchangeCode(new URL(`${redirectUri}?code=c0de&state=st`), {
      state: 'st',
      codeVerifier: 'the-verifier',
    });
    expect(tokens).toMatchObject({ accessToken: 'access', refreshToken: 'refresh' });
    expect(tokens.idTokenClaims.name).toBe('Milo Member');
    const body = new URLSearchParams(String(fetch.mock.calls[1]![1]?.body));
    expect(body.get('code_verifier')).toBe('the-verifier');
    expect(body.get('client_id')).toBe(clientId);
  });

  it('refuses a callback whose state is not the one it sent', async () => {
    const fetch = provider(() => Response.json({}));
    const exchange = client().exchangeCode(new URL(`${redirectUri}?code=c0de&state=forged`), {
      state: 'st',
      codeVerifier: 'v',
    });
    await expect(exchange).rejects.toMatchObject({ code: 'rejected' });
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it('reports "no session at the provider" for a prompt=none that came back login_required', async () => {
    provider(() => Response.json({}));
    const exchange = client().exchangeCode(
      new URL(`${redirectUri}?error=login_required&state=st`),
      { state: 'st', codeVerifier: 'v' },
    );
    await expect(exchange).rejects.toMatchObject({ code: 'login_required' });
  });

  it('reports a revoked refresh token as invalid_grant', async () => {
    provider(() =>
      Response.json(
        { error: 'invalid_grant', error_description: 'grant request is invalid' },
        { status: 400 },
      ),
    );
    await expect(client().refresh('old')).rejects.toMatchObject({ code: 'invalid_grant' });
  });

  it('reports a provider it cannot reach as unavailable, and tries discovery again later', async () => {
    vi.stubGlobal('fetch', async () => {
      throw new TypeError('fetch failed');
    });
    const oidc = client();
    const failure = await oidc.refresh('r').catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(OidcError);
    expect(failure).toMatchObject({ code: 'unavailable' });
    provider(() => Response.json({ access_token: 'a', refresh_token: 'b', token_type: 'Bearer' }));
    await expect(oidc.refresh('r')).resolves.toMatchObject({ refreshToken: 'b' });
  });
});
