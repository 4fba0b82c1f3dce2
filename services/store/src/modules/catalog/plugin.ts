import type { FastifyPluginAsyncZod } from '@makrx/service-kit';
import { catalogAdminRoutes } from './admin-routes';
import { productImageRoutes } from './image-routes';
import { catalogRoutes } from './routes';

/**
 * The catalog's routes, one plugin: the shop's API, the store admins' (each its own scope, for
 * its CSV and image body parsers) and the uploaded images, served outside the API (decision 0006).
 */
export const catalogModule: FastifyPluginAsyncZod = async (app) => {
  await app.register(catalogRoutes, { prefix: '/api/v1' });
  await app.register(catalogAdminRoutes, { prefix: '/api/v1/admin/catalog' });
  await app.register(productImageRoutes, { prefix: '/media/images' });
};
