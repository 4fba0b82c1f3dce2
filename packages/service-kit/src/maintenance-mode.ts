import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '@makrx/contracts';

/** What a client is told to wait before trying a refused change again. */
export const MAINTENANCE_RETRY_AFTER_SECONDS = 120;

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const OPERATIONS = new Set(['/health', '/ready', '/metrics']);

/**
 * MAINTENANCE_MODE (spec 5): while the flag is on, every change (POST, PUT, PATCH, DELETE) is
 * refused with 503, a Retry-After header and the code MAINTENANCE; reading goes on. Run by the
 * guard once the caller is known and before it judges the route, so everyone is told the same.
 */
export function maintenanceGate(app: FastifyInstance) {
  return async (request: FastifyRequest, reply: FastifyReply): Promise<void> => {
    if (!WRITES.has(request.method) || OPERATIONS.has(request.url.split('?')[0] ?? '')) return;
    const { caller } = request;
    const user = caller?.kind === 'user' ? caller : null;
    // The one person a maintenance window lets through: they must be able to turn it off.
    if (user?.realmRoles.includes('super_admin')) return;
    const context = user ? { userId: user.userId, roles: user.realmRoles } : {};
    const on = await app.flags.isOn('MAINTENANCE_MODE', context).catch((error: unknown) => {
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
  };
}
