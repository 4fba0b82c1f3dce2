import type { FastifyPluginAsyncZod } from '@makrx/service-kit';
import { promotionAdminRoutes } from './admin-routes';

/** The discount codes' routes: the store admins' side (buyers use codes through checkout). */
export const promotionsModule: FastifyPluginAsyncZod = async (app) => {
  await app.register(promotionAdminRoutes, { prefix: '/admin/promotions' });
};
