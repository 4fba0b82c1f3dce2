import type { FastifyInstance } from 'fastify';

/**
 * The routes that plugins register for the kit take no route config of their own: the docs
 * UI of @fastify/swagger-ui and the CORS preflight of @fastify/cors. They are declared here by
 * name — the docs for operators (METRICS_TOKEN, like /metrics), the preflight public; every
 * other route declares its own access.
 */
export function declareKitRoutes(app: FastifyInstance): void {
  app.addHook('onRoute', (route) => {
    if (route.config?.access !== undefined) return;
    if (route.url === '/docs' || route.url.startsWith('/docs/')) {
      route.config = { ...route.config, access: 'operators' };
    } else if (route.method === 'OPTIONS' && route.url === '*') {
      route.config = { ...route.config, access: 'public' };
    }
  });
}
