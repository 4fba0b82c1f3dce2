import { storeConfig } from '../../lib/config';
import { currentSession } from '../session/current-session';
import { STORE_CALL_HEADER } from './store-call-header';

const noStore = { 'cache-control': 'no-store' };

/**
 * Asks the auth service's notifications API for the signed-in visitor, with the access token
 * from their httpOnly session cookie, and answers with what it said. The browser never sees
 * the token.
 */
export async function forwardToNotifications(
  request: Request,
  path: string,
  method: 'GET' | 'POST' = 'GET',
): Promise<Response> {
  if (method !== 'GET' && request.headers.get(STORE_CALL_HEADER) !== '1') {
    return Response.json(
      { error: { code: 'FORBIDDEN', message: 'Only the store’s pages may do this.' } },
      { status: 403, headers: noStore },
    );
  }
  const session = await currentSession();
  if (!session) {
    return Response.json(
      { error: { code: 'AUTHENTICATION_REQUIRED', message: 'Sign in to see notifications.' } },
      { status: 401, headers: noStore },
    );
  }
  const { authApiUrl } = await storeConfig();
  const query = new URL(request.url).search;
  try {
    const answer = await fetch(`${authApiUrl}/api/v1/notifications${path}${query}`, {
      method,
      headers: { authorization: `Bearer ${session.accessToken}`, accept: 'application/json' },
      cache: 'no-store',
      signal: AbortSignal.timeout(5_000),
    });
    return new Response(answer.body, {
      status: answer.status,
      headers: { 'content-type': 'application/json', ...noStore },
    });
  } catch {
    return Response.json(
      { error: { code: 'SERVICE_UNREACHABLE', message: 'Notifications are unavailable.' } },
      { status: 502, headers: noStore },
    );
  }
}
