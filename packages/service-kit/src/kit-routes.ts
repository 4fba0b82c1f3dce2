import type { FastifyInstance } from 'fastify';

/**
 * The routes that plugins register for the kit take no route config of their own: the docs
 * UI of @fastify/swagger-ui and the CORS preflight of @fastify/cors. Both are public, and are
 * declared so here by name; every other route declares its own access.
 */
export function declareKitRoutesPublic(app: FastifyInstance): void {
  app.addHook('onRoute', (route) => {
    const docs = route.url === '/docs' || route.url.startsWith('/docs/');
    const preflight = route.method === 'OPTIONS' && route.url === '*';
    if ((docs || preflight) && route.config?.access === undefined) {
      route.config = { ...route.config, access: 'public' };
    }
  });
}
