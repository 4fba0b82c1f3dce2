import { signedInUser } from '@makrx/auth';
import {
  errorBody,
  guestOrderLookup,
  invoice,
  order,
  orderListQuery,
  orderPage,
} from '@makrx/contracts';
import { type FastifyPluginAsyncZod } from '@makrx/service-kit';
import { z } from 'zod';
import { paymentProcessing } from '../payments/service';
import { orderForCaller, orderTokenHeader } from './order-access';
import { orderInvoicePdf } from './invoice-document';
import { claimGuestOrders } from './order-claims';
import { invoiceOf, listOrders } from './order-lists';
import { ORDER_LINK_REQUESTS_PER_HOUR, requestOrderLink } from './order-link';

/** Orders as their buyers see them: history, tracking, guest lookup and invoices. */
export const orderAccountRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/orders',
    {
      config: { access: { feature: 'orderManagement', mode: 'read' } },
      schema: {
        tags: ['orders'],
        summary: 'Your orders, newest first',
        description:
          'Guest orders placed with your email become yours here once the identity provider has verified that email (`email_verified`).',
        querystring: orderListQuery.omit({ q: true }),
        response: { 200: orderPage, 401: errorBody },
      },
    },
    async (request) => {
      const user = signedInUser(request);
      await claimGuestOrders(app.db, user, request.id);
      return listOrders(app.db, { ...request.query, userId: user.userId });
    },
  );

  // The store's tracking page `/orders/<number>?token=…` (the link in the confirmation email).
  app.get(
    '/orders/by-number/:number',
    {
      config: { access: 'public' },
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
      if (found.status !== 'pending_payment') return found;
      return { ...found, paymentProcessing: await paymentProcessing(app.db, found.id) };
    },
  );

  // A guest without the order email: the link goes to the order's address, never to the asker.
  app.post(
    '/orders/lookup',
    {
      config: { access: 'public' },
      schema: {
        tags: ['orders'],
        summary: "A guest asks for their order's link by its number and email",
        description:
          'If an order with this number was placed with this email, its tracking link is mailed ' +
          'to that address. The answer is the same either way; each order and each address may ' +
          `be asked about ${ORDER_LINK_REQUESTS_PER_HOUR} times an hour.`,
        body: guestOrderLookup,
        response: { 202: z.object({ message: z.string() }), 400: errorBody, 429: errorBody },
      },
    },
    async (request, reply) => {
      await requestOrderLink(app.db, request.body);
      return reply.code(202).send({
        message: 'If that order exists, we have sent its link to that address.',
      });
    },
  );

  app.get(
    '/orders/:id/invoice',
    {
      config: { access: 'public' },
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

  app.get(
    '/orders/:id/invoice.pdf',
    {
      config: { access: 'public' },
      schema: {
        tags: ['orders'],
        summary: "The order's invoice as a PDF file",
        headers: orderTokenHeader,
        params: z.object({ id: z.uuid() }),
      },
    },
    async (request, reply) => {
      const found = invoiceOf((await orderForCaller(app.db, request, request.params.id)).order);
      return reply
        .type('application/pdf')
        .header('content-disposition', `inline; filename="${found.invoiceNumber}.pdf"`)
        .send(await orderInvoicePdf(found));
    },
  );
};
