import { AppError } from '@makrx/contracts';
import type { z } from 'zod';
import type { BaseServiceConfig } from './config';

/** The three backends, by the name a service definition carries. */
export type PeerName = 'auth' | 'cave' | 'store';

/** The confidential client each backend signs in as (spec section 7, "Keycloak → Clients"). */
export const peerClientIds: Record<PeerName, string> = {
  auth: 'auth-service',
  cave: 'makrcave-backend',
  store: 'store-backend',
};

export interface PeerSettings {
  /** Base URLs of the other services' APIs (AUTH_API_URL, CAVE_API_URL, STORE_API_URL). */
  urls: Record<PeerName, string>;
  /**
   * Where this service's access token comes from: its client credentials at the realm's token
   * endpoint, or (in tests) any function that returns a token.
   */
  token: { issuer: string; clientId: string; clientSecret: string } | (() => Promise<string>);
  /** Per-call timeout in milliseconds; defaults to 5 s. */
  timeoutMs?: number;
}

/**
 * Calls to the other services' integration endpoints (spec section 7) with this service's own
 * client-credentials token, fetched once and reused until shortly before it expires.
 */
export interface Peers {
  /** A fetch against `peer`'s API, bearer token attached; retried once if the token was refused. */
  fetch(peer: PeerName, path: string, init?: RequestInit): Promise<Response>;
  /**
   * `fetch`, then the JSON body parsed with the peer's response schema (from contracts); a
   * non-2xx answer, or a body that does not match, becomes a 502 PEER_FAILED AppError.
   */
  json<S extends z.ZodType>(
    peer: PeerName,
    path: string,
    schema: S,
    init?: RequestInit,
  ): Promise<z.infer<S>>;
}

const REFRESH_MARGIN_MS = 30_000;

function clientCredentials(settings: {
  issuer: string;
  clientId: string;
  clientSecret: string;
}): (force: boolean) => Promise<string> {
  let cached: { token: string; expiresAt: number } | undefined;
  let pending: Promise<string> | undefined;
  const endpoint = `${settings.issuer.replace(/\/$/, '')}/protocol/openid-connect/token`;
  const basic = Buffer.from(`${settings.clientId}:${settings.clientSecret}`).toString('base64');

  const fetchToken = async (): Promise<string> => {
    const response = await fetch(endpoint, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        authorization: `Basic ${basic}`,
      },
      body: new URLSearchParams({ grant_type: 'client_credentials' }),
    });
    if (!response.ok)
      throw new AppError(
        502,
        'PEER_AUTH_FAILED',
        `The identity provider refused this service's credentials (${response.status}).`,
      );
    const body = (await response.json()) as { access_token: string; expires_in?: number };
    cached = {
      token: body.access_token,
      expiresAt: Date.now() + (body.expires_in ?? 60) * 1000 - REFRESH_MARGIN_MS,
    };
    return body.access_token;
  };

  return (force) => {
    if (!force && cached && cached.expiresAt > Date.now()) return Promise.resolve(cached.token);
    pending ??= fetchToken().finally(() => {
      pending = undefined;
    });
    return pending;
  };
}

export function createPeers(settings: PeerSettings): Peers {
  const tokenSource = settings.token;
  const token =
    typeof tokenSource === 'function' ? () => tokenSource() : clientCredentials(tokenSource);
  const timeoutMs = settings.timeoutMs ?? 5_000;

  const call = async (peer: PeerName, path: string, init: RequestInit, force: boolean) => {
    const headers = new Headers(init.headers);
    headers.set('authorization', `Bearer ${await token(force)}`);
    if (init.body && !headers.has('content-type')) headers.set('content-type', 'application/json');
    return fetch(new URL(path, settings.urls[peer]), {
      ...init,
      headers,
      signal: init.signal ?? AbortSignal.timeout(timeoutMs),
    });
  };

  const peers: Peers = {
    async fetch(peer, path, init = {}) {
      const response = await call(peer, path, init, false);
      if (response.status !== 401) return response;
      await response.body?.cancel();
      return call(peer, path, init, true);
    },
    async json(peer, path, schema, init) {
      const response = await peers.fetch(peer, path, init);
      const what = `${init?.method ?? 'GET'} ${path}`;
      if (!response.ok)
        throw new AppError(
          502,
          'PEER_FAILED',
          `The ${peer} service answered ${response.status} to ${what}.`,
        );
      const parsed = schema.safeParse(await response.json());
      if (!parsed.success) {
        throw new AppError(
          502,
          'PEER_FAILED',
          `The ${peer} service's answer to ${what} was not understood.`,
          {
            issues: parsed.error.issues.slice(0, 5),
          },
        );
      }
      return parsed.data;
    },
  };
  return peers;
}

/** Peers for a service whose settings were not given: every call fails with a clear error. */
export const unconfiguredPeers: Peers = {
  fetch: () =>
    Promise.reject(
      new AppError(503, 'PEERS_NOT_CONFIGURED', 'This service has no service credentials set.'),
    ),
  json: () =>
    Promise.reject(
      new AppError(503, 'PEERS_NOT_CONFIGURED', 'This service has no service credentials set.'),
    ),
};

/**
 * How a service reaches the others: their API URLs and its own client credentials. Without
 * SERVICE_CLIENT_SECRET the service runs, and its calls to the others fail with a clear 503.
 */
export function peerSettingsOf(
  name: PeerName,
  config: BaseServiceConfig,
): PeerSettings | undefined {
  if (!config.SERVICE_CLIENT_SECRET) return undefined;
  return {
    urls: { auth: config.AUTH_API_URL, cave: config.CAVE_API_URL, store: config.STORE_API_URL },
    token: {
      issuer: config.OIDC_ISSUER,
      clientId: peerClientIds[name],
      clientSecret: config.SERVICE_CLIENT_SECRET,
    },
  };
}
