import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from './errors';

/** What a client is told to wait before trying a refused change again. */
export const MAINTENANCE_RETRY_AFTER_SECONDS = 120;

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const OPERATIONS = new Set(['/health', '/ready', '/metrics']);

/**
 * The caller as `@makrx/auth` sets it (service-kit sits below that package, so it reads the
 * shape, not the type). A super admin is the one person a maintenance window lets through:
 * they must be able to turn it off again.
 */
function isSuperAdmin(request: FastifyRequest): boolean {
  const caller = (request as { caller?: { kind?: string; realmRoles?: unknown } | null }).caller;
  return (
    caller?.kind === 'user' &&
    Array.isArray(caller.realmRoles) &&
    caller.realmRoles.includes('super_admin')
  );
}

/**
 * MAINTENANCE_MODE (spec 5): while the flag is on, every change (POST, PUT, PATCH, DELETE) is
 * refused with 503, a Retry-After header and the code MAINTENANCE; reading goes on. Runs after
 * the caller is known and before the route's input is checked.
 */
export function registerMaintenanceMode(app: FastifyInstance): void {
  app.addHook('preValidation', async (request, reply) => {
    if (!WRITES.has(request.method) || OPERATIONS.has(request.url.split('?')[0] ?? '')) return;
    if (isSuperAdmin(request)) return;
    const on = await app.flags.isOn('MAINTENANCE_MODE').catch((error: unknown) => {
      // The flags could not be read: the change goes ahead (and meets the same database).
      request.log.warn({ err: error }, 'MAINTENANCE_MODE could not be read');
      return false;
    });
    if (!on) return;
    reply.header('retry-after', String(MAINTENANCE_RETRY_AFTER_SECONDS));
    throw new AppError(
      503,
      'MAINTENANCE',
      'MakrX is down for maintenance: changes are paused for a few minutes. Please try again later.',
      { retryAfterSeconds: MAINTENANCE_RETRY_AFTER_SECONDS },
    );
  });
}
