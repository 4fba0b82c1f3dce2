import { errorBody, order, paymentResult, paymentSource, isErrorCode } from '@makrx/contracts';
import { AppError, type FastifyPluginAsyncZod } from '@makrx/service-kit';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { loadOrder } from '../orders/order-records';
import { actorIdOf, orderForCaller, orderTokenHeader } from '../orders/order-access';
import { cancelOrder, refundOrder } from './order-lifecycle';
import { storeConfigOf } from '../../config';
import { storeLinks } from '../../store-links';
import { createPaymentProvider } from './provider';
import { confirmPayment, payOrder, type PaymentContext } from './service';

const orderParams = z.object({ id: z.uuid() });

/**
 * A declined card is the buyer's to fix: 402 with the provider's reason in words. Its code is
 * one of ours (the provider's own, such as Stripe's `expired_card`, is in the details).
 */
function failedPaymentError(result: Awaited<ReturnType<typeof payOrder>>) {
  const { failure, id } = result.payment;
  const providerCode = failure?.code ?? 'payment_failed';
  const ours = providerCode.toUpperCase();
  return new AppError(
    402,
    isErrorCode(ours) ? ours : 'CARD_DECLINED',
    failure?.message ?? 'The payment failed.',
    { paymentId: id, orderStatus: result.order.status, providerCode },
  );
}

export const paymentRoutes: FastifyPluginAsyncZod = async (app) => {
  const provider = createPaymentProvider(storeConfigOf(app.config));
  const links = storeLinks(app.config);
  const context = (request: FastifyRequest): PaymentContext => ({
    db: app.db,
    provider,
    actorId: actorIdOf(request),
    requestId: request.id,
    links,
  });

  app.post(
    '/orders/:id/payments',
    {
      config: { access: 'public' },
      schema: {
        tags: ['payments'],
        summary: 'Pay an order with a card or a payment method',
        description:
          'A declined card answers 402 and leaves the order pending payment: pay again with another card. A payment that needs confirmation answers with `nextAction`.',
        headers: orderTokenHeader,
        params: orderParams,
        body: paymentSource,
        response: { 201: paymentResult, 402: errorBody, 404: errorBody, 409: errorBody },
      },
    },
    async (request, reply) => {
      const { row } = await orderForCaller(app.db, request, request.params.id);
      const result = await payOrder(context(request), row, request.body);
      if (result.payment.status === 'failed') throw failedPaymentError(result);
      return reply.code(201).send(result);
    },
  );

  app.post(
    '/orders/:id/payments/:paymentId/confirm',
    {
      config: { access: 'public' },
      schema: {
        tags: ['payments'],
        summary: 'Finish a payment after the extra confirmation step',
        headers: orderTokenHeader,
        params: orderParams.extend({ paymentId: z.uuid() }),
        response: { 200: paymentResult, 402: errorBody, 404: errorBody, 409: errorBody },
      },
    },
    async (request) => {
      const { row } = await orderForCaller(app.db, request, request.params.id);
      const result = await confirmPayment(context(request), row, request.params.paymentId);
      if (result.payment.status === 'failed') throw failedPaymentError(result);
      return result;
    },
  );

  app.post(
    '/orders/:id/cancel',
    {
      config: { access: 'public' },
      schema: {
        tags: ['orders'],
        summary: 'Cancel an order before it ships; a paid one is refunded',
        headers: orderTokenHeader,
        params: orderParams,
        response: { 200: order, 404: errorBody, 409: errorBody },
      },
    },
    async (request) => {
      const { row } = await orderForCaller(app.db, request, request.params.id);
      await cancelOrder(context(request), row);
      return (await loadOrder(app.db, { id: row.id }))!.order;
    },
  );

  app.post(
    '/orders/:id/refund',
    {
      config: { access: { permission: 'store:admin' } },
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
      await refundOrder(context(request), row, request.body?.note);
      return (await loadOrder(app.db, { id: row.id }))!.order;
    },
  );
};
