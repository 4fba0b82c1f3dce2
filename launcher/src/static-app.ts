import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyInstance } from 'fastify';

/**
 * Serves a built single-page app (gateway or cave): its files with long caching for hashed
 * assets, /config.js with the run-time URLs, and index.html for every other path so that
 * client-side routes survive a reload.
 */
export async function createStaticApp(
  distDir: string,
  runtimeConfig: object,
): Promise<FastifyInstance> {
  if (!existsSync(join(distDir, 'index.html')))
    throw new Error(`${distDir} has no index.html: build the app first`);
  const app = Fastify({ logger: false });
  const configScript = `window.__MAKRX_CONFIG__ = ${JSON.stringify(runtimeConfig)};\n`;
  app.get('/config.js', async (_request, reply) =>
    reply
      .type('text/javascript; charset=utf-8')
      .header('cache-control', 'no-store')
      .send(configScript),
  );
  await app.register(fastifyStatic, {
    root: distDir,
    wildcard: false,
    setHeaders: (res, path) => {
      const hashed = path.includes(`${join(distDir, 'assets')}`);
      res.setHeader('cache-control', hashed ? 'public, max-age=31536000, immutable' : 'no-cache');
      res.setHeader('x-content-type-options', 'nosniff');
    },
  });
  app.setNotFoundHandler((request, reply) => {
    const wantsPage = request.method === 'GET' && !request.url.startsWith('/assets/');
    if (!wantsPage) return reply.status(404).type('text/plain').send('Not found');
    return reply.header('cache-control', 'no-cache').sendFile('index.html');
  });
  return app;
}
