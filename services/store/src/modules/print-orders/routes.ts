import { signedInUser } from '@makrx/auth';
import {
  createPrintOrderBody,
  errorBody,
  placedOrder,
  printOrderView,
  printRatingBody,
  serviceOrderUpdate,
  type PrintOrderView,
} from '@makrx/contracts';
import { notFound, type FastifyPluginAsyncZod } from '@makrx/service-kit';
import { z } from 'zod';
import { placePrintOrder, type QuotePrint } from '../../flows/place-print-order';
import { recordPrintUpdate } from '../../flows/record-print-update';
import { storeLinks } from '../../store-links';
import { findOwnModelUpload } from '../model-uploads/service';
import { orderForCaller, orderTokenHeader } from '../orders/service';
import {
  printOrderById,
  printOrderOfOrder,
  printOrderTimeline,
  ratePrint,
  type PrintOrderRow,
} from './service';

const FLAG = 'ENABLE_STL_UPLOAD';

const idempotencyHeaders = z.object({
  'idempotency-key': z
    .string()
    .min(8, 'at least 8 characters; a fresh UUID per order works well')
    .max(200),
});

/**
 * Print orders: placing one from a quote (signed-in customers: "Upload files for quotes"),
 * reading where one stands (whoever may read its order), and the cave's reports on its job
 * (the cave's service token only).
 */
export const printOrderRoutes =
  (quotePrint: QuotePrint): FastifyPluginAsyncZod =>
  async (app) => {
    const links = storeLinks(app.config);

    app.post(
      '/print-orders',
      {
        config: { access: { feature: 'uploadFilesForQuotes', mode: 'write' }, flag: FLAG },
        schema: {
          tags: ['print-orders'],
          summary: 'Order the print of one of your uploads at one of its quotes',
          description:
            'The price is quoted again here. Requires an Idempotency-Key header: a retried request returns the first order (200); the same key with another request is refused (409). The answer is a store order awaiting payment.',
          headers: idempotencyHeaders,
          body: createPrintOrderBody,
          response: {
            200: placedOrder,
            201: placedOrder,
            400: errorBody,
            401: errorBody,
            404: errorBody,
            409: errorBody,
          },
        },
      },
      async (request, reply) => {
        const user = signedInUser(request);
        const { order, replayed } = await placePrintOrder(
          app.db,
          {
            buyer: { userId: user.userId, email: user.email },
            body: request.body,
            idempotencyKey: request.headers['idempotency-key'],
            requestId: request.id,
          },
          quotePrint,
          { log: request.log },
        );
        return reply.code(replayed ? 200 : 201).send(order);
      },
    );

    app.get(
      '/orders/:id/print',
      {
        // As the order itself: its buyer, a store admin, or whoever holds the order's link.
        config: { access: 'public' },
        schema: {
          tags: ['print-orders'],
          summary: 'The print behind an order, and every step it went through',
          params: z.object({ id: z.uuid() }),
          headers: orderTokenHeader,
          response: { 200: printOrderView, 401: errorBody, 404: errorBody },
        },
      },
      async (request) => {
        const { order } = await orderForCaller(app.db, request, request.params.id);
        const print = await printOrderOfOrder(app.db, order.id);
        if (!print) throw notFound('A print in this order');
        return viewOf(print);
      },
    );

    app.post(
      '/orders/:id/print/rating',
      {
        // Signed-in customers; of them, only the order's buyer (the service checks the print's owner).
        config: { access: { feature: 'uploadFilesForQuotes', mode: 'write' }, flag: FLAG },
        schema: {
          tags: ['print-orders'],
          summary: 'Rate your delivered print (1–5 stars, an optional comment), once',
          description:
            'Only the buyer, only once the print is delivered (409 PRINT_NOT_DELIVERED before). The same rating sent again answers 200 with the order as it is; another rating of a rated print is refused (409 PRINT_ALREADY_RATED). The rating reaches the provider through the outbox.',
          params: z.object({ id: z.uuid() }),
          body: printRatingBody,
          response: {
            200: printOrderView,
            201: printOrderView,
            400: errorBody,
            401: errorBody,
            403: errorBody,
            404: errorBody,
            409: errorBody,
          },
        },
      },
      async (request, reply) => {
        const user = signedInUser(request);
        const { order } = await orderForCaller(app.db, request, request.params.id, {
          token: undefined,
        });
        const found = await printOrderOfOrder(app.db, order.id);
        if (!found) throw notFound('A print in this order');
        const { print, replayed } = await ratePrint(app.db, {
          printOrderId: found.id,
          buyerId: user.userId,
          rating: request.body,
        });
        return reply.code(replayed ? 200 : 201).send(await viewOf(print));
      },
    );

    app.post(
      '/service-orders/:id/updates',
      {
        config: { access: { serviceClients: ['makrcave-backend'] } },
        schema: {
          tags: ['integration'],
          summary: "MakrCave's report of a print job's change (once per event id)",
          params: z.object({ id: z.uuid() }),
          body: serviceOrderUpdate,
          response: {
            200: z.object({ recorded: z.boolean() }),
            400: errorBody,
            401: errorBody,
            403: errorBody,
            404: errorBody,
            409: errorBody,
          },
        },
      },
      async (request) => {
        await printOrderById(app.db, request.params.id);
        const recorded = await recordPrintUpdate(
          app.db,
          { printOrderId: request.params.id, update: request.body, links },
          request.log,
        );
        return { recorded: recorded.applied };
      },
    );

    async function viewOf(print: PrintOrderRow): Promise<PrintOrderView> {
      const upload = await findOwnModelUpload(app.db, print.uploadId, print.ownerId);
      const timeline = await printOrderTimeline(app.db, print.id);
      const { quote } = print;
      return {
        id: print.id,
        orderId: print.orderId,
        status: print.status,
        upload: { id: print.uploadId, originalName: upload?.originalName ?? 'model' },
        quote: {
          materialName: quote.materialName,
          quality: quote.quality,
          quantity: quote.quantity,
          machineName: quote.machineName,
          total: quote.total,
          currency: quote.currency,
        },
        provider:
          print.providerMakerspaceId && print.providerName
            ? { makerspaceId: print.providerMakerspaceId, name: print.providerName }
            : null,
        trackingUrl: print.trackingUrl,
        dueBy: print.dueBy.toISOString(),
        timeline: timeline.map((step) => ({
          status: step.status as PrintOrderView['timeline'][number]['status'],
          providerName: step.providerName,
          reason: step.reason,
          at: step.at.toISOString(),
        })),
        rating:
          print.ratingStars !== null && print.ratedAt !== null
            ? {
                stars: print.ratingStars,
                comment: print.ratingComment,
                ratedAt: print.ratedAt.toISOString(),
              }
            : null,
      };
    }
  };
