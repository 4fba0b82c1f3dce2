import { NextResponse, type NextRequest } from 'next/server';
import { readStoreConfig } from '../../../lib/config';
import {
  cookieNames,
  cookieOptions,
  readSession,
  staleSessionChunks,
} from '../../../features/session/session-cookies';
import { endSessionUrl } from '../../../features/session/store-oidc';

/**
 * Signs out of the store and ends the provider's session, which signs out of every MakrX app;
 * the provider then sends the browser to /auth/signed-out.
 */
export async function POST(request: NextRequest) {
  const { store } = readStoreConfig().portalUrls;
  const origin = request.headers.get('origin');
  if (origin && origin !== new URL(store).origin) {
    return new NextResponse('Sign out from the store itself.', { status: 403 });
  }

  const signedOut = new URL('/auth/signed-out', store);
  const session = await readSession(request.cookies);
  let destination = signedOut;
  if (session) {
    try {
      destination = await endSessionUrl(session.idToken, signedOut.href);
    } catch (error) {
      console.error('The identity provider could not be reached to sign out:', error);
    }
  }

  const response = NextResponse.redirect(destination, 303);
  response.headers.set('cache-control', 'no-store');
  for (const name of staleSessionChunks(request.cookies)) {
    response.cookies.set(name, '', { ...cookieOptions(), maxAge: 0 });
  }
  response.cookies.set(cookieNames.sessionChecked, 'yes', cookieOptions());
  return response;
}
