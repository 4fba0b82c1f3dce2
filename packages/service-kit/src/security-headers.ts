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
  ['x-frame-options', 'SAMEORIGIN'],
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
