import type { FastifyPluginAsyncZod } from '@makrx/service-kit';
import { paymentRoutes } from './routes';
import { stripeWebhookRoutes } from './stripe-webhook-routes';

/** The payments' routes, one plugin; the webhook keeps its own scope for its raw JSON body. */
export const paymentsModule: FastifyPluginAsyncZod = async (app) => {
  await app.register(paymentRoutes);
  await app.register(stripeWebhookRoutes);
};
