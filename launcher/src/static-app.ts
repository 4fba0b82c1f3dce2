import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import {
  basePagePolicy,
  contentSecurityPolicy,
  originOf,
  registerPageSecurityHeaders,
} from '@makrx/service-kit';
import Fastify, { type FastifyInstance } from 'fastify';
import type { publicConfig } from './config';

type BrowserConfig = ReturnType<typeof publicConfig>;

/**
 * The gateway's and cave's Content-Security-Policy: their own scripts only (the bundle and
 * /config.js; nothing inline), the services and the identity provider to call, product images
 * from the store service, forms to the three apps (the header's search box goes to the
 * gateway) and the identity provider (signing out redirects there). Images come from the auth
 * and cave services too (makers' pictures; makerspace and machine photos, at /media/…). Styles may be inline: the
 * UI's components set some as they open and close.
 */
export function spaPolicy(urls: BrowserConfig): string {
  const services = [urls.authApiUrl, urls.caveApiUrl, urls.storeApiUrl].map(originOf);
  const apps = [urls.gatewayUrl, urls.caveUrl, urls.storeUrl].map(originOf);
  return contentSecurityPolicy({
    ...basePagePolicy,
    'script-src': ["'self'"],
    'style-src': ["'self'", "'unsafe-inline'"],
    'img-src': ["'self'", 'data:', ...services],
    'font-src': ["'self'", 'data:'],
    'connect-src': ["'self'", ...services, originOf(urls.oidcIssuer)],
    'form-action': ["'self'", ...apps, originOf(urls.oidcIssuer)],
  });
}

/**
 * Serves a built single-page app (gateway or cave): its files with long caching for hashed
 * assets, /config.js with the run-time URLs, and index.html for every other path so that
 * client-side routes survive a reload; every answer with the app's security headers.
 */
export async function createStaticApp(
  distDir: string,
  runtimeConfig: BrowserConfig,
): Promise<FastifyInstance> {
  if (!existsSync(join(distDir, 'index.html')))
    throw new Error(`${distDir} has no index.html: build the app first`);
  const app = Fastify({ logger: false });
  registerPageSecurityHeaders(app, spaPolicy(runtimeConfig));
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
    },
  });
  app.setNotFoundHandler((request, reply) => {
    const wantsPage = request.method === 'GET' && !request.url.startsWith('/assets/');
    if (!wantsPage) return reply.status(404).type('text/plain').send('Not found');
    return reply.header('cache-control', 'no-cache').sendFile('index.html');
  });
  return app;
}
