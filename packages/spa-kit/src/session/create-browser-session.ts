import { BrowserSession, CALLBACK_PATH } from './browser-session';
import { createOidcClient } from './oidc-client';
import { SessionStore } from './session-store';

/** The session of this tab, for the app registered at the provider as `clientId`. */
export function createBrowserSession(issuer: string, clientId: string): BrowserSession {
  const { location } = window;
  return new BrowserSession(
    createOidcClient({ issuer, clientId, redirectUri: `${location.origin}${CALLBACK_PATH}` }),
    new SessionStore(window.sessionStorage),
    {
      origin: location.origin,
      current: () => `${location.pathname}${location.search}${location.hash}`,
      assign: (url) => location.assign(url),
      replace: (url) => location.replace(url),
    },
  );
}
