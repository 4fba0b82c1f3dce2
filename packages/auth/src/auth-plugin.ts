import { AppError } from '@makrx/contracts';
import type {
  FastifyInstance,
  FastifyPluginAsync,
  FastifyReply,
  FastifyRequest,
  RouteOptions,
} from 'fastify';
import fastifyPlugin from 'fastify-plugin';
import type { Caller } from './caller';
import {
  BEARER,
  enforceRouteAccess,
  requestAccess,
  type MembershipSource,
  type RequestAccess,
} from './guard';
import { checkRouteAccess, flagsOfRoute, type RouteAccess } from './route-access';
import type { TokenVerifier } from './verify-token';

declare module 'fastify' {
  interface FastifyInstance {
    /** Every route with what it declares, once the app is ready (tests walk them). */
    declaredRoutes(): ReadonlyArray<DeclaredRoute>;
  }
  interface FastifyRequest {
    /** Who is calling; null for a guest. */
    caller: Caller | null;
    /** What the caller may do, for rules that depend on the data a handler reads. */
    access: RequestAccess;
  }
}

export interface AuthPluginOptions {
  verifier: TokenVerifier;
  /** Where a user's makerspace roles come from (the cave's memberships). */
  memberships?: MembershipSource;
  /**
   * What runs once the caller is known and before the route's declaration is held against
   * them: maintenance mode, which answers every change with 503 whoever asks.
   */
  afterAuthentication?: ReadonlyArray<
    (request: FastifyRequest, reply: FastifyReply) => Promise<void>
  >;
  /** The bearer token of the routes declared `'operators'` (METRICS_TOKEN); unset, they are open. */
  operatorToken?: string;
}

export interface DeclaredRoute {
  method: string;
  url: string;
  access: RouteAccess;
  /** The flags the route stands behind; all must be on for it to answer. */
  flags: readonly string[];
}

/**
 * The one guard, for a whole service: every route registered after it must declare its
 * access (checked as it is registered), and every request is authenticated and held to that
 * declaration before anything else looks at it, its body and query included. So a protected
 * route answers a request without a token with 401, never with a hint about its shape.
 */
const guard: FastifyPluginAsync<AuthPluginOptions> = async (app, options) => {
  app.decorateRequest('caller', null);
  app.decorateRequest('access', null as unknown as RequestAccess);
  // Checked once every plugin has had its say: a third-party plugin's routes (static files,
  // the docs UI) are declared by an onRoute hook of the scope that registers it, which runs
  // after this one. A route still undeclared then stops the service from starting.
  const routes: RouteOptions[] = [];
  app.addHook('onRoute', (route) => void routes.push(route));
  app.addHook('onReady', async () => {
    for (const route of routes) checkRouteAccess(route);
  });
  app.decorate('declaredRoutes', () =>
    routes.flatMap((route) =>
      [route.method].flat().map((method) => ({
        method,
        url: route.url,
        access: route.config!.access!,
        flags: flagsOfRoute(route.config?.flag),
      })),
    ),
  );
  app.addHook('onRequest', async (request, reply) => {
    const declared = request.routeOptions.config.access;
    // The operators' bearer token is no JWT: their routes know no caller beyond it.
    request.caller =
      declared === 'operators'
        ? null
        : await authenticate(request.headers.authorization, options.verifier);
    request.access = requestAccess(request.caller, options.memberships);
    for (const hook of options.afterAuthentication ?? []) await hook(request, reply);
    // Only Fastify's own answers (404, CORS preflight) reach here without a declaration.
    if (declared !== undefined) await enforceRouteAccess(request, declared, options.operatorToken);
  });
};

export const authPlugin = fastifyPlugin(guard, { name: '@makrx/auth', fastify: '5.x' });

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

/**
 * Declares the access of the routes a third-party plugin registers in this scope (it takes no
 * route config of its own): call it in the scope, before registering the plugin.
 */
export function declareRoutesOfPlugin(app: FastifyInstance, access: RouteAccess): void {
  app.addHook('onRoute', (route) => {
    if (route.config?.access === undefined) route.config = { ...route.config, access };
  });
}
