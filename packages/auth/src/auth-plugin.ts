import { AppError } from '@makrx/service-kit';
import type { FastifyPluginAsync, RouteOptions } from 'fastify';
import fastifyPlugin from 'fastify-plugin';
import { accessMatrix } from './access-matrix';
import type { BackendClient, Caller } from './caller';
import { enforceRouteAccess, type MakerspaceRoleResolver, type RouteAccess } from './guard';
import type { TokenVerifier } from './verify-token';

declare module 'fastify' {
  interface FastifyRequest {
    /** Who is calling; null for a guest. Set on routes registered after the auth plugin. */
    caller: Caller | null;
  }
  interface FastifyContextConfig {
    /** The access matrix cell this route stands for. */
    access?: RouteAccess;
    /** An integration endpoint: only service tokens of these clients pass. */
    serviceClients?: readonly BackendClient[];
  }
}

export interface AuthPluginOptions {
  verifier: TokenVerifier;
  /** How this service learns a user's roles in the makerspace a request is about. */
  makerspaceRoles?: MakerspaceRoleResolver;
}

const BEARER = /^Bearer +([^\s]+)$/i;

/**
 * Who is calling, and whether they may: reads `Authorization: Bearer`, sets `request.caller`,
 * and holds every route that declares `config.access` or `config.serviceClients` to it.
 * Register it first in a module; it applies to the routes registered after it in that scope.
 */
const auth: FastifyPluginAsync<AuthPluginOptions> = async (app, options) => {
  app.decorateRequest('caller', null);
  app.addHook('onRoute', checkRouteConfig);
  app.addHook('onRequest', async (request) => {
    request.caller = await authenticate(request.headers.authorization, options.verifier);
  });
  app.addHook('preHandler', (request) => enforceRouteAccess(request, options.makerspaceRoles));
};

export const authPlugin = fastifyPlugin(auth, { name: '@makrx/auth', fastify: '5.x' });

/** No header is a guest; a header that is not a valid bearer token is refused, never a guest. */
async function authenticate(
  header: string | undefined,
  verifier: TokenVerifier,
): Promise<Caller | null> {
  if (header === undefined) return null;
  const token = BEARER.exec(header)?.[1];
  if (token === undefined) {
    throw new AppError(
      401,
      'INVALID_TOKEN',
      'The token is malformed: the Authorization header must read "Bearer <token>".',
      { reason: 'malformed' },
    );
  }
  return verifier.verify(token);
}

/** A mistyped cell fails at start-up, not at the first request. */
function checkRouteConfig(route: RouteOptions): void {
  const { access, serviceClients } = route.config ?? {};
  const where = `${String(route.method)} ${route.url}`;
  if (access && serviceClients) {
    throw new Error(`${where}: a route is either a matrix cell or a service endpoint, not both.`);
  }
  if (access && !Object.hasOwn(accessMatrix, access.feature)) {
    throw new Error(`${where}: "${access.feature}" is not a feature of the matrix.`);
  }
  if (access && access.mode !== 'read' && access.mode !== 'write') {
    throw new Error(`${where}: access mode must be "read" or "write".`);
  }
  if (serviceClients && serviceClients.length === 0) {
    throw new Error(`${where}: serviceClients names no client, so nothing could call it.`);
  }
}
