import { createHash, timingSafeEqual } from 'node:crypto';
import { AppError, type MakerspaceMembership } from '@makrx/contracts';
import type { FastifyRequest } from 'fastify';
import { accessMatrix, decideAccess, type AccessMode, type Feature } from './access-matrix';
import type { BackendClient, Caller, ServiceCaller, UserCaller } from './caller';
import {
  makerspaceGrants,
  permissions,
  realmGrants,
  rolesIn,
  type MakerspaceRef,
  type Permission,
} from './permissions';
import { makerspaceRoles, matrixRolesOf } from './roles';
import type { RouteAccess } from './route-access';

/** An Authorization header carrying a bearer token, the token captured. */
export const BEARER = /^Bearer +([^\s]+)$/i;

/** The makerspaces a user belongs to, with their roles: the cave's memberships. */
export type MembershipSource = (userId: string) => Promise<MakerspaceMembership[]>;

/**
 * What the request's caller may do, for the handlers whose rule depends on the data (this
 * flag's domain, this order's buyer). Memberships are asked for once per request, if at all.
 */
export interface RequestAccess {
  /** Whether the caller holds `permission` (in `makerspace`, for a makerspace-scoped one). */
  can(permission: Permission, makerspace?: MakerspaceRef): Promise<boolean>;
  /** The caller's makerspaces and roles; empty for a guest or a service. */
  memberships(): Promise<MakerspaceMembership[]>;
}

const authenticationRequired = (message: string, details?: unknown) =>
  new AppError(401, 'AUTHENTICATION_REQUIRED', message, details);

const forbidden = (message: string, details?: unknown) =>
  new AppError(403, 'FORBIDDEN', message, details);

/** What the caller of a request may do, with their memberships fetched at most once. */
export function requestAccess(
  caller: Caller | null,
  membershipsOf: MembershipSource | undefined,
): RequestAccess {
  let memberships: Promise<MakerspaceMembership[]> | undefined;
  const access: RequestAccess = {
    memberships() {
      if (caller?.kind !== 'user' || !membershipsOf) return Promise.resolve([]);
      return (memberships ??= membershipsOf(caller.userId));
    },
    async can(permission, makerspace) {
      if (realmGrants(caller, permission)) return true;
      const scope = (permissions[permission] as { makerspace?: { in: 'route' | 'any' } })
        .makerspace;
      if (!scope || caller?.kind !== 'user') return false;
      if (scope.in === 'route' && !makerspace) return false;
      const roles = rolesIn(
        await access.memberships(),
        scope.in === 'route' ? makerspace : undefined,
      );
      return makerspaceGrants(permission, roles);
    },
  };
  return access;
}

/** The makerspace a request is about, from the route's `:makerspaceId` or `:makerspaceSlug`. */
export function makerspaceOfRequest(request: FastifyRequest): MakerspaceRef | undefined {
  const params = request.params as Record<string, string | undefined> | undefined;
  if (params?.makerspaceId) return { id: params.makerspaceId };
  if (params?.makerspaceSlug) return { slug: params.makerspaceSlug };
  return undefined;
}

/**
 * The one guard: what the route declares, held against the request's caller. Allowed → the
 * request goes on; denied → 401 for a guest (sign in and try again), 403 for anyone else.
 */
export async function enforceRouteAccess(
  request: FastifyRequest,
  declared: RouteAccess,
  operatorToken?: string,
): Promise<void> {
  if (declared === 'public') return;
  if (declared === 'operators') return enforceOperatorToken(request, operatorToken);
  if ('serviceClients' in declared)
    return enforceServiceClients(request.caller, declared.serviceClients);
  if ('permission' in declared) return enforcePermission(request, declared.permission);
  return enforceMatrixCell(request, declared);
}

/**
 * The operators' routes answer only the bearer token shared with them, compared in constant
 * time; with none configured (development) they are open. Production refuses to start without
 * one (contracts' production-defaults).
 */
