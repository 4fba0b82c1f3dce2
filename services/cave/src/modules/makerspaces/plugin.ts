import { notFound, type FastifyPluginAsyncZod } from '@makrx/service-kit';
import { z } from 'zod';
import { photoAlbumRoutes, photoFileRoutes } from '../../photo-album-routes';
import { makerspaceAlbum } from './photos';
import { makerspaceRoutes } from './routes';
import { makerspaceIdOf } from './service';
import type { CurrencyInUse } from './settings';
import { makerspaceSettingsRoutes } from './settings-routes';

/** What the makerspaces module asks of the modules that depend on it, handed in at wiring. */
export interface MakerspaceHooks {
  /** Why the currency is fixed (billing's plans and invoices are in it), or null. */
  currencyInUse: CurrencyInUse;
}

const makerspaceSlug = z
  .string()
  .regex(/^[a-z0-9-]+$/)
  .max(120);

/**
 * The makerspaces' routes, one plugin: the public directory, the admins' settings and photos
 * (their own scope, for the photo body parser) and the photos themselves, served outside the API.
 */
export const makerspacesModule =
  (hooks: MakerspaceHooks): FastifyPluginAsyncZod =>
  async (app) => {
    await app.register(makerspaceRoutes, { prefix: '/api/v1' });
    await app.register(makerspaceSettingsRoutes(hooks), { prefix: '/api/v1' });
    await app.register(photoAlbumRoutes, {
      prefix: '/api/v1',
      album: makerspaceAlbum,
      path: '/makerspaces/:makerspaceSlug',
      params: z.object({ makerspaceSlug }),
      // The makerspace's admins (and super admins and MakrCave admins everywhere).
      access: { permission: 'makerspace:admin' },
      tags: ['makerspaces'],
      whose: 'a makerspace’s',
      ownerOf: async ({ makerspaceSlug: slug }) => {
        const id = slug ? await makerspaceIdOf(app.db, slug) : undefined;
        if (!id) throw notFound(`Makerspace "${slug}"`);
        return id;
      },
    });
    await app.register(photoFileRoutes, { prefix: '/media/makerspaces', folder: 'makerspaces' });
  };
