import type { NextRequest } from 'next/server';
import { checkSession } from './features/session/check-session';

export function proxy(request: NextRequest) {
  return checkSession(request);
}

// Pages only: not the sign-in routes themselves, nor built assets.
export const config = {
  matcher: ['/((?!_next/|auth/|icon\\.svg|favicon\\.ico|robots\\.txt).*)'],
};
