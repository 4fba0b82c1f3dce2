import { productImagesOf } from '../../file-storage';
import type { FastifyPluginAsyncZod } from '@makrx/service-kit';
import { notFound } from '@makrx/service-kit';
import { sendPublicImage } from '@makrx/storage';
import { z } from 'zod';

/**
 * Uploaded product images, public like the rest of the catalog (decision 0006): streamed from
 * the storage's products bucket, cached for a year, since an image's key never changes content.
 */
export const productImageRoutes: FastifyPluginAsyncZod = async (app) => {
  const images = () => productImagesOf(app);
  app.get(
    '/:productId/:file',
    {
      config: { access: 'public' },
      schema: {
        hide: true,
        params: z.object({
          productId: z.uuid(),
          file: z.string().regex(/^[0-9a-f-]{36}\.(png|jpg|webp)$/),
        }),
      },
    },
    async (request, reply) => {
      const { productId, file } = request.params;
      const found = await images().get(`products/${productId}/${file}`);
      if (!found) throw notFound('Image');
      return sendPublicImage(reply, found);
    },
  );
};
