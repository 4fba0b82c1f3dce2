import { connectDatabase, type DatabaseHandle } from '@makrx/db';
import type { FastifyInstance } from 'fastify';
import { ConfigError, loadConfig, type ServiceConfig, type Environment } from './config';
import { createService, type ServiceDefinition } from './create-service';
import { requireSupportedRuntime } from './runtime';

export interface StartOptions {
  /** The environment the service's config is parsed from; `process.env` by default. */
  env?: Environment;
  /**
   * A database handle shared with other services in this process (embedded mode: the
   * launcher's one PGlite). Without it the service connects by its own DATABASE_URL.
   */
  database?: DatabaseHandle;
  /** Seed the demo data; by default as MAKRX_DEMO_DATA says, else when the database is PGlite. */
  seedDemoData?: boolean;
}

export interface RunningService {
  app: FastifyInstance;
  config: ServiceConfig;
  /** The API's port, and those of its companions (the auth service's identity provider). */
  ports: number[];
  /** Stops listening, lets in-flight requests finish, and closes what it opened. */
  close(): Promise<void>;
}

/**
 * The one way a service starts, alone as its own process (`main.ts`, the production shape) or
 * beside the others in the launcher: its environment parsed once, its database migrated and
 * seeded when embedded, its API and companions listening on the configured ports.
 */
export async function startService(
  definition: ServiceDefinition,
  { env = process.env, database: shared, seedDemoData }: StartOptions = {},
): Promise<RunningService> {
  const config = loadConfig(definition.env, env);
  const database =
    shared ??
    (await connectDatabase({
      url: config.DATABASE_URL,
      dataDir: `${config.MAKRX_DATA_DIR}/db`,
      poolSize: config.DATABASE_POOL_SIZE,
    }));
  const opened: Array<{ close(): Promise<unknown> }> = shared ? [] : [database];
  try {
    // Embedded mode migrates on start; production runs `npm run db:migrate` before.
    if (!shared && database.driver === 'pglite') await database.migrate();
    await definition.seedConfiguration?.(database.db);
    const asked = config.MAKRX_DEMO_DATA;
    if (seedDemoData ?? (asked ? asked === 'true' : database.driver === 'pglite')) {
      await definition.seedDemoData?.(database.db, config);
    }
    const app = await createService(definition, { database, config });
    opened.unshift(app);
    await app.listen({ host: config.HOST, port: config.PORT });
    const ports = [config.PORT];
    for (const { server, port } of (await definition.companions?.(app, env)) ?? []) {
      opened.unshift(server);
      await server.listen({ host: config.HOST, port });
      ports.push(port);
    }
    const close = async () => {
      for (const resource of opened) await resource.close();
    };
    return { app, config, ports, close };
  } catch (err) {
    for (const resource of opened) await resource.close().catch(() => {});
    throw err;
  }
}

/** `main.ts` of a service: start it, or name every bad variable and exit; close on a signal. */
export async function runServiceProcess(definition: ServiceDefinition): Promise<void> {
  let running: RunningService;
  try {
    requireSupportedRuntime();
    running = await startService(definition);
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    console.error(`${definition.name} service: ${err.message}`);
    process.exit(1);
  }
  closeGracefully(running.app, () => running.close());
}

/**
 * On SIGTERM or SIGINT: stop accepting connections, let in-flight requests finish, then close
 * the rest. A second signal exits at once.
 */
export function closeGracefully(app: FastifyInstance, close: () => Promise<void>): void {
  let closing = false;
  const onSignal = async (signal: NodeJS.Signals) => {
    if (closing) process.exit(1);
    closing = true;
    app.log.info({ signal }, 'shutting down');
    const timer = setTimeout(() => process.exit(1), 10_000).unref();
    try {
      await close();
      clearTimeout(timer);
      process.exit(0);
    } catch (err) {
      console.error(err);
      process.exit(1);
    }
  };
  process.once('SIGTERM', onSignal);
  process.once('SIGINT', onSignal);
}
