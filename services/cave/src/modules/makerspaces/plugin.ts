import type { FastifyPluginAsyncZod } from '@makrx/service-kit';
import { makerspacePhotoRoutes } from './photo-routes';
import { makerspaceRoutes } from './routes';
import type { CurrencyInUse } from './settings';
import { makerspacePhotoAdminRoutes, makerspaceSettingsRoutes } from './settings-routes';

/** What the makerspaces module asks of the modules that depend on it, handed in at wiring. */
export interface MakerspaceHooks {
  /** Why the currency is fixed (billing's plans and invoices are in it), or null. */
  currencyInUse: CurrencyInUse;
}

/**
 * The makerspaces' routes, one plugin: the public directory, the admins' settings and photos
 * (their own scope, for the photo body parser) and the photos themselves, served outside the API.
 */
export const makerspacesModule =
  (hooks: MakerspaceHooks): FastifyPluginAsyncZod =>
  async (app) => {
    await app.register(makerspaceRoutes, { prefix: '/api/v1' });
    await app.register(makerspaceSettingsRoutes(hooks), { prefix: '/api/v1' });
    await app.register(makerspacePhotoAdminRoutes, { prefix: '/api/v1' });
    await app.register(makerspacePhotoRoutes, { prefix: '/media/makerspaces' });
  };