function enforceOperatorToken(request: FastifyRequest, expected: string | undefined): void {
  if (expected === undefined) return;
  const given = BEARER.exec(request.headers.authorization ?? '')?.[1];
  if (given !== undefined && sameSecret(given, expected)) return;
  throw authenticationRequired("This endpoint needs the operators' bearer token.", {
    access: 'operators',
  });
}

const sameSecret = (given: string, expected: string) =>
  timingSafeEqual(
    createHash('sha256').update(given).digest(),
    createHash('sha256').update(expected).digest(),
  );

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

async function enforcePermission(request: FastifyRequest, permission: Permission): Promise<void> {
  const makerspace = makerspaceOfRequest(request);
  if (await request.access.can(permission, makerspace)) return;
  const details = { permission };
  const { label } = permissions[permission];
  if (request.caller === null) throw authenticationRequired(`Sign in to ${label}.`, details);
  const scope = (permissions[permission] as { makerspace?: { in: 'route' | 'any' } }).makerspace;
  if (scope?.in === 'route') await refuseOutsiders(request, makerspace);
  throw forbidden(`Your roles do not allow you to ${label}.`, details);
}

/**
 * A cell of the matrix. The token's roles are tried first; the caller's makerspace roles are
 * asked for only when they fall short and some makerspace column could grant the cell: in the
 * makerspace the route names, or in all the caller's makerspaces when it names none.
 */
async function enforceMatrixCell(
  request: FastifyRequest,
  { feature, mode }: { feature: Feature; mode: AccessMode },
): Promise<void> {
  const { caller } = request;
  const { domain, label } = accessMatrix[feature];
  if (decideAccess(feature, mode, matrixRolesOf(caller, domain)) === 'allow') return;
  if (caller?.kind === 'user' && makerspaceColumnsCouldGrant(feature, mode)) {
    const held = rolesIn(await request.access.memberships(), makerspaceOfRequest(request));
    if (decideAccess(feature, mode, matrixRolesOf(caller, domain, held)) === 'allow') return;
  }
  const details = { feature, mode };
  if (caller === null) throw authenticationRequired(`Sign in to use ${label}.`, details);
  if (makerspaceColumnsCouldGrant(feature, mode))
    await refuseOutsiders(request, makerspaceOfRequest(request));
  throw forbidden(`Your role does not give ${mode} access to ${label}.`, details);
}

/**
 * A member of other makerspaces, refused in one they do not belong to, is told it is not there
 * (spec: a member of makerspace A gets 404 for every resource of makerspace B), so makerspaces
 * cannot be probed by id or slug. Their own makerspace's routes still answer 403; a caller in
 * no makerspace at all gets the matrix's 403, which says nothing about the makerspace either.
 */
async function refuseOutsiders(
  request: FastifyRequest,
  makerspace: MakerspaceRef | undefined,
): Promise<void> {
  if (!makerspace || request.caller?.kind !== 'user') return;
  const memberships = await request.access.memberships();
  if (memberships.length > 0 && rolesIn(memberships, makerspace).length === 0)
    throw new AppError(404, 'NOT_FOUND', 'That makerspace was not found.');
}

const makerspaceColumnsCouldGrant = (feature: Feature, mode: AccessMode) =>
  makerspaceRoles.some((role) => decideAccess(feature, mode, [role]) === 'allow');

/**
 * The signed-in person behind a request, for a handler whose route declares a cell or a
 * permission only people hold. The guard has already refused anyone else; reaching this
 * without a person is a route declared too openly, and fails loudly.
 */
export function signedInUser(request: FastifyRequest): UserCaller {
  const { caller } = request;
  if (caller?.kind === 'user') return caller;
  throw new AppError(
    500,
    'ROUTE_ACCESS_MISDECLARED',
    `${request.method} ${request.routeOptions.url} needs a signed-in person but is declared open to others.`,
  );
}

/** The backend behind a request to an integration endpoint (`access: { serviceClients }`). */
export function callingService(request: FastifyRequest): ServiceCaller {
  const { caller } = request;
  if (caller?.kind === 'service') return caller;
  throw new AppError(
    500,
    'ROUTE_ACCESS_MISDECLARED',
    `${request.method} ${request.routeOptions.url} needs a service caller but is declared open to others.`,
  );
}
