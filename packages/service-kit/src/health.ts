import type { DatabaseHandle } from '@makrx/db';
import type { FastifyInstance } from 'fastify';
import { errorBody } from './error-handler';

/** GET /health: the process is up. GET /ready: it can also reach its database. */
export function registerHealth(
  app: FastifyInstance,
  service: string,
  database: DatabaseHandle,
): void {
  const started = Date.now();
  app.get(
    '/health',
    { schema: { hide: true }, logLevel: 'warn', config: { access: 'public' } },
    async () => ({
      status: 'ok',
      service,
      uptimeSeconds: Math.round((Date.now() - started) / 1000),
    }),
  );
  app.get(
    '/ready',
    { schema: { hide: true }, logLevel: 'warn', config: { access: 'public' } },
    async (request, reply) => {
      try {
        await database.ping();
        return { status: 'ready', service, database: database.driver };
      } catch (err) {
        request.log.warn({ err }, 'database not reachable');
        return reply.status(503).send(errorBody('NOT_READY', 'The database is not reachable.'));
      }
    },
  );
}
