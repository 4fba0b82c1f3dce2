import type { RouteOptions } from 'fastify';
import { accessMatrix, type AccessMode, type Feature } from './access-matrix';
import { backendClients, type BackendClient } from './caller';
import { permissions, type Permission } from './permissions';

/**
 * Who may call a route, declared on the route and nowhere else:
 * - `'public'`: anyone, signed in or not (the catalog, a guest's checkout);
 * - `{ feature, mode }`: a cell of the spec's access matrix;
 * - `{ permission }`: a named administrative permission (permissions.ts);
 * - `{ serviceClients }`: an integration endpoint (spec 7) for the named backends only;
 * - `'operators'`: the operators' tools (/metrics for Prometheus, the API docs), opened by the
 *   bearer token shared with them (METRICS_TOKEN); open to anyone while none is configured,
 *   which production does not allow.
 */
export type RouteAccess =
  | 'public'
  | 'operators'
  | { feature: Feature; mode: AccessMode }
  | { permission: Permission }
  | { serviceClients: readonly BackendClient[] };

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Who may call this route; every route declares it, or the service does not start. */
    access?: RouteAccess;
    /**
     * A feature flag the route stands behind: while it is off for the caller the route answers
     * 404 FEATURE_DISABLED, as if it were not there yet. A feature that spans two domains
     * (the cave's BOM ordering and the store's quick reorder) names both: each must be on.
     */
    flag?: string | readonly string[];
  }
}

/** The path parameters that name the makerspace a route is about. */
export const makerspaceParams = ['makerspaceId', 'makerspaceSlug'] as const;

const FLAG_KEY = /^[A-Z][A-Z0-9_]{1,79}$/;

/** The flags a route declares, as a list (none, one, or several that must all be on). */
export const flagsOfRoute = (flag: string | readonly string[] | undefined): readonly string[] =>
  flag === undefined ? [] : typeof flag === 'string' ? [flag] : flag;

/**
 * Checks a route's declaration as it is registered, so a missing or mistyped one stops the
 * service at start-up instead of opening or closing a route by accident.
 */
export function checkRouteAccess(route: RouteOptions): void {
  const where = `${String(route.method)} ${route.url}`;
  const { access, flag } = route.config ?? {};
  if (access === undefined) {
    throw new Error(
      `${where} declares no access: give it config.access ('public', 'operators', a matrix cell { feature, mode }, { permission } or { serviceClients }).`,
    );
  }
  const flags = flagsOfRoute(flag);
  if (flag !== undefined && (flags.length === 0 || !flags.every((key) => FLAG_KEY.test(key)))) {
    throw new Error(
      `${where}: config.flag must be a flag key such as ENABLE_QUICK_REORDER, or a list of them.`,
    );
  }
  if (access === 'public' || access === 'operators') return;
  if (typeof access !== 'object') throw new Error(`${where}: "${String(access)}" is no access.`);
  const kinds = (['feature', 'permission', 'serviceClients'] as const).filter((key) =>
    Object.hasOwn(access, key),
  );
  if (kinds.length !== 1) {
    throw new Error(
      `${where}: config.access must be exactly one of a matrix cell, a permission or serviceClients.`,
    );
  }
  if ('feature' in access) checkMatrixCell(where, access);
  if ('permission' in access && !Object.hasOwn(permissions, access.permission)) {
    throw new Error(`${where}: "${access.permission}" is not a permission of packages/auth.`);
  }
  if ('serviceClients' in access) checkServiceClients(where, access.serviceClients);
  checkMakerspaceScope(where, route.url, access);
}

function checkMatrixCell(where: string, { feature, mode }: { feature: Feature; mode: AccessMode }) {
  if (!Object.hasOwn(accessMatrix, feature)) {
    throw new Error(`${where}: "${feature}" is not a feature of the matrix.`);
  }
  if (mode !== 'read' && mode !== 'write') {
    throw new Error(`${where}: access mode must be "read" or "write".`);
  }
}

function checkServiceClients(where: string, clients: readonly BackendClient[]) {
  if (clients.length === 0) {
    throw new Error(`${where}: serviceClients names no client, so nothing could call it.`);
  }
  const unknown = clients.filter(
    (client) => !(backendClients as readonly string[]).includes(client),
  );
  if (unknown.length > 0)
    throw new Error(`${where}: unknown service clients ${unknown.join(', ')}.`);
}

/**
 * A route about one makerspace must name it `:makerspaceId` or `:makerspaceSlug`, the names
 * the guard reads; a route that called it `:slug` would be judged by the caller's roles in
 * all their makerspaces together, letting a member of one space into another.
 */
function checkMakerspaceScope(
  where: string,
  url: string,
  access: Exclude<RouteAccess, 'public' | 'operators'>,
) {
  const named = makerspaceParams.some((param) => url.includes(`:${param}`));
  const aboutOne = /\/makerspaces\/:/.test(url);
  if (aboutOne && !named && !('serviceClients' in access)) {
    throw new Error(
      `${where}: name the makerspace parameter :makerspaceId or :makerspaceSlug, so the guard judges the caller's roles in that makerspace.`,
    );
  }
  if ('permission' in access) {
    const scope = (permissions[access.permission] as { makerspace?: { in: string } }).makerspace;
    if (scope?.in === 'route' && !named) {
      throw new Error(
        `${where}: "${access.permission}" holds within one makerspace; the route must name it (:makerspaceId or :makerspaceSlug).`,
      );
    }
  }
}
