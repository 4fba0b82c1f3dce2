import type { BrowserSession } from './browser-session';

export type AuthenticatedFetch = (
  input: RequestInfo | URL,
  init?: RequestInit,
) => Promise<Response>;

/**
 * `fetch` with the signed-in user's access token as a Bearer token (none for a guest). A 401
 * is answered once more after a refresh, for a token that expired on the way.
 */
export function authenticatedFetch(
  session: Pick<BrowserSession, 'accessToken' | 'refresh'>,
): AuthenticatedFetch {
  return async (input, init = {}) => {
    const send = (token: string | null) => {
      const headers = new Headers(init.headers);
      if (token) headers.set('Authorization', `Bearer ${token}`);
      return fetch(input, { ...init, headers });
    };
    const token = await session.accessToken();
    const response = await send(token);
    if (response.status !== 401 || !token) return response;
    const renewed = await session.refresh();
    return renewed && renewed.accessToken !== token ? send(renewed.accessToken) : response;
  };
}
