import type { StoreConfig } from './config';

/**
 * Stripe.js and its Payment Element on the payment page: the script, its frames and the API it
 * calls (https://docs.stripe.com/security/guide#content-security-policy).
 */
const stripe = {
  script: ['https://js.stripe.com', 'https://*.js.stripe.com'],
  frame: ['https://js.stripe.com', 'https://*.js.stripe.com', 'https://hooks.stripe.com'],
  connect: ['https://api.stripe.com'],
  img: ['https://*.stripe.com'],
};

const originOf = (url: string) => new URL(url).origin;

/**
 * The store's Content-Security-Policy, per request: Next.js's own inline scripts carry the
 * request's nonce (it reads it from this header on the request), so no inline script runs
 * without it. The browser calls only the store app itself (its route handlers ask the services)
 * and Stripe; product images come from the store service; forms post here, to the gateway (the
 * header's search box) and, signing out, on to the identity provider. Styles may be inline: the
 * UI's components set some as they open and close. Structured data (JSON-LD) is never executed,
 * so it needs no nonce. Nobody may frame a page.
 */
export function storePagePolicy(config: StoreConfig, nonce: string, development: boolean): string {
  const apps = [config.portalUrls.gateway, config.portalUrls.cave, config.portalUrls.store];
  const policy: Record<string, string[]> = {
    'default-src': ["'self'"],
    'base-uri': ["'self'"],
    'object-src': ["'none'"],
    'frame-ancestors': ["'none'"],
    // `next dev` evaluates code for its refresh; a production build does not.
    'script-src': [
      "'self'",
      `'nonce-${nonce}'`,
      ...stripe.script,
      ...(development ? ["'unsafe-eval'"] : []),
    ],
    // After script-src: Next.js takes the nonce from the first directive that starts so.
    'script-src-attr': ["'none'"],
    'style-src': ["'self'", "'unsafe-inline'"],
    'img-src': ["'self'", 'data:', originOf(config.storeApiUrl), ...stripe.img],
    'font-src': ["'self'", 'data:'],
    'connect-src': ["'self'", ...stripe.connect],
    'frame-src': stripe.frame,
    'form-action': ["'self'", ...apps.map(originOf), originOf(config.oidcIssuer)],
  };
  return Object.entries(policy)
    .map(([directive, sources]) => [directive, ...new Set(sources)].join(' '))
    .join('; ');
}

/** A fresh nonce for one response: 128 random bits. */
export function createNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}
