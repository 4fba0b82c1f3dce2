import { errorBody } from '@makrx/contracts';
import { badRequest, type FastifyPluginAsyncZod } from '@makrx/service-kit';
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { storeConfigOf } from '../../config';
import { settleProviderAnswer } from '../../flows/pay-order';
import { storeLinks } from '../../store-links';
import { createPaymentProvider, verifyStripeWebhook } from '@makrx/payments';
import { payments, processedWebhookEvents } from './tables';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Stripe's webhook. Its own plugin, because the signature covers the raw body: JSON is kept
 * as the string that arrived, in this scope only.
 */
export const stripeWebhookRoutes: FastifyPluginAsyncZod = async (app) => {
  const config = storeConfigOf(app.config);
  const { STRIPE_WEBHOOK_SECRET } = config;
  const provider = createPaymentProvider(config);
  const links = storeLinks(app.config);
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (_request, body, done) =>
    done(null, body),
  );

  app.post(
    '/payments/stripe/webhook',
    {
      config: { access: 'public' },
      schema: {
        tags: ['payments'],
        summary:
          'Stripe webhook: payment_intent.succeeded, payment_intent.processing and payment_intent.payment_failed',
        body: z.string(),
        response: { 200: z.object({ received: z.literal(true) }), 400: errorBody },
      },
    },
    async (request) => {
      const signature = request.headers['stripe-signature'];
      const event = STRIPE_WEBHOOK_SECRET
        ? verifyStripeWebhook(
            request.body,
            typeof signature === 'string' ? signature : undefined,
            STRIPE_WEBHOOK_SECRET,
          )
        : undefined;
      if (!event) {
        throw badRequest(
          'INVALID_SIGNATURE',
          'The Stripe-Signature header does not match this body.',
        );
      }
      // Each event once, however often Stripe delivers it: the marker commits with its effect.
      await app.db.transaction(async (tx) => {
        const [fresh] = await tx
          .insert(processedWebhookEvents)
          .values({ eventId: event.id, provider: 'stripe', type: event.type })
          .onConflictDoNothing()
          .returning({ eventId: processedWebhookEvents.eventId });
        if (!fresh) return;
        if (
          event.type !== 'payment_intent.succeeded' &&
          event.type !== 'payment_intent.processing' &&
          event.type !== 'payment_intent.payment_failed'
        ) {
          return;
        }
        const intent = event.data.object;
        const paymentId = intent.metadata.paymentId;
        if (!paymentId || !UUID.test(paymentId)) return;
        const [payment] = await tx
          .select({ id: payments.id, orderId: payments.orderId })
          .from(payments)
          .where(and(eq(payments.provider, 'stripe'), eq(payments.id, paymentId)));
        if (!payment) return;
        const failure = intent.last_payment_error;
        await settleProviderAnswer(
          tx,
          { provider, links, actorId: null, requestId: request.id, log: request.log },
          payment,
          event.type === 'payment_intent.succeeded'
            ? { providerPaymentId: intent.id, status: 'succeeded' }
            : event.type === 'payment_intent.processing'
              ? { providerPaymentId: intent.id, status: 'processing' }
              : {
                  providerPaymentId: intent.id,
                  status: 'failed',
                  code: failure?.code ?? 'payment_failed',
                  message: failure?.message ?? 'The payment failed.',
                },
        );
      });
      return { received: true as const };
    },
  );
};
