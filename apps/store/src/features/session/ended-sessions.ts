import { storefrontSessionState } from '@makrx/contracts';
import { decodeJwt } from 'jose';
import { readStoreConfig } from '../../lib/config';
import type { StoreSession } from './store-session';

const CHECK_TIMEOUT_MS = 3_000;

/** The session's id at the provider for the store (`sid` of its ID token), if it names one. */
export function storeSessionId(session: StoreSession): string | undefined {
  try {
    const { sid } = decodeJwt(session.idToken);
    return typeof sid === 'string' ? sid : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Whether the identity provider ended this session by back-channel logout (recorded by the
 * store service, so every store instance sees it at once). A service that does not answer
 * leaves the session be: the next refresh asks the provider anyway.
 */
export async function endedAtProvider(session: StoreSession): Promise<boolean> {
  const sid = storeSessionId(session);
  if (!sid) return false;
  const url = `${readStoreConfig().storeApiUrl}/api/v1/storefront-sessions/${encodeURIComponent(sid)}`;
  try {
    const response = await fetch(url, {
      headers: { accept: 'application/json', authorization: `Bearer ${session.accessToken}` },
      cache: 'no-store',
      signal: AbortSignal.timeout(CHECK_TIMEOUT_MS),
    });
    // The service refusing the session's own token: it is no session any more.
    if (response.status === 401) return true;
    if (!response.ok) return false;
    const state = storefrontSessionState.safeParse(await response.json());
    return state.success && state.data.ended;
  } catch (error) {
    console.error('Whether the session ended could not be checked:', error);
    return false;
  }
}
