import { connectDatabase } from '@makrx/db';
import type { FastifyInstance } from 'fastify';
import {
  appOrigins,
  baseServiceEnv,
  ConfigError,
  loadConfig,
  servicePorts,
  type BaseServiceConfig,
} from './config';
import { createService, type ServiceDefinition } from './create-service';
import { peerClientIds, type PeerName, type PeerSettings } from './peers';

/**
 * How a service reaches the others: their API URLs and its own client credentials. Without
 * SERVICE_CLIENT_SECRET the service runs, and its calls to the others fail with a clear 503.
 */
export function peerSettingsOf(
  name: PeerName,
  config: BaseServiceConfig,
  clientSecret = config.SERVICE_CLIENT_SECRET,
): PeerSettings | undefined {
  if (!clientSecret) return undefined;
  return {
    urls: { auth: config.AUTH_API_URL, cave: config.CAVE_API_URL, store: config.STORE_API_URL },
    token: { issuer: config.OIDC_ISSUER, clientId: peerClientIds[name], clientSecret },
  };
}

/**
 * Runs one service as its own process: the production shape (one container per service).
 * Without DATABASE_URL it runs over PGlite and migrates itself, for trying one service alone.
 */
export async function startService(definition: ServiceDefinition): Promise<void> {
  let config;
  try {
    config = loadConfig(baseServiceEnv.extend({ PORT: servicePorts[definition.name] }));
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(`${definition.name} service: ${err.message}`);
      process.exit(1);
    }
    throw err;
  }
  const database = await connectDatabase({
    url: config.DATABASE_URL,
    dataDir: config.MAKRX_DATA_DIR + '/db',
    poolSize: config.DATABASE_POOL_SIZE,
  });
  if (database.driver === 'pglite') {
    // Embedded mode: migrate and seed on start. Production runs `npm run db:migrate`.
    await database.migrate();
    await definition.seedDemoData?.(database.db);
  }
  const app = await createService(definition, {
    database,
    allowedOrigins: appOrigins(config),
    issuer: config.OIDC_ISSUER,
    logger: { level: config.LOG_LEVEL },
    peers: peerSettingsOf(definition.name, config),
  });
  closeGracefully([app], () => database.close());
  await app.listen({ host: config.HOST, port: config.PORT });
}

/**
 * On SIGTERM or SIGINT: stop accepting connections, let in-flight requests finish, then run
 * `after` (close the pool). A second signal exits at once.
 */
export function closeGracefully(apps: FastifyInstance[], after: () => Promise<void>): void {
  let closing = false;
  const close = async (signal: NodeJS.Signals) => {
    if (closing) process.exit(1);
    closing = true;
    apps[0]?.log.info({ signal }, 'shutting down');
    const timer = setTimeout(() => process.exit(1), 10_000).unref();
    try {
      await Promise.all(apps.map((app) => app.close()));
      await after();
      clearTimeout(timer);
      process.exit(0);
    } catch (err) {
      console.error(err);
      process.exit(1);
    }
  };
  process.once('SIGTERM', close);
  process.once('SIGINT', close);
}
