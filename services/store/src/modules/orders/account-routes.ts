import { requireUser } from '@makrx/auth';
import {
  errorBody,
  guestOrderLookup,
  invoice,
  order,
  orderListQuery,
  orderPage,
} from '@makrx/contracts';
import { notFound, type FastifyPluginAsyncZod } from '@makrx/service-kit';
import { z } from 'zod';
import { loadOrder } from './order-records';
import { orderForCaller, orderTokenHeader } from './order-access';
import { findGuestOrder, invoiceOf, listOrders } from './order-lists';

/** Orders as their buyers see them: history, tracking, guest lookup and invoices. */
export const orderAccountRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/orders',
    {
      schema: {
        tags: ['orders'],
        summary: 'Your orders, newest first',
        querystring: orderListQuery.omit({ q: true }),
        response: { 200: orderPage, 401: errorBody },
      },
      config: { access: { feature: 'orderManagement', mode: 'read' } },
    },
    async (request) => {
      const user = requireUser(request);
      return listOrders(app.db, { ...request.query, userId: user.userId });
    },
  );

  // The store's tracking page `/orders/<number>?token=…` (the link in the confirmation email).
  app.get(
    '/orders/by-number/:number',
    {
      schema: {
        tags: ['orders'],
        summary: 'An order by its number, for its tracking page',
        description: 'Its buyer signed in, a store admin, or the token from the order email.',
        headers: orderTokenHeader,
        params: z.object({ number: z.string().max(40) }),
        querystring: z.object({ token: z.string().max(200).optional() }),
        response: { 200: order, 401: errorBody, 404: errorBody },
      },
    },
    async (request) => {
      const token = request.query.token ?? request.headers['x-order-token'];
      const { order: found } = await orderForCaller(
        app.db,
        request,
        { number: request.params.number.toUpperCase() },
        { token },
      );
      return found;
    },
  );

  app.post(
    '/orders/lookup',
    {
      schema: {
        tags: ['orders'],
        summary: 'A guest finds their order by its number and email',
        body: guestOrderLookup,
        response: { 200: order, 400: errorBody, 404: errorBody },
      },
    },
    async (request) => {
      const id = await findGuestOrder(app.db, request.body.number, request.body.email);
      const found = id ? await loadOrder(app.db, { id }) : undefined;
      if (!found) throw notFound('An order with that number and email');
      return found.order;
    },
  );

  app.get(
    '/orders/:id/invoice',
    {
      schema: {
        tags: ['orders'],
        summary: "The order's invoice: number, lines, tax and totals",
        headers: orderTokenHeader,
        params: z.object({ id: z.uuid() }),
        response: { 200: invoice, 401: errorBody, 404: errorBody, 409: errorBody },
      },
    },
    async (request) => invoiceOf((await orderForCaller(app.db, request, request.params.id)).order),
  );
};
