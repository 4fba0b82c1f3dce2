/**
 * The auth service as its own process: the MakrX.org API on PORT (8001) and, unless
 * OIDC_ISSUER points at a real Keycloak, the embedded identity provider on the issuer's port.
 */
import { connectDatabase } from '@makrx/db';
import { createMailer, mailEnv } from '@makrx/mailer';
import {
  appOrigins,
  baseServiceEnv,
  closeGracefully,
  ConfigError,
  createService,
  loadConfig,
  servicePorts,
} from '@makrx/service-kit';
import type { FastifyInstance } from 'fastify';
import { createIdentityProvider, identityEnv, runsEmbeddedIdp, seedDemoUsers } from './identity';
import { seedFeatureFlags } from './modules/feature-flags/seed';
import { createAuthService } from './service';

const env = baseServiceEnv
  .extend({ PORT: servicePorts.auth })
  .extend(identityEnv.shape)
  .extend(mailEnv.shape);
let config;
try {
  config = loadConfig(env);
} catch (err) {
  if (!(err instanceof ConfigError)) throw err;
  console.error(`auth service: ${err.message}`);
  process.exit(1);
}

const database = await connectDatabase({
  url: config.DATABASE_URL,
  dataDir: `${config.MAKRX_DATA_DIR}/db`,
  poolSize: config.DATABASE_POOL_SIZE,
});
const mailer = createMailer({
  smtpUrl: config.SMTP_URL,
  from: config.MAIL_FROM,
  database: database.db,
});
const definition = createAuthService({ mailer });
// The spec's feature flags are configuration every deployment needs (once per database).
await seedFeatureFlags(database.db);
if (database.driver === 'pglite') {
  // Embedded mode: migrate and seed on start. Production runs `npm run db:migrate`.
  await database.migrate();
  await definition.seedDemoData?.(database.db);
  await seedDemoUsers(database.db, config.MAKRX_DEMO_PASSWORD);
}

const servers: FastifyInstance[] = [];
const api = await createService(definition, {
  database,
  allowedOrigins: appOrigins(config),
  issuer: config.OIDC_ISSUER,
  logger: { level: config.LOG_LEVEL },
});
servers.push(api);
if (runsEmbeddedIdp(config, process.env)) {
  const appUrls = { gateway: config.GATEWAY_URL, cave: config.CAVE_URL, store: config.STORE_URL };
  servers.push(
    await createIdentityProvider(database, config, appUrls, mailer, {
      logger: { level: config.LOG_LEVEL },
    }),
  );
}
closeGracefully(servers, async () => {
  mailer.close();
  await database.close();
});
await api.listen({ host: config.HOST, port: config.PORT });
if (servers[1])
  await servers[1].listen({
    host: config.HOST,
    port: Number(new URL(config.OIDC_ISSUER).port || 80),
  });
