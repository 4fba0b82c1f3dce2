import {
  browserPayment,
  errorBody,
  isErrorCode,
  paymentResult,
  paymentSource,
  type PaymentResult,
} from '@makrx/contracts';
import { AppError, type FastifyPluginAsyncZod } from '@makrx/service-kit';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { storeConfigOf } from '../../config';
import { confirmPayment, payOrder } from '../../flows/pay-order';
import type { PaymentFlowInput } from '../../flows/settle-payment';
import { storeLinks } from '../../store-links';
import {
  actorIdOf,
  assertAwaitingPayment,
  orderForCaller,
  orderTokenHeader,
} from '../orders/service';
import { createPaymentProvider } from '@makrx/payments';
import { assertNoPaymentProcessing, startBrowserPayment } from './service';

const orderParams = z.object({ id: z.uuid() });

/**
 * A declined card is the buyer's to fix: 402 with the provider's reason in words. Its code is
 * one of ours (the provider's own, such as Stripe's `expired_card`, is in the details).
 */
function failedPaymentError(result: PaymentResult) {
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
  const paying = (request: FastifyRequest): PaymentFlowInput => ({
    provider,
    links,
    actorId: actorIdOf(request),
    requestId: request.id,
    log: request.log,
  });

  app.post(
    '/orders/:id/payments',
    {
      config: { access: 'public' },
      schema: {
        tags: ['payments'],
        summary: 'Pay an order with a payment method or card token issued by the provider',
        description:
          'The body names a payment method (`pm_…`) or card token (`tok_…`), never a card number: a body with card details is refused (400). In offline mode Stripe’s test tokens (`tok_visa`, `tok_chargeDeclined`, `tok_chargeDeclinedExpiredCard`, `tok_threeDSecure2Required`, …) pay or are declined as Stripe answers them. A declined card answers 402 and leaves the order pending payment: pay again with another card. A payment that needs confirmation answers with `nextAction`; one still processing at the provider leaves the order pending (`payment.status` processing) until the webhook settles it.',
        headers: orderTokenHeader,
        params: orderParams,
        body: paymentSource,
        response: { 201: paymentResult, 402: errorBody, 404: errorBody, 409: errorBody },
      },
    },
    async (request, reply) => {
      const { row } = await orderForCaller(app.db, request, request.params.id);
      const result = await payOrder(app.db, paying(request), row, request.body);
      if (result.payment.status === 'failed') throw failedPaymentError(result);
      return reply.code(201).send(result);
    },
  );

  app.post(
    '/orders/:id/payment-intents',
    {
      config: { access: 'public' },
      schema: {
        tags: ['payments'],
        summary: 'Start a payment the browser confirms with Stripe’s Payment Element',
        description:
          'Creates an unconfirmed Stripe Payment Intent for the order’s total and answers its client secret: Stripe.js confirms it in the browser, so card details go to Stripe only. The webhook settles the payment. 409 PAYMENT_ELEMENT_UNAVAILABLE when payments go through the offline test gateway.',
        headers: orderTokenHeader,
        params: orderParams,
        response: { 201: browserPayment, 404: errorBody, 409: errorBody, 502: errorBody },
      },
    },
    async (request, reply) => {
      const { row } = await orderForCaller(app.db, request, request.params.id);
      assertAwaitingPayment(row);
      await assertNoPaymentProcessing(app.db, row.id);
      const started = await startBrowserPayment(app.db, provider, row);
      if (!started) {
        throw new AppError(
          409,
          'PAYMENT_ELEMENT_UNAVAILABLE',
          'Payments go through the offline test gateway: pay with one of its test cards.',
        );
      }
      return reply
        .code(201)
        .send({ paymentId: started.payment.id, clientSecret: started.clientSecret });
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
      const result = await confirmPayment(app.db, paying(request), row, request.params.paymentId);
      if (result.payment.status === 'failed') throw failedPaymentError(result);
      return result;
    },
  );
};
