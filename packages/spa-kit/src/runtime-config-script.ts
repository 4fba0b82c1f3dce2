import type { ServerResponse } from 'node:http';
import type { Connect, Plugin } from 'vite';
import type { RuntimeConfig } from './runtime-config';

/** What the launcher serves as /config.js in production; these are the local defaults. */
const devRuntimeConfig = {
  gatewayUrl: 'http://localhost:3000',
  caveUrl: 'http://localhost:3001',
  storeUrl: 'http://localhost:3003',
  authApiUrl: 'http://localhost:8001',
  caveApiUrl: 'http://localhost:8002',
  storeApiUrl: 'http://localhost:8003',
  oidcIssuer: 'http://localhost:8080/realms/makrx',
} satisfies RuntimeConfig;

/** Serves /config.js from the Vite dev and preview servers, as the launcher does in production. */
export function runtimeConfigScript(): Plugin {
  const script = `window.__MAKRX_CONFIG__ = ${JSON.stringify(devRuntimeConfig)};\n`;
  const serveConfig = (req: Connect.IncomingMessage, res: ServerResponse, next: () => void) => {
    if (req.url?.split('?')[0] !== '/config.js') return next();
    res.setHeader('Content-Type', 'text/javascript; charset=utf-8');
    res.setHeader('Cache-Control', 'no-store');
    res.end(script);
  };
  return {
    name: 'makrx-runtime-config',
    configureServer: (server) => void server.middlewares.use(serveConfig),
    configurePreviewServer: (server) => void server.middlewares.use(serveConfig),
  };
}
