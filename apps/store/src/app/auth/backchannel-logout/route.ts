import { NextResponse, type NextRequest } from 'next/server';
import { openService } from '../../../lib/service-client';

/** A logout token is a few hundred bytes; anything much larger is not one. */
const MAX_BODY_BYTES = 16 * 1024;

const answer = (status: number, body?: Record<string, string>) =>
  new NextResponse(body ? JSON.stringify(body) : null, {
    status,
    headers: { 'cache-control': 'no-store', 'content-type': 'application/json' },
  });

/**
 * OpenID Connect Back-Channel Logout 1.0: the identity provider posts a logout token here when
 * a session ends anywhere. The store service checks the token's signature and claims and keeps
 * the ended session, which the proxy looks up before every page (features/session).
 */
export async function POST(request: NextRequest) {
  const length = Number(request.headers.get('content-length') ?? 0);
  if (length > MAX_BODY_BYTES) return answer(413, { error: 'invalid_request' });
  const body = await request.text();
  if (body.length > MAX_BODY_BYTES) return answer(413, { error: 'invalid_request' });
  const logoutToken = new URLSearchParams(body).get('logout_token');
  if (!logoutToken) {
    return answer(400, { error: 'invalid_request', error_description: 'logout_token is missing' });
  }
  try {
    const recorded = await openService('store', '/storefront-sessions/ended', {
      method: 'POST',
      json: { logoutToken },
      as: 'anonymous',
    });
    if (recorded.ok) return answer(200);
    if (recorded.status === 400 || recorded.status === 413) {
      return answer(400, { error: 'invalid_request', error_description: 'logout_token refused' });
    }
    return answer(503, { error: 'temporarily_unavailable' });
  } catch (error) {
    console.error('A back-channel logout could not be recorded:', error);
    return answer(503, { error: 'temporarily_unavailable' });
  }
}
