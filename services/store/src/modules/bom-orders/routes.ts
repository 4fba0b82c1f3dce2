import {
  errorBody,
  purchasingAccount,
  purchasingAccountCreate,
  purchasingAccountList,
  purchasingAccountUpdate,
  quickReorderBody,
  quickReorderResult,
} from '@makrx/contracts';
import type { FastifyPluginAsyncZod } from '@makrx/service-kit';
import { z } from 'zod';
import { placeOrderOnAccount } from '../../flows/place-account-order';
import { storeLinks } from '../../store-links';
import { actorIdOf } from '../orders/service';
import { createAccount, findAccount, listAccounts, updateAccount } from './accounts';

const storeAdmins = { access: { permission: 'store:admin' } } as const;
const accountParams = z.object({ id: z.uuid() });

/**
 * Spec 7, MakrCave backend → MakrX.Store `POST /api/v1/orders/quick-reorder`: a makerspace's
 * purchasing account orders a BOM's items (only the cave's service token may ask); and the
 * store admins' management of those accounts.
 */
export const bomOrderRoutes: FastifyPluginAsyncZod = async (app) => {
  const links = storeLinks(app.config);

  app.post(
    '/orders/quick-reorder',
    {
      config: { access: { serviceClients: ['makrcave-backend'] } },
      schema: {
        tags: ['integration'],
        summary: "Order a BOM's items on the makerspace's purchasing account (for MakrCave)",
        description:
          'Priced and stocked as checkout does, paid on account (invoice). The same reorderId again answers the same order. 422 NO_PURCHASING_ACCOUNT, MONTHLY_LIMIT_EXCEEDED or NOTHING_TO_ORDER (every item rejected) place nothing; other rejected items are listed with why.',
        body: quickReorderBody,
        response: {
          200: quickReorderResult,
          400: errorBody,
          401: errorBody,
          403: errorBody,
          409: errorBody,
          422: errorBody,
        },
      },
    },
    async (request) =>
      placeOrderOnAccount(
        app.db,
        { actorId: request.body.userId, requestId: request.id, log: request.log, links },
        request.body,
      ),
  );

  app.get(
    '/admin/purchasing-accounts',
    {
      config: storeAdmins,
      schema: {
        tags: ['store admin'],
        summary: "Makerspaces' purchasing accounts, with this month's spend",
        response: { 200: purchasingAccountList, 401: errorBody, 403: errorBody },
      },
    },
    async () => ({ accounts: await listAccounts(app.db) }),
  );

  app.post(
    '/admin/purchasing-accounts',
    {
      config: storeAdmins,
      schema: {
        tags: ['store admin'],
        summary: 'Open a purchasing account for a makerspace',
        body: purchasingAccountCreate,
        response: {
          201: purchasingAccount,
          400: errorBody,
          401: errorBody,
          403: errorBody,
          409: errorBody,
        },
      },
    },
    async (request, reply) => {
      const acting = { actorId: actorIdOf(request), requestId: request.id };
      return reply.code(201).send(await createAccount(app.db, request.body, acting));
    },
  );

  app.get(
    '/admin/purchasing-accounts/:id',
    {
      config: storeAdmins,
      schema: {
        tags: ['store admin'],
        summary: 'One purchasing account',
        params: accountParams,
        response: { 200: purchasingAccount, 401: errorBody, 403: errorBody, 404: errorBody },
      },
    },
    async (request) => findAccount(app.db, request.params.id),
  );

  app.patch(
    '/admin/purchasing-accounts/:id',
    {
      config: storeAdmins,
      schema: {
        tags: ['store admin'],
        summary: 'Change a purchasing account: its limit, billing details, or close it',
        params: accountParams,
        body: purchasingAccountUpdate,
        response: {
          200: purchasingAccount,
          400: errorBody,
          401: errorBody,
          403: errorBody,
          404: errorBody,
        },
      },
    },
    async (request) => {
      const acting = { actorId: actorIdOf(request), requestId: request.id };
      return updateAccount(app.db, request.params.id, request.body, acting);
    },
  );
};
