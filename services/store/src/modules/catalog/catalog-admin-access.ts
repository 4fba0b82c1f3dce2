import { matrixRolesOf, requireUser } from '@makrx/auth';
import { AppError } from '@makrx/service-kit';
import type { FastifyRequest } from 'fastify';
import type { Actor } from './catalog-admin';

/**
 * Store admins manage the catalog: a super admin, or an admin of the store domain
 * (`admin` with `admin:store`, packages/auth roles). A guest is asked to sign in (401);
 * anyone else is refused (403).
 */
export function requireCatalogAdmin(request: FastifyRequest): Actor {
  const user = requireUser(request);
  const roles = matrixRolesOf(user, 'store');
  if (!roles.includes('super_admin') && !roles.includes('admin'))
    throw new AppError(403, 'FORBIDDEN', 'Only a store admin may change the catalog.');
  return { userId: user.userId, requestId: request.id };
}
