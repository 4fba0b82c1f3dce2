import type { FastifyPluginAsyncZod } from '@makrx/service-kit';
import { storeIntegrationRoutes } from './integration-routes';
import { cartRoutes } from './routes';

/** The cart's routes, one plugin: the buyer's cart, and the cave's bulk add (spec section 7). */
export const cartModule: FastifyPluginAsyncZod = async (app) => {
  await app.register(cartRoutes);
  await app.register(storeIntegrationRoutes);
};
