import { signedInUser } from '@makrx/auth';
import { activeSessions, errorBody, sessionsEnded } from '@makrx/contracts';
import type { FastifyPluginAsyncZod } from '@makrx/service-kit';
import { z } from 'zod';
import { endActiveSessions, listActiveSessions, type SessionEnding } from './active-sessions';

const errors = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody };

/** The signed-in user's browser sessions at the identity provider: list, end one, end all. */
export const sessionRoutes: FastifyPluginAsyncZod = async (app) => {
  const ending: SessionEnding = {
    issuer: app.config.OIDC_ISSUER,
    appUrls: {
      gateway: app.config.GATEWAY_URL,
      cave: app.config.CAVE_URL,
      store: app.config.STORE_URL,
    },
    // Not used to end sessions; the type shares the clients' settings.
    secrets: { auth: '', cave: '', store: '' },
  };

  app.get(
    '/me/sessions',
    {
      config: { access: { feature: 'crossDomainSso', mode: 'read' } },
      schema: {
        tags: ['sessions'],
        summary: 'Your signed-in browser sessions: device, address, when signed in and last active',
        response: { 200: activeSessions, ...errors },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      const user = signedInUser(request);
      return { sessions: await listActiveSessions(app.db, user.userId, user.sessionId) };
    },
  );

  app.delete(
    '/me/sessions/:sessionId',
    {
      config: { access: { feature: 'crossDomainSso', mode: 'write' } },
      schema: {
        tags: ['sessions'],
        summary: 'Sign one of your sessions out: its apps are signed out, the store at once',
        params: z.object({ sessionId: z.string().min(1).max(128) }),
        response: { 200: sessionsEnded, ...errors },
      },
    },
    async (request) => ({
      ended: await endActiveSessions(app.db, ending, signedInUser(request).userId, {
        sessionId: request.params.sessionId,
      }),
    }),
  );

  app.post(
    '/me/sessions/sign-out-everywhere',
    {
      config: { access: { feature: 'crossDomainSso', mode: 'write' } },
      schema: {
        tags: ['sessions'],
        summary: 'Sign out everywhere: every session ends and every app refresh token is revoked',
        response: { 200: sessionsEnded, ...errors },
      },
    },
    async (request) => ({
      ended: await endActiveSessions(app.db, ending, signedInUser(request).userId, 'all'),
    }),
  );
};
