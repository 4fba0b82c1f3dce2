import { notFound, type FastifyPluginAsyncZod } from '@makrx/service-kit';
import { z } from 'zod';
import { publicFilesOf } from '../../file-storage';

/**
 * Makerspace photos, public like the makerspace pages that show them (as the store's product
 * images, decision 0006): streamed from the public bucket, cached for a year, since a photo's
 * key never changes content.
 */
export const makerspacePhotoRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/:makerspaceId/:file',
    {
      config: { access: 'public' },
      schema: {
        hide: true,
        params: z.object({
          makerspaceId: z.uuid(),
          file: z.string().regex(/^[0-9a-f-]{36}\.(png|jpg|webp)$/),
        }),
      },
    },
    async (request, reply) => {
      const { makerspaceId, file } = request.params;
      const found = await publicFilesOf(app).get(`makerspaces/${makerspaceId}/${file}`);
      if (!found) throw notFound('Photo');
      return reply
        .header('content-type', found.contentType)
        .header('content-length', found.size)
        .header('cache-control', 'public, max-age=31536000, immutable')
        .header('cross-origin-resource-policy', 'cross-origin')
        .header('x-content-type-options', 'nosniff')
        .send(found.body);
    },
  );
};
