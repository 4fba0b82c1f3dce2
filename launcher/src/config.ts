import { identityEnv } from '@makrx/auth-service/identity';
import { mailEnv } from '@makrx/mailer';
import { baseServiceEnv, loadConfig, type Environment } from '@makrx/service-kit';
import { z } from 'zod';

/** Everything `npm start` reads. Each app and service listens on the port of its URL. */
export const launcherEnv = baseServiceEnv
  .extend(identityEnv.shape)
  .extend(mailEnv.shape)
  .extend({
    LOG_LEVEL: baseServiceEnv.shape.LOG_LEVEL.default('warn'),
    MAKRX_DEMO_DATA: z.enum(['true', 'false']).default('true'),
    /** Keys the store's session cookies; the default is for embedded mode only. */
    STORE_SESSION_SECRET: z
      .string()
      .min(32)
      .default('makrx-embedded-store-session-secret-for-development'),
  });
export type LauncherConfig = z.infer<typeof launcherEnv>;

export const loadLauncherConfig = (env: Environment = process.env) => loadConfig(launcherEnv, env);

export function portOf(address: string): number {
  const parsed = new URL(address);
  return Number(parsed.port || (parsed.protocol === 'https:' ? 443 : 80));
}

/** What the browser apps need to know at run time; served to them as /config.js. */
export function publicConfig(config: LauncherConfig) {
  return {
    gatewayUrl: config.GATEWAY_URL.replace(/\/$/, ''),
    caveUrl: config.CAVE_URL.replace(/\/$/, ''),
    storeUrl: config.STORE_URL.replace(/\/$/, ''),
    authApiUrl: config.AUTH_API_URL.replace(/\/$/, ''),
    caveApiUrl: config.CAVE_API_URL.replace(/\/$/, ''),
    storeApiUrl: config.STORE_API_URL.replace(/\/$/, ''),
    oidcIssuer: config.OIDC_ISSUER.replace(/\/$/, ''),
  };
}
