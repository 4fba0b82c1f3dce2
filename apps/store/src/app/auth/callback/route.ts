import { NextResponse, type NextRequest } from 'next/server';
import { readStoreConfig } from '../../../lib/config';
import { mergeGuestCartOnSignIn } from '../../../features/cart/merge-on-sign-in';
import {
  CALLBACK_PATH,
  cookieNames,
  cookieOptions,
  sessionCookies,
  staleSessionChunks,
  unsealPendingSignIn,
} from '../../../features/session/session-cookies';
import { exchangeCode, isNoSessionAtProvider } from '../../../features/session/store-oidc';
import { sessionFromTokens } from '../../../features/session/store-session';

/** Where the identity provider sends the browser back with a code, or with why there is none. */
export async function GET(request: NextRequest) {
  const { store } = readStoreConfig().portalUrls;
  const redirect = (path: string) => {
    const response = NextResponse.redirect(new URL(path, store), 303);
    response.headers.set('cache-control', 'no-store');
    return response;
  };
  const state = request.nextUrl.searchParams.get('state') ?? '';
  const pendingCookie = cookieNames.pendingSignIn(state);
  const pending = /^[\w-]{16,128}$/.test(state)
    ? await unsealPendingSignIn(request.cookies.get(pendingCookie)?.value)
    : null;
  if (!pending) {
    // With no cookies at all, the browser is not keeping them; anything else has expired.
    const reason = request.cookies.getAll().length === 0 ? 'cookies' : 'expired';
    return redirect(`/auth/error?reason=${reason}`);
  }

  let response: NextResponse;
  try {
    const tokens = await exchangeCode(request.nextUrl.search, {
      state,
      codeVerifier: pending.codeVerifier,
    });
    const session = sessionFromTokens(tokens, Math.floor(Date.now() / 1000));
    response = redirect(pending.returnTo);
    await mergeGuestCartOnSignIn(request.cookies, response.cookies, session.accessToken);
    const written = await sessionCookies(session);
    for (const { name, value } of written) response.cookies.set(name, value, cookieOptions());
    for (const name of staleSessionChunks(request.cookies, written)) {
      response.cookies.set(name, '', { ...cookieOptions(), maxAge: 0 });
    }
  } catch (error) {
    if (pending.silent && isNoSessionAtProvider(error)) {
      response = redirect(pending.returnTo);
    } else {
      console.error('Sign-in did not complete:', error);
      response = redirect('/auth/error?reason=rejected');
    }
  }
  response.cookies.set(pendingCookie, '', { ...cookieOptions(CALLBACK_PATH), maxAge: 0 });
  response.cookies.set(cookieNames.sessionChecked, 'yes', cookieOptions());
  return response;
}
