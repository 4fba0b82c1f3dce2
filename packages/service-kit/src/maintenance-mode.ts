import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from './errors';

/** What a client is told to wait before trying a refused change again. */
export const MAINTENANCE_RETRY_AFTER_SECONDS = 120;

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const OPERATIONS = new Set(['/health', '/ready', '/metrics']);

/**
 * The signed-in user as `@makrx/auth` sets `request.caller` (service-kit sits below that
 * package, so it reads the shape, not the type); null for a guest or a service.
 */
function userOf(request: FastifyRequest): { userId: string; roles: string[] } | null {
  const caller = (request as { caller?: { kind?: string; userId?: unknown; realmRoles?: unknown } })
    .caller;
  if (caller?.kind !== 'user' || typeof caller.userId !== 'string') return null;
  const roles = Array.isArray(caller.realmRoles)
    ? caller.realmRoles.filter((role): role is string => typeof role === 'string')
    : [];
  return { userId: caller.userId, roles };
}

/**
 * MAINTENANCE_MODE (spec 5): while the flag is on, every change (POST, PUT, PATCH, DELETE) is
 * refused with 503, a Retry-After header and the code MAINTENANCE; reading goes on. Runs after
 * the caller is known and before the route's input is checked.
 */
export function registerMaintenanceMode(app: FastifyInstance): void {
  app.addHook('preValidation', async (request, reply) => {
    if (!WRITES.has(request.method) || OPERATIONS.has(request.url.split('?')[0] ?? '')) return;
    const user = userOf(request);
    // The one person a maintenance window lets through: they must be able to turn it off.
    if (user?.roles.includes('super_admin')) return;
    const on = await app.flags.isOn('MAINTENANCE_MODE', user ?? {}).catch((error: unknown) => {
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
