import type { FastifyPluginAsyncZod } from '@makrx/service-kit';
import { reviewRoutes } from './routes';

/** Product reviews: written by buyers of delivered orders, read by all, moderated by admins. */
export const reviewsModule: FastifyPluginAsyncZod = async (app) => {
  await app.register(reviewRoutes);
};
