import { pendingInvite, type PendingInvite } from '@makrx/contracts';
import type { DatabaseHandle } from '@makrx/db';
import type { Mailer } from '@makrx/mailer';
import { ConfigError, type BaseServiceConfig } from '@makrx/service-kit';
import type { IdentityConfig } from './identity-env';
import type { ClientMetadata } from 'oidc-provider';
import type { UpstreamProvider } from './modules/identity/upstream-provider';
import type { FastifyInstance, FastifyServerOptions } from 'fastify';
import { createIdentityServer } from './modules/identity/identity-server';
import { passkeySettingsOf } from './modules/identity/passkeys';
import { createFlagReader, type FlagReader } from '@makrx/flags/server';
import { provisionMaker } from './modules/profiles/service';

export { demoUsers, seedDemoUsers } from './modules/identity/demo-users';
export { rotateSigningKey } from './modules/identity/signing-keys';

export { identityEnv, type IdentityConfig } from './identity-env';

function upstreamOf(config: IdentityConfig): UpstreamProvider | undefined {
  if (!config.UPSTREAM_OIDC_ISSUER) return undefined;
  if (!config.UPSTREAM_OIDC_CLIENT_ID || !config.UPSTREAM_OIDC_CLIENT_SECRET) {
    throw new ConfigError([
      'UPSTREAM_OIDC_CLIENT_ID and UPSTREAM_OIDC_CLIENT_SECRET: required with UPSTREAM_OIDC_ISSUER',
    ]);
  }
  return {
    alias: config.UPSTREAM_OIDC_ALIAS,
    displayName: config.UPSTREAM_OIDC_NAME,
    issuer: config.UPSTREAM_OIDC_ISSUER,
    clientId: config.UPSTREAM_OIDC_CLIENT_ID,
    clientSecret: config.UPSTREAM_OIDC_CLIENT_SECRET,
  };
}

export const runsEmbeddedIdp = (config: IdentityConfig, env: Record<string, string | undefined>) =>
  config.MAKRX_EMBEDDED_IDP ? config.MAKRX_EMBEDDED_IDP === 'true' : env.OIDC_ISSUER === undefined;

/**
 * The identity provider the auth service runs beside its API in embedded mode, on the issuer's
 * port, over the service's database and mailer; none when tokens come from a real Keycloak.
 */
export async function embeddedIdentityProvider(
  app: FastifyInstance,
  config: IdentityConfig & BaseServiceConfig,
  env: Record<string, string | undefined>,
): Promise<{ server: FastifyInstance; port: number } | undefined> {
  if (!runsEmbeddedIdp(config, env)) return undefined;
  const appUrls = { gateway: config.GATEWAY_URL, cave: config.CAVE_URL, store: config.STORE_URL };
  const server = await createIdentityProvider(app.database, config, appUrls, app.mailer, {
    logger: { level: config.LOG_LEVEL },
    flags: app.flags,
    pendingInvite: (token) =>
      app.peers.json('cave', '/api/v1/invites/inspect', pendingInvite, {
        method: 'POST',
        body: JSON.stringify({ token }),
      }),
  });
  const issuer = new URL(config.OIDC_ISSUER);
  return { server, port: Number(issuer.port || (issuer.protocol === 'https:' ? 443 : 80)) };
}

export function createIdentityProvider(
  database: DatabaseHandle,
  config: IdentityConfig,
  appUrls: { gateway: string; cave: string; store: string },
  mailer: Mailer,
  options: {
    logger?: FastifyServerOptions['logger'];
    extraClients?: ClientMetadata[];
    pendingInvite?: (token: string) => Promise<PendingInvite | undefined>;
    /** The service's flag reader; a reader of its own over `database` when not given. */
    flags?: FlagReader;
  } = {},
): Promise<FastifyInstance> {
  return createIdentityServer({
    database,
    mailer,
    upstream: upstreamOf(config),
    extraClients: options.extraClients ?? [],
    issuer: config.OIDC_ISSUER,
    appUrls,
    secrets: {
      auth: config.CLIENT_SECRET_AUTH_SERVICE,
      cave: config.CLIENT_SECRET_MAKRCAVE_BACKEND,
      store: config.CLIENT_SECRET_STORE_BACKEND,
    },
    rememberMeDays: config.REMEMBER_ME_DAYS,
    bruteForce: {
      maxFailures: config.LOGIN_MAX_FAILURES,
      waitSeconds: config.LOGIN_LOCK_SECONDS,
      maxWaitSeconds: config.LOGIN_MAX_LOCK_SECONDS,
    },
    signInRateLimit: config.LOGIN_RATE_LIMIT_PER_MINUTE,
    trustedProxies: config.TRUSTED_PROXIES,
    onFirstSignIn: (userId) => provisionMaker(database.db, userId),
    ...(options.pendingInvite ? { pendingInvite: options.pendingInvite } : {}),
    passkeys: passkeyLoginOf(
      config,
      appUrls,
      options.flags ?? createFlagReader(database.db, { maxAgeMs: 0 }),
    ),
    logger: options.logger,
  });
}

/** The passkeys of the provider's pages: this deployment's relying party, behind the flag. */
function passkeyLoginOf(config: IdentityConfig, appUrls: { gateway: string }, flags: FlagReader) {
  return {
    settings: passkeySettingsOf({ ...config, GATEWAY_URL: appUrls.gateway }),
    enabled: () => flags.isOn('ENABLE_NEW_AUTHENTICATION_FLOW'),
  };
}
