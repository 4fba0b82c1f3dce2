import { requireUser } from '@makrx/auth';
import { errorBody } from '@makrx/contracts';
import type { FastifyPluginAsyncZod } from '@makrx/service-kit';
import { z } from 'zod';
import { membershipsOf } from './service';

const membershipList = z.object({
  items: z.array(
    z.object({
      makerspace: z.object({ id: z.uuid(), slug: z.string(), name: z.string() }),
      roles: z.array(z.enum(['makerspace_admin', 'service_provider', 'member'])),
    }),
  ),
});

export const membershipRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/me/makerspaces',
    {
      schema: {
        tags: ['memberships'],
        summary: 'The signed-in user’s makerspaces and roles',
        security: [{ bearer: [] }],
        response: { 200: membershipList, 401: errorBody },
      },
    },
    async (request) => ({ items: await membershipsOf(app.db, requireUser(request).userId) }),
  );

  // Spec section 7, MakrX.org → MakrCave: only the auth service may ask about any user.
  app.get(
    '/user/makerspaces',
    {
      config: { serviceClients: ['auth-service'] },
      schema: {
        tags: ['integration'],
        summary: 'A user’s makerspace memberships (for MakrX.org)',
        querystring: z.object({ userId: z.uuid() }),
        response: { 200: membershipList, 401: errorBody, 403: errorBody },
      },
    },
    async (request) => ({ items: await membershipsOf(app.db, request.query.userId) }),
  );
};
