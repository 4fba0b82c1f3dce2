import { safeReturnTo } from '@makrx/ui';
import { NextResponse, type NextRequest } from 'next/server';
import { readStoreConfig } from '../../../lib/config';
import {
  CALLBACK_PATH,
  cookieNames,
  cookieOptions,
  PENDING_SIGN_IN_SECONDS,
  sealPendingSignIn,
} from '../../../features/session/session-cookies';
import {
  authorizationUrl,
  randomCodeVerifier,
  randomState,
} from '../../../features/session/store-oidc';

/**
 * Starts a sign-in at the identity provider: `returnTo` is where to land afterwards;
 * `prompt=none` only picks up a session the provider already has, never asking for a password;
 * `signup=1&email=` opens its sign-up form instead, the email filled in.
 */
export async function GET(request: NextRequest) {
  const { store } = readStoreConfig().portalUrls;
  const params = request.nextUrl.searchParams;
  const silent = params.get('prompt') === 'none';
  // `signup=1`: the provider's sign-up form first, filled in with `email` when it is one.
  const email = params.get('email') ?? '';
  const signUpAs =
    params.get('signup') === '1' && !silent
      ? email.length <= 254 && /^[^\s@<>"]+@[^\s@<>"]+\.[^\s@<>"]+$/.test(email)
        ? email
        : ''
      : undefined;
  const returnTo = safeReturnTo(params.get('returnTo'), store);
  const state = randomState();
  const codeVerifier = randomCodeVerifier();

  const redirect = (destination: URL) => {
    const response = NextResponse.redirect(destination, 303);
    response.headers.set('cache-control', 'no-store');
    if (silent) response.cookies.set(cookieNames.sessionChecked, 'yes', cookieOptions());
    return response;
  };

  let destination: URL;
  try {
    destination = await authorizationUrl({ state, codeVerifier, silent, signUpAs });
  } catch (error) {
    console.error('The identity provider could not be reached:', error);
    // A guest for a silent check; an explanation for someone who asked to sign in.
    return redirect(new URL(silent ? returnTo : '/auth/error?reason=unavailable', store));
  }
  const response = redirect(destination);
  response.cookies.set(
    cookieNames.pendingSignIn(state),
    await sealPendingSignIn({ codeVerifier, returnTo, silent }),
    { ...cookieOptions(CALLBACK_PATH), maxAge: PENDING_SIGN_IN_SECONDS },
  );
  return response;
}
