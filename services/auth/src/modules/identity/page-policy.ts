import { createHash } from 'node:crypto';
import { basePagePolicy, contentSecurityPolicy, originOf } from '@makrx/service-kit';
import { PASSKEY_SCRIPT } from './passkey-pages';
import { LOGOUT_AUTO_SUBMIT, PAGE_STYLES } from './pages';

const hashSource = (inline: string) =>
  `'sha256-${createHash('sha256').update(inline).digest('base64')}'`;

/**
 * The Content-Security-Policy of every answer of the identity provider: its pages run no script
 * but the logout auto-submit, the passkey ceremony and its library and use no style but their own sheet, both named by hash; nobody
 * may frame them (the sign-in and admin pages are what clickjacking is after). Forms post here,
 * and the redirects after them go to the apps and, when brokering, the upstream provider.
 */
export function identityPagePolicy(input: {
  appUrls: { gateway: string; cave: string; store: string };
  upstreamIssuer?: string | undefined;
}): string {
  const { gateway, cave, store } = input.appUrls;
  const upstream = input.upstreamIssuer ? [originOf(input.upstreamIssuer)] : [];
  return contentSecurityPolicy({
    ...basePagePolicy,
    'default-src': ["'none'"],
    // 'self': the passkey pages load @simplewebauthn/browser from this server, and ask it for
    // their ceremony's options (connect-src).
    'script-src': ["'self'", hashSource(LOGOUT_AUTO_SUBMIT), hashSource(PASSKEY_SCRIPT)],
    'connect-src': ["'self'"],
    'style-src': [hashSource(PAGE_STYLES)],
    'img-src': ["'self'", 'data:'],
    'form-action': ["'self'", ...[gateway, cave, store].map(originOf), ...upstream],
  });
}
