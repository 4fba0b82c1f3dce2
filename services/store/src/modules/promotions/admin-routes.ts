import { signedInUser } from '@makrx/auth';
import {
  adminPromotion,
  adminPromotionList,
  errorBody,
  promotionCreate,
  promotionUpdate,
} from '@makrx/contracts';
import type { FastifyPluginAsyncZod } from '@makrx/service-kit';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import {
  createPromotion,
  findPromotion,
  listPromotions,
  updatePromotion,
  type Actor,
} from './promotion-admin';

const errors = {
  400: errorBody,
  401: errorBody,
  403: errorBody,
  404: errorBody,
  409: errorBody,
  422: errorBody,
};
const tags = ['promotions admin'];
const storeAdmins = { access: { permission: 'store:admin' } } as const;
const security = [{ bearer: [] }];
const params = z.object({ id: z.uuid() });

/** The store admins' discount codes; every change is audited. */
export const promotionAdminRoutes: FastifyPluginAsyncZod = async (app) => {
  const actor = (request: FastifyRequest): Actor => ({
    userId: signedInUser(request).userId,
    requestId: request.id,
  });

  app.get(
    '/',
    {
      config: storeAdmins,
      schema: {
        tags,
        security,
        summary: 'Every discount code, archived too, with its uses',
        response: { 200: adminPromotionList, ...errors },
      },
    },
    async () => ({ items: await listPromotions(app.db) }),
  );

  app.get(
    '/:id',
    {
      config: storeAdmins,
      schema: {
        tags,
        security,
        summary: 'One discount code as its edit form shows it',
        params,
        response: { 200: adminPromotion, ...errors },
      },
    },
    async (request) => findPromotion(app.db, request.params.id),
  );

  app.post(
    '/',
    {
      config: storeAdmins,
      schema: {
        tags,
        security,
        summary: 'Create a discount code',
        description: 'Codes are unique without regard to case (409 CODE_TAKEN).',
        body: promotionCreate,
        response: { 201: adminPromotion, ...errors },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await createPromotion(app.db, actor(request), request.body)),
  );

  app.patch(
    '/:id',
    {
      config: storeAdmins,
      schema: {
        tags,
        security,
        summary: 'Change a discount code; status archived takes it out of use',
        params,
        body: promotionUpdate,
        response: { 200: adminPromotion, ...errors },
      },
    },
    async (request) => updatePromotion(app.db, actor(request), request.params.id, request.body),
  );
};
