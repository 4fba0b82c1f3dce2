import type { FastifyPluginAsyncZod } from '@makrx/service-kit';
import { makerspacePhotoRoutes } from './photo-routes';
import { makerspaceRoutes } from './routes';
import { makerspacePhotoAdminRoutes, makerspaceSettingsRoutes } from './settings-routes';

/**
 * The makerspaces' routes, one plugin: the public directory, the admins' settings and photos
 * (their own scope, for the photo body parser) and the photos themselves, served outside the API.
 */
export const makerspacesModule: FastifyPluginAsyncZod = async (app) => {
  await app.register(makerspaceRoutes, { prefix: '/api/v1' });
  await app.register(makerspaceSettingsRoutes, { prefix: '/api/v1' });
  await app.register(makerspacePhotoAdminRoutes, { prefix: '/api/v1' });
  await app.register(makerspacePhotoRoutes, { prefix: '/media/makerspaces' });
};
