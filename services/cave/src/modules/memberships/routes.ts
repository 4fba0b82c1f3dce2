import { signedInUser } from '@makrx/auth';
import {
  errorBody,
  makerspaceMembershipList as membershipList,
  makerspaceRoster,
  myMakerspaceList,
  userMakerspacesList,
  userMakerspacesQuery,
} from '@makrx/contracts';
import type { FastifyPluginAsyncZod } from '@makrx/service-kit';
import { z } from 'zod';
import { membershipsOf, membershipsOfUsers, myMakerspaces, rosterOf } from './service';

export const membershipRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/me/makerspaces',
    {
      config: { access: { feature: 'userProfileManagement', mode: 'read' } },
      schema: {
        tags: ['memberships'],
        summary:
          'The signed-in user’s makerspaces (suspended ones left out), city and role in each',
        security: [{ bearer: [] }],
        response: { 200: myMakerspaceList, 401: errorBody },
      },
    },
    async (request) => ({ items: await myMakerspaces(app.db, signedInUser(request).userId) }),
  );

  // Spec section 7, MakrX.org → MakrCave: only the auth service may ask about any user.
  app.get(
    '/user/makerspaces',
    {
      config: { access: { serviceClients: ['auth-service', 'store-backend'] } },
      schema: {
        tags: ['integration'],
        summary: 'A user’s makerspace memberships (for MakrX.org)',
        querystring: z.object({ userId: z.uuid() }),
        response: { 200: membershipList, 401: errorBody, 403: errorBody },
      },
    },
    async (request) => ({ items: await membershipsOf(app.db, request.query.userId) }),
  );

  // For MakrX.org's admin users list: one page of users' makerspace roles in one call.
  app.get(
    '/user-makerspaces',
    {
      config: { access: { serviceClients: ['auth-service'] } },
      schema: {
        tags: ['integration'],
        summary: 'Several users’ makerspace memberships at once (for MakrX.org’s users list)',
        querystring: userMakerspacesQuery,
        response: { 200: userMakerspacesList, 400: errorBody, 401: errorBody, 403: errorBody },
      },
    },
    async (request) => ({ items: await membershipsOfUsers(app.db, request.query.userIds) }),
  );

  // For MakrX.org's members directory (spec 7, GET /api/v1/community/members): by id or slug.
  app.get(
    '/makerspace-members',
    {
      config: { access: { serviceClients: ['auth-service'] } },
      schema: {
        tags: ['integration'],
        summary: 'A makerspace’s active members and their roles (for MakrX.org)',
        // A makerspace's id or slug: both are lowercase letters, digits and dashes.
        querystring: z.object({
          makerspace: z
            .string()
            .max(80)
            .regex(/^[a-z0-9][a-z0-9-]*$/i, 'a makerspace id or slug'),
        }),
        response: { 200: makerspaceRoster, 401: errorBody, 403: errorBody, 404: errorBody },
      },
    },
    async (request) => rosterOf(app.db, request.query.makerspace),
  );
};
