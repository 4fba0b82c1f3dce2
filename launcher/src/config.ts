import { authService } from '@makrx/auth-service';
import { identityEnv } from '@makrx/auth-service/identity';
import { caveService } from '@makrx/cave-service';
import { mailEnv } from '@makrx/mailer';
import { baseServiceEnv, loadConfig, type Environment } from '@makrx/service-kit';
import { storeService } from '@makrx/store-service';
import { z } from 'zod';

/** Everything `npm start` reads. Each app and service listens on the port of its URL. */
export const launcherEnv = baseServiceEnv
  .extend(identityEnv.shape)
  .extend(mailEnv.shape)
  .extend({
    LOG_LEVEL: baseServiceEnv.shape.LOG_LEVEL.default('warn'),
    MAKRX_DEMO_DATA: z.enum(['true', 'false']).default('true'),
    /**
     * Keys the store's session cookies. Unset, embedded mode makes a random one and keeps it in
     * MAKRX_DATA_DIR; production must set its own.
     */
    STORE_SESSION_SECRET: z.string().min(32).optional(),
    /** Handed to the store app: Stripe's Payment Element on its payment page. */
    STRIPE_PUBLISHABLE_KEY: z.string().min(1).optional(),
  });
export type LauncherConfig = z.infer<typeof launcherEnv>;

/**
 * What `npm start` reads, checked together with what each service it starts reads: in
 * production, every development default any of them would run on is named in one message.
 */
export const loadLauncherConfig = (env: Environment = process.env) =>
  loadConfig(launcherEnv, env, {
    startsAlso: [authService.env, caveService.env, storeService.env],
  });

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
