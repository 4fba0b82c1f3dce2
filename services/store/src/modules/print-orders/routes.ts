import { signedInUser } from '@makrx/auth';
import {
  createPrintOrderBody,
  errorBody,
  modelAnalysis,
  myPrintOrderList,
  myPrintOrdersQuery,
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
import { storeConfigOf } from '../../config';
import {
  findModelUpload,
  findOwnModelUpload,
  modelAnalysisOf,
  modelMediaTypeOf,
  openModelFile,
} from '../model-uploads/service';
import { loadOrder, orderForCaller, orderTokenHeader } from '../orders/service';
import {
  latestPrintOrdersOf,
  printOrderById,
  printOrderOfOrder,
  printOrderTimeline,
  ratePrint,
  type PrintOrderRow,
} from './service';

const FLAG = 'ENABLE_STL_UPLOAD';

/** The header the model file's hex SHA-256 travels in: the provider can check what it got. */
export const MODEL_SHA256_HEADER = 'x-model-sha256';

/** A model file's bytes (streamed, never JSON). */
const modelFileBytes = z.unknown().describe('The model file’s bytes');

const caveOnly = { access: { serviceClients: ['makrcave-backend'] } } as const;
const serviceOrderParams = z.object({ id: z.uuid() });

/**
 * `attachment` with the customer's file name: an ASCII fallback for old clients and the exact
 * name in RFC 5987 form, so no quote, slash or line break in a name can break the header.
 */
export function attachmentOf(name: string): string {
  const fallback = name.replace(/[^\x20-\x7e]|["\\/]/g, '_');
  const exact = encodeURIComponent(name).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${fallback}"; filename*=UTF-8''${exact}`;
}

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

    // What MakrX.org's "My ecosystem" lists: the caller's own prints and nobody else's.
    app.get(
      '/me/print-orders',
      {
        config: { access: { feature: 'orderManagement', mode: 'read' } },
        schema: {
          tags: ['print-orders'],
          summary: 'Your latest print orders, the most recently changed first',
          security: [{ bearer: [] }],
          querystring: myPrintOrdersQuery,
          response: { 200: myPrintOrderList, 400: errorBody, 401: errorBody, 403: errorBody },
        },
      },
      async (request, reply) => {
        const ownerId = signedInUser(request).userId;
        const prints = await latestPrintOrdersOf(app.db, ownerId, request.query.limit);
        const items = await Promise.all(
          prints.map(async (print) => {
            const [order, upload] = await Promise.all([
              loadOrder(app.db, { id: print.orderId }),
              findOwnModelUpload(app.db, print.uploadId, ownerId),
            ]);
            return {
              id: print.id,
              orderId: print.orderId,
              orderNumber: order?.row.number ?? '',
              status: print.status,
              fileName: upload?.originalName ?? 'model',
              materialName: print.quote.materialName,
              quantity: print.quote.quantity,
              providerName: print.providerName,
              updatedAt: print.updatedAt.toISOString(),
            };
          }),
        );
        reply.header('cache-control', 'no-store');
        return { items };
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

    /** The print order's upload: every print order was placed on an accepted upload. */
    const uploadOfServiceOrder = async (id: string) => {
      const print = await printOrderById(app.db, id);
      const upload = await findModelUpload(app.db, print.uploadId);
      if (!upload) throw notFound('The print order’s model');
      return upload;
    };

    app.get(
      '/service-orders/:id/model',
      {
        config: caveOnly,
        schema: {
          tags: ['integration'],
          summary: 'The customer’s model file of a print order, for MakrCave’s provider',
          description:
            'The stored bytes, streamed: `content-type` by format (model/stl, model/obj, ' +
            'model/3mf), `content-disposition` attachment with the customer’s file name, ' +
            '`content-length`, and the hex SHA-256 in `x-model-sha256`.',
          params: serviceOrderParams,
          response: { 200: modelFileBytes, 401: errorBody, 403: errorBody, 404: errorBody },
        },
      },
      async (request, reply) => {
        const upload = await uploadOfServiceOrder(request.params.id);
        const file = await openModelFile(storeConfigOf(app.config), upload);
        return reply
          .header('content-type', modelMediaTypeOf(upload.format))
          .header('content-length', upload.sizeBytes)
          .header('content-disposition', attachmentOf(upload.originalName))
          .header(MODEL_SHA256_HEADER, upload.sha256)
          .header('cache-control', 'private, no-store')
          .send(file);
      },
    );

    app.get(
      '/service-orders/:id/analysis',
      {
        config: caveOnly,
        schema: {
          tags: ['integration'],
          summary: 'The store’s analysis of a print order’s model, at the unit scale it was quoted',
          params: serviceOrderParams,
          response: { 200: modelAnalysis, 401: errorBody, 403: errorBody, 404: errorBody },
        },
      },
      async (request) => modelAnalysisOf(await uploadOfServiceOrder(request.params.id)),
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
        config: caveOnly,
        schema: {
          tags: ['integration'],
          summary: "MakrCave's report of a print job's change (once per event id)",
          params: serviceOrderParams,
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
