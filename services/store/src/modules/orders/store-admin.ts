import { matrixRolesOf, type Caller } from '@makrx/auth';
import { AppError } from '@makrx/service-kit';
import type { FastifyRequest } from 'fastify';

/** A super admin, or an admin of the store domain (realm role `admin:store`). */
export function isStoreAdmin(caller: Caller | null): boolean {
  const roles = matrixRolesOf(caller, 'store');
  return roles.includes('super_admin') || roles.includes('admin');
}

/** Store admin routes: anyone else is refused (after the matrix guard has let them in). */
export function requireStoreAdmin(request: FastifyRequest): string {
  const { caller } = request;
  if (caller?.kind !== 'user' || !isStoreAdmin(caller)) {
    throw new AppError(403, 'FORBIDDEN', 'Only a store admin may do this.');
  }
  return caller.userId;
}
