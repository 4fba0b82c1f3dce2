import { NextResponse, type NextRequest } from 'next/server';
import { readStoreConfig } from '../../lib/config';
import { endedAtProvider } from './ended-sessions';
import {
  cookieNames,
  cookieOptions,
  readSession,
  sessionCookies,
  staleSessionChunks,
} from './session-cookies';
import { isRefusedByProvider, refreshTokens } from './store-oidc';
import { isDueForCheck, sessionFromTokens, type StoreSession } from './store-session';

const nowSeconds = () => Math.floor(Date.now() / 1000);

function isPrefetch(request: NextRequest): boolean {
  const { headers } = request;
  return (
    headers.has('next-router-prefetch') ||
    headers.get('purpose') === 'prefetch' ||
    (headers.get('sec-purpose') ?? '').includes('prefetch')
  );
}

/**
 * Only a browser navigating to a page, which has not asked before in this browser session, is
 * sent through the provider; a crawler or a script (no `Sec-Fetch-*`) would only bounce.
 */
function shouldAskProvider(request: NextRequest): boolean {
  const { headers } = request;
  return (
    request.method === 'GET' &&
    headers.get('sec-fetch-dest') === 'document' &&
    headers.get('sec-fetch-mode') === 'navigate' &&
    !headers.has('rsc') &&
    !isPrefetch(request) &&
    !request.cookies.has(cookieNames.sessionChecked)
  );
}

function askProvider(request: NextRequest): NextResponse {
  const { pathname, search } = request.nextUrl;
  const login = new URL('/auth/login', readStoreConfig().portalUrls.store);
  login.searchParams.set('prompt', 'none');
  login.searchParams.set('returnTo', `${pathname}${search}`);
  const response = NextResponse.redirect(login);
  response.headers.set('cache-control', 'no-store');
  return response;
}

/**
 * Passes the request on to the page with its headers as the proxy left them: the page's
 * Content-Security-Policy among them, whose nonce Next.js puts on its scripts.
 */
const passOn = (request: NextRequest) =>
  NextResponse.next({ request: { headers: request.headers } });

/** Passes the request on with `cookies` changed, for the page now and the browser later. */
function continueWith(request: NextRequest, set: Map<string, string>, cleared: string[]) {
  for (const [name, value] of set) request.cookies.set(name, value);
  for (const name of cleared) request.cookies.delete(name);
  const response = NextResponse.next({ request: { headers: request.headers } });
  for (const [name, value] of set) response.cookies.set(name, value, cookieOptions());
  for (const name of cleared) response.cookies.set(name, '', { ...cookieOptions(), maxAge: 0 });
  return response;
}

async function withSession(request: NextRequest, session: StoreSession) {
  const written = await sessionCookies(session);
  const set = new Map(written.map(({ name, value }) => [name, value]));
  return continueWith(request, set, staleSessionChunks(request.cookies, written));
}

function withoutSession(request: NextRequest) {
  const stale = staleSessionChunks(request.cookies);
  return stale.length > 0 ? continueWith(request, new Map(), stale) : passOn(request);
}

/**
 * Before a page renders (spec section 6, "SSO Behavior Across Domains"): a visitor without a
 * session is sent once per browser session to pick up a sign-in made in another MakrX app; a
 * session older than a minute is refreshed, which fails once the user signed out anywhere; a
 * younger one is dropped as soon as the provider said by back-channel logout that it ended.
 */
export async function checkSession(request: NextRequest): Promise<NextResponse> {
  const session = await readSession(request.cookies);
  if (!session) return shouldAskProvider(request) ? askProvider(request) : withoutSession(request);
  if (isPrefetch(request)) return passOn(request);
  if (!isDueForCheck(session, nowSeconds())) {
    return (await endedAtProvider(session)) ? withoutSession(request) : passOn(request);
  }
  try {
    const tokens = await refreshTokens(session.refreshToken);
    return await withSession(request, sessionFromTokens(tokens, nowSeconds(), session));
  } catch (error) {
    if (isRefusedByProvider(error)) return withoutSession(request);
    console.error('The session could not be refreshed; keeping it for now:', error);
    return passOn(request);
  }
}
