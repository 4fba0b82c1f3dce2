import { equipmentSlug } from '@makrx/contracts';
import { notFound, type FastifyPluginAsyncZod } from '@makrx/service-kit';
import { z } from 'zod';
import { photoAlbumRoutes, photoFileRoutes } from '../../photo-album-routes';
import { makerspaceIdOf } from '../makerspaces/service';
import { machineAlbum } from './photos';
import { equipmentRoutes } from './routes';
import { machineIdOf } from './service';

const makerspaceSlug = z
  .string()
  .regex(/^[a-z0-9-]+$/)
  .max(120);

/**
 * The equipment module's routes: the machines, their photos (their own scope, for the photo body
 * parser) and the photos' files, served outside the API like the makerspaces' photos.
 */
export const equipmentModule: FastifyPluginAsyncZod = async (app) => {
  await app.register(equipmentRoutes, { prefix: '/api/v1' });
  await app.register(photoAlbumRoutes, {
    prefix: '/api/v1',
    album: machineAlbum,
    path: '/makerspaces/:makerspaceSlug/equipment/:equipmentSlug',
    params: z.object({ makerspaceSlug, equipmentSlug }),
    // The machine's page shows its photos to all who may see it (the machine's own read); the
    // album is changed by those who change the machine: the access matrix's write cell.
    access: { feature: 'equipmentManagement', mode: 'write' },
    tags: ['equipment'],
    whose: 'a machine’s',
    ownerOf: async (params) => {
      const makerspaceId = await makerspaceIdOf(app.db, params.makerspaceSlug ?? '');
      if (!makerspaceId) throw notFound(`Makerspace "${params.makerspaceSlug}"`);
      return machineIdOf(app.db, { makerspaceId, slug: params.equipmentSlug ?? '' });
    },
  });
  await app.register(photoFileRoutes, { prefix: '/media/equipment', folder: 'equipment' });
};
