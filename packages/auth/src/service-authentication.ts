import type { FastifyPluginAsync } from 'fastify';
import fastifyPlugin from 'fastify-plugin';
import { authPlugin } from './auth-plugin';
import type { BackendClient } from './caller';
import type { MakerspaceRoleResolver } from './guard';
import { createTokenVerifier } from './verify-token';

/**
 * What a service puts in its definition's `authentication`: tokens of `issuer` meant for
 * `audience` (the service's own client id), and the guard over every route after it.
 */
export function serviceAuthentication(
  issuer: string,
  audience: BackendClient,
  makerspaceRoles?: MakerspaceRoleResolver,
): FastifyPluginAsync {
  const verifier = createTokenVerifier({ issuer, audience });
  // Not encapsulated: the guard must reach the routes of every module registered after it.
  return fastifyPlugin(async (app) => {
    await app.register(authPlugin, { verifier, ...(makerspaceRoles ? { makerspaceRoles } : {}) });
  });
}
