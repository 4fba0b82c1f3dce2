import type { ErrorBody, ErrorCode } from '@makrx/contracts';
import { openService, ServiceError, type ClientFailureCode } from '../../lib/service-client';
import { currentSession } from '../session/current-session';
import { STORE_CALL_HEADER } from './store-call-header';

const noStore = { 'cache-control': 'no-store' };

/** An answer in the services' one error shape, for the header's bell. */
export const refusal = (status: number, code: ErrorCode | ClientFailureCode, message: string) =>
  Response.json({ error: { code, message } } satisfies ErrorBody, { status, headers: noStore });

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
    return refusal(403, 'FORBIDDEN', 'Only the store’s pages may do this.');
  }
  const session = await currentSession();
  if (!session) {
    return refusal(401, 'AUTHENTICATION_REQUIRED', 'Sign in to see notifications.');
  }
  const query = new URL(request.url).search;
  try {
    const answer = await openService('auth', `/notifications${path}${query}`, {
      method,
      as: { accessToken: session.accessToken },
      timeoutMs: 5_000,
    });
    return new Response(answer.body, {
      status: answer.status,
      headers: { 'content-type': 'application/json', ...noStore },
    });
  } catch (error) {
    if (!(error instanceof ServiceError)) throw error;
    return refusal(502, 'SERVICE_UNREACHABLE', 'Notifications are unavailable.');
  }
}
