import type { NextRequest } from 'next/server';
import { checkSession } from './features/session/check-session';
import { readStoreConfig } from './lib/config';
import { createNonce, storePagePolicy } from './lib/content-security-policy';

export async function proxy(request: NextRequest) {
  // On the request, for Next.js to put the nonce on its scripts; on the answer, for the browser.
  const policy = storePagePolicy(
    readStoreConfig(),
    createNonce(),
    process.env.NODE_ENV === 'development',
  );
  request.headers.set('content-security-policy', policy);
  const response = await checkSession(request);
  response.headers.set('content-security-policy', policy);
  return response;
}

// Pages only: not the sign-in routes themselves, nor built assets.
export const config = {
  matcher: ['/((?!_next/|auth/|icon\\.svg|favicon\\.ico|robots\\.txt).*)'],
};
