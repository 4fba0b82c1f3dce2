import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import { declareRoutesOfPlugin } from '@makrx/auth';
import type { FastifyPluginAsyncZod } from '@makrx/service-kit';

const IMAGE_FILE = /^\/[\w/-]+\.(svg|png|jpe?g|webp)$/i;
const mediaRoot = fileURLToPath(new URL('../../../media', import.meta.url));

/** Product images, served under /media with long-lived caching (file names never change meaning). */
export const mediaRoutes: FastifyPluginAsyncZod = async (app) => {
  declareRoutesOfPlugin(app, 'public');
  await app.register(fastifyStatic, {
    root: mediaRoot,
    maxAge: '7d',
    // The folder also holds the scripts that draw the images: only the images are served.
    allowedPath: (path) => IMAGE_FILE.test(path),
    // Images are embedded by the three apps, which live on other origins.
    setHeaders: (res) => res.setHeader('Cross-Origin-Resource-Policy', 'cross-origin'),
  });
};
