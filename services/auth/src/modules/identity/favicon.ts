import { readFileSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { FAVICON_SVG } from './pages';

/**
 * The sign-in pages' icon: the mark as SVG for browsers that take it, and favicon.ico (the
 * same mark at 16, 32 and 48 pixels, rendered once from it) for those that ask for that name.
 */
const FAVICON_ICO = readFileSync(new URL('./favicon.ico', import.meta.url));

export function registerFavicon(app: FastifyInstance) {
  const cached = 'public, max-age=86400';
  app.get('/favicon.ico', async (_request, reply) =>
    reply.type('image/x-icon').header('cache-control', cached).send(FAVICON_ICO),
  );
  app.get('/favicon.svg', async (_request, reply) =>
    reply.type('image/svg+xml').header('cache-control', cached).send(FAVICON_SVG),
  );
}
