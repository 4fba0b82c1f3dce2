import type { FastifyInstance } from 'fastify';

/**
 * The security headers of every answer, as @fastify/helmet would set them for a JSON API that
 * loads nothing (CSP `default-src 'none'`, no framing, no upgrade on plain-HTTP development),
 * written out once here instead of rebuilt by helmet's middleware chain on every request:
 * the catalog listing spends its time on nothing else. The docs UI and static files set their
 * own where they differ (their route handlers write after this hook).
 */
const SECURITY_HEADERS: ReadonlyArray<readonly [string, string]> = [
  [
    'content-security-policy',
    "default-src 'none';base-uri 'self';font-src 'self' https: data:;form-action 'self';" +
      "frame-ancestors 'none';img-src 'self' data:;object-src 'none';script-src 'self';" +
      "script-src-attr 'none';style-src 'self' https: 'unsafe-inline'",
  ],
  ['cross-origin-opener-policy', 'same-origin'],
  ['cross-origin-resource-policy', 'same-origin'],
  ['origin-agent-cluster', '?1'],
  ['referrer-policy', 'no-referrer'],
  ['strict-transport-security', 'max-age=31536000; includeSubDomains'],
  ['x-content-type-options', 'nosniff'],
  ['x-dns-prefetch-control', 'off'],
  ['x-download-options', 'noopen'],
  ['x-frame-options', 'DENY'],
  ['x-permitted-cross-domain-policies', 'none'],
  ['x-xss-protection', '0'],
];

export function registerSecurityHeaders(app: FastifyInstance): void {
  app.addHook('onRequest', (_request, reply, done) => {
    // On the raw response, as helmet does, so a handler's own header (an image's
    // cross-origin-resource-policy) still wins.
    for (const [name, value] of SECURITY_HEADERS) reply.raw.setHeader(name, value);
    done();
  });
}

/** A Content-Security-Policy as directives, each with its sources, in the order written. */
export type ContentSecurityPolicy = Record<string, ReadonlyArray<string>>;

/** The header's value: directives joined, sources deduplicated. */
export function contentSecurityPolicy(policy: ContentSecurityPolicy): string {
  return Object.entries(policy)
    .map(([directive, sources]) => [directive, ...new Set(sources)].join(' '))
    .join('; ');
}

/**
 * What every page a browser shows from MakrX starts from (the apps and the identity provider):
 * nothing from elsewhere unless a page names it, no plugins, no <base> games, and no framing by
 * anyone — the sign-in and admin pages above all (clickjacking).
 */
export const basePagePolicy = {
  'default-src': ["'self'"],
  'base-uri': ["'self'"],
  'object-src': ["'none'"],
  'frame-ancestors': ["'none'"],
  'script-src-attr': ["'none'"],
} as const satisfies ContentSecurityPolicy;

/** The headers beside a page's policy; X-Frame-Options for browsers that predate frame-ancestors. */
export const PAGE_HEADERS: ReadonlyArray<readonly [string, string]> = [
  ['x-frame-options', 'DENY'],
  ['x-content-type-options', 'nosniff'],
  ['referrer-policy', 'strict-origin-when-cross-origin'],
];

/** The origin of a configured URL, as a CSP source. */
export const originOf = (url: string) => new URL(url).origin;

/**
 * Sets a page server's headers on every answer: its Content-Security-Policy and the page
 * headers. On the raw response, so pages served by another framework in the same server
 * (oidc-provider's) carry them too.
 */
export function registerPageSecurityHeaders(app: FastifyInstance, policy: string): void {
  app.addHook('onRequest', (_request, reply, done) => {
    reply.raw.setHeader('content-security-policy', policy);
    for (const [name, value] of PAGE_HEADERS) reply.raw.setHeader(name, value);
    done();
  });
}
