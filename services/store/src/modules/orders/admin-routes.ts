import {
  carrierCodes,
  customerDetail,
  customerListQuery,
  customerPage,
  customerParams,
  errorBody,
  order,
  orderExportQuery,
  orderListQuery,
  orderPage,
  salesReport,
  salesReportQuery,
  type OrderStatus,
} from '@makrx/contracts';
import { requestNotification, type FastifyPluginAsyncZod } from '@makrx/service-kit';
import { z } from 'zod';
import { storeConfigOf } from '../../config';
import { refundOrder } from '../../flows/refund-order';
import { storeLinks } from '../../store-links';
import { createPaymentProvider } from '../payments/service';
import { actorIdOf, orderForCaller } from './order-access';
import { changeOrderStatus, loadOrder } from './order-records';
import { listCustomers, readCustomer } from './customers';
import { orderExportCsv, orderExportFileName } from './order-export';
import { listOrders } from './order-lists';
import { salesReport as reportSales } from './sales-report';

const orderParams = z.object({ id: z.uuid() });
const storeAdmins = { access: { permission: 'store:admin' } } as const;

/** The fulfilment steps a store admin takes, each from the statuses it may follow. */
const steps: Record<string, { to: OrderStatus; from: OrderStatus[]; summary: string }> = {
  fulfilment: { to: 'in_fulfilment', from: ['paid'], summary: 'Start fulfilling a paid order' },
  deliver: { to: 'delivered', from: ['shipped'], summary: 'Mark a shipped order delivered' },
};

/** Store-admin order management: the list with filters, and moving orders along. */
export const orderAdminRoutes: FastifyPluginAsyncZod = async (app) => {
  const provider = createPaymentProvider(storeConfigOf(app.config));
  app.get(
    '/admin/orders',
    {
      config: storeAdmins,
      schema: {
        tags: ['store admin'],
        summary: 'All orders, filtered by status, or by email or number',
        querystring: orderListQuery,
        response: { 200: orderPage, 401: errorBody, 403: errorBody },
      },
    },
    async (request) => listOrders(app.db, request.query),
  );

  app.get(
    '/admin/sales',
    {
      config: storeAdmins,
      schema: {
        tags: ['store admin'],
        summary: 'Paid sales per day over the last 7, 30 or 90 days, best sellers, low stock',
        querystring: salesReportQuery,
        response: { 200: salesReport, 400: errorBody, 401: errorBody, 403: errorBody },
      },
    },
    async (request) => reportSales(app.db, request.query.days),
  );

  app.get(
    '/admin/orders/export',
    {
      config: storeAdmins,
      schema: {
        tags: ['store admin'],
        summary: 'Orders placed between two days (and of one status) as a CSV file',
        // No response schema: the answer is a CSV stream (refusals are the one error body).
        querystring: orderExportQuery,
      },
    },
    async (request, reply) =>
      reply
        .type('text/csv; charset=utf-8')
        .header(
          'content-disposition',
          `attachment; filename="${orderExportFileName(request.query)}"`,
        )
        .header('cache-control', 'no-store')
        .send(orderExportCsv(app.db, request.query)),
  );

  app.get(
    '/admin/customers',
    {
      config: storeAdmins,
      schema: {
        tags: ['store admin'],
        summary: 'Everyone who ordered, accounts and guests, by name or email',
        querystring: customerListQuery,
        response: { 200: customerPage, 400: errorBody, 401: errorBody, 403: errorBody },
      },
    },
    async (request) => listCustomers(app.db, request.query),
  );

  app.get(
    '/admin/customers/:key',
    {
      config: storeAdmins,
      schema: {
        tags: ['store admin'],
        summary: 'One customer (account id or guest email) with their latest orders',
        params: customerParams,
        response: { 200: customerDetail, 400: errorBody, 403: errorBody, 404: errorBody },
      },
    },
    async (request) => readCustomer(app.db, request.params.key),
  );

  for (const [path, step] of Object.entries(steps)) {
    app.post(
      `/orders/:id/${path}`,
      {
        schema: {
          tags: ['store admin'],
          summary: step.summary,
          params: orderParams,
          response: { 200: order, 403: errorBody, 404: errorBody, 409: errorBody },
        },
        config: storeAdmins,
      },
      async (request) => {
        await app.db.transaction((tx) =>
          changeOrderStatus(tx, request.params.id, {
            to: step.to,
            from: step.from,
            actorId: actorIdOf(request),
            requestId: request.id,
            action: `order.${step.to}`,
          }),
        );
        return (await loadOrder(app.db, { id: request.params.id }))!.order;
      },
    );
  }

  app.post(
    '/orders/:id/ship',
    {
      schema: {
        tags: ['store admin'],
        summary: 'Mark an order shipped, with its tracking number',
        params: orderParams,
        body: z.object({
          trackingNumber: z.string().trim().min(4).max(100),
          // Optional: a parcel handed to a carrier the store has no link for has none.
          carrier: z.enum(carrierCodes).optional(),
        }),
        response: { 200: order, 400: errorBody, 403: errorBody, 404: errorBody, 409: errorBody },
      },
      config: storeAdmins,
    },
    async (request) => {
      await app.db.transaction(async (tx) => {
        const shipped = await changeOrderStatus(tx, request.params.id, {
          to: 'shipped',
          from: ['paid', 'in_fulfilment'],
          trackingNumber: request.body.trackingNumber,
          ...(request.body.carrier ? { carrier: request.body.carrier } : {}),
          note: `Tracking number ${request.body.trackingNumber}`,
          actorId: actorIdOf(request),
          requestId: request.id,
          action: 'order.shipped',
        });
        if (shipped.userId) {
          await requestNotification(tx, 'store', {
            userId: shipped.userId,
            kind: 'order.shipped',
            title: `Order ${shipped.number} has shipped`,
            body: `Tracking number ${request.body.trackingNumber}.`,
            link: storeLinks(app.config).order(shipped.number, shipped.accessToken),
          });
        }
      });
      return (await loadOrder(app.db, { id: request.params.id }))!.order;
    },
  );

  app.post(
    '/orders/:id/refund',
    {
      config: storeAdmins,
      schema: {
        tags: ['store admin'],
        summary: 'Refund a paid order through the payment provider (store admins)',
        params: orderParams,
        body: z.object({ note: z.string().trim().max(500).optional() }).nullish(),
        response: { 200: order, 403: errorBody, 404: errorBody, 409: errorBody },
      },
    },
    async (request) => {
      const { row } = await orderForCaller(app.db, request, request.params.id);
      const acting = { actorId: actorIdOf(request), requestId: request.id, log: request.log };
      await refundOrder(app.db, { ...acting, provider }, row, request.body?.note);
      return (await loadOrder(app.db, { id: row.id }))!.order;
    },
  );
};
