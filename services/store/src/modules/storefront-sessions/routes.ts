import { createLogoutTokenVerifier, signedInUser } from '@makrx/auth';
import {
  backchannelLogoutBody,
  endedStorefrontSessions,
  errorBody,
  storefrontSessionState,
} from '@makrx/contracts';
import type { FastifyPluginAsyncZod } from '@makrx/service-kit';
import { z } from 'zod';
import { endedSessionsOf, hasSessionEnded, recordEndedSession } from './service';

/** The store app's client at the identity provider: logout tokens are addressed to it. */
const STORE_APP_CLIENT_ID = 'makrx-store-frontend';
const errors = { 400: errorBody, 401: errorBody, 403: errorBody, 503: errorBody };

/** The store app's back-channel logouts, kept where every store instance reads them. */
export const storefrontSessionRoutes: FastifyPluginAsyncZod = async (app) => {
  const verifyLogoutToken = createLogoutTokenVerifier({
    issuer: app.config.OIDC_ISSUER,
    clientId: STORE_APP_CLIENT_ID,
  });

  app.post(
    '/storefront-sessions/ended',
    {
      // The logout token is the credential: the identity provider's signature, checked here.
      config: { access: 'public' },
      bodyLimit: 16 * 1024,
      schema: {
        tags: ['storefront sessions'],
        summary: 'Record a store session the identity provider ended (a back-channel logout token)',
        body: backchannelLogoutBody,
        response: { 200: storefrontSessionState, ...errors },
      },
    },
    async (request) => {
      const logout = await verifyLogoutToken(request.body.logoutToken);
      await recordEndedSession(app.db, logout);
      return { ended: true };
    },
  );

  app.get(
    '/storefront-sessions',
    {
      config: { access: { feature: 'crossDomainSso', mode: 'read' } },
      schema: {
        tags: ['storefront sessions'],
        summary: 'Your store sessions the identity provider ended, newest first (at most 50)',
        response: { 200: endedStorefrontSessions, ...errors },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return { sessions: await endedSessionsOf(app.db, signedInUser(request).userId) };
    },
  );

  app.get(
    '/storefront-sessions/:sid',
    {
      config: { access: { feature: 'crossDomainSso', mode: 'read' } },
      schema: {
        tags: ['storefront sessions'],
        summary: 'Whether your store session (its sid at the store) has ended at the provider',
        params: z.object({ sid: z.string().min(1).max(256) }),
        response: { 200: storefrontSessionState, ...errors },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      const ended = await hasSessionEnded(app.db, signedInUser(request).userId, request.params.sid);
      return { ended };
    },
  );
};
