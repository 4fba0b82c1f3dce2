import { AppError } from '@makrx/service-kit';
import type { FastifyRequest } from 'fastify';
import { accessMatrix, decideAccess, type AccessMode, type Feature } from './access-matrix';
import type { BackendClient, Caller, UserCaller } from './caller';
import { matrixRolesOf, type MakerspaceRole } from './roles';

/** The matrix cell a route stands for: `config: { access: { feature, mode } }`. */
export interface RouteAccess {
  feature: Feature;
  mode: AccessMode;
}

/**
 * The caller's roles in the makerspace a request is about, from the cave's membership table;
 * the cave reads the makerspace from the request (its path, usually).
 */
export type MakerspaceRoleResolver = (
  caller: UserCaller,
  request: FastifyRequest,
) => Promise<MakerspaceRole[]>;

const authenticationRequired = (message: string, details?: unknown) =>
  new AppError(401, 'AUTHENTICATION_REQUIRED', message, details);

const forbidden = (message: string, details?: unknown) =>
  new AppError(403, 'FORBIDDEN', message, details);

/** The signed-in user behind a request; a guest is asked to sign in, a service is refused. */
export function requireUser(request: FastifyRequest): UserCaller {
  const { caller } = request;
  if (caller === null) throw authenticationRequired('Sign in to continue.');
  if (caller.kind !== 'user') throw forbidden('Only a signed-in person may do this.');
  return caller;
}

/** A signed-in super admin (spec 4: user management and role assignment), or 401/403. */
export function requireSuperAdmin(request: FastifyRequest): UserCaller {
  const user = requireUser(request);
  if (!user.realmRoles.includes('super_admin')) throw forbidden('Only a super admin may do this.');
  return user;
}

/** What the route's config declares, checked against the request's caller. */
export async function enforceRouteAccess(
  request: FastifyRequest,
  resolveMakerspaceRoles: MakerspaceRoleResolver | undefined,
): Promise<void> {
  const { access, serviceClients } = request.routeOptions.config;
  if (serviceClients) enforceServiceClients(request.caller, serviceClients);
  if (access) await enforceMatrixCell(request, access, resolveMakerspaceRoles);
}

/** Integration endpoints (spec section 7) answer only the backends they name. */
function enforceServiceClients(caller: Caller | null, allowed: readonly BackendClient[]): void {
  const details = { serviceClients: allowed };
  if (caller === null) {
    throw authenticationRequired('This endpoint needs a service token.', details);
  }
  if (caller.kind !== 'service' || !(allowed as readonly string[]).includes(caller.clientId)) {
    throw forbidden(`Only ${allowed.join(', ')} may call this endpoint.`, details);
  }
}

async function enforceMatrixCell(
  request: FastifyRequest,
  { feature, mode }: RouteAccess,
  resolveMakerspaceRoles: MakerspaceRoleResolver | undefined,
): Promise<void> {
  const { caller } = request;
  const { domain, label } = accessMatrix[feature];
  if (decideAccess(feature, mode, matrixRolesOf(caller, domain)) === 'allow') return;
  // Only when the global roles fall short is the membership table asked.
  if (caller?.kind === 'user' && resolveMakerspaceRoles) {
    const held = await resolveMakerspaceRoles(caller, request);
    if (decideAccess(feature, mode, matrixRolesOf(caller, domain, held)) === 'allow') return;
  }
  const details = { feature, mode };
  if (caller === null) throw authenticationRequired(`Sign in to use ${label}.`, details);
  throw forbidden(`Your role does not give ${mode} access to ${label}.`, details);
}
