import type { FastifyPluginAsyncZod } from '@makrx/service-kit';
import { orderAccountRoutes } from './account-routes';
import { orderAdminRoutes } from './admin-routes';
import { checkoutAddressRoutes } from './checkout-address-routes';
import { pricingAdminRoutes } from './pricing-admin-routes';
import { orderRoutes } from './routes';

/** The orders' routes, one plugin: checkout, buyers' orders, and the store admins' side. */
export const ordersModule: FastifyPluginAsyncZod = async (app) => {
  await app.register(orderRoutes);
  await app.register(orderAccountRoutes);
  await app.register(checkoutAddressRoutes);
  await app.register(orderAdminRoutes);
  await app.register(pricingAdminRoutes);
};
