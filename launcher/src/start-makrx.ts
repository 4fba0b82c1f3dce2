import type { ChildProcess } from 'node:child_process';
import { join, resolve } from 'node:path';
import { authService } from '@makrx/auth-service';
import { demoUsers } from '@makrx/auth-service/identity';
import { caveService } from '@makrx/cave-service';
import { connectDatabase, type DatabaseHandle } from '@makrx/db';
import {
  startService,
  type Environment,
  type RunningService,
  type ServiceDefinition,
} from '@makrx/service-kit';
import { storeService } from '@makrx/store-service';
import type { FastifyInstance } from 'fastify';
import { buildStaleApps } from './build-apps';
import { loadLauncherConfig, portOf, publicConfig, type LauncherConfig } from './config';
import { createStaticApp } from './static-app';
import { startStoreApp, storeAppSecrets } from './store-app';

export interface RunningMakrx {
  /** The one database handle the services share (tests start probes over it). */
  database: DatabaseHandle;
  /** What the launcher read from its environment. */
  config: LauncherConfig;
  /** Each service's app, as it runs: tests run a service's background job directly. */
  apps: { auth: FastifyInstance; cave: FastifyInstance; store: FastifyInstance };
  printUrls(): void;
  onUnexpectedExit(listener: () => void): void;
  stop(): Promise<void>;
}

/**
 * The three services share one database handle in this process: PGlite serves one process,
 * so this is how embedded mode gives every service the same transactions and row locks as
 * production (docs/decisions/0002-embedded-postgres.md). Each starts the way it starts alone
 * (`startService`), its config parsed from the same environment plus its port and secret.
 */
export async function startMakrx(
  root: string,
  env: Environment,
  log: (line: string) => void,
  { withApps = true }: { withApps?: boolean } = {},
): Promise<RunningMakrx> {
  const config = loadLauncherConfig(env);
  if (withApps) await buildStaleApps(root, log);

  const dataDir = resolve(root, config.MAKRX_DATA_DIR);
  const database = await connectDatabase({
    url: config.DATABASE_URL,
    dataDir: join(dataDir, 'db'),
    poolSize: config.DATABASE_POOL_SIZE,
  });
  await database.migrate();

  // The auth service first: the cave's demo memberships refer to its demo users. Each service
  // signs in to the others as its own client (the identity provider knows all three).
  const services: Array<[ServiceDefinition, string, string]> = [
    [authService, config.AUTH_API_URL, config.CLIENT_SECRET_AUTH_SERVICE],
    [caveService, config.CAVE_API_URL, config.CLIENT_SECRET_MAKRCAVE_BACKEND],
    [storeService, config.STORE_API_URL, config.CLIENT_SECRET_STORE_BACKEND],
  ];
  const running: RunningService[] = [];
  const servers: FastifyInstance[] = [];
  let child: ChildProcess | undefined;
  let exitListener = () => {};
  let stopping = false;

  try {
    for (const [definition, url, secret] of services) {
      const serviceEnv = {
        ...env,
        LOG_LEVEL: config.LOG_LEVEL,
        MAKRX_DATA_DIR: dataDir,
        PORT: String(portOf(url)),
        SERVICE_CLIENT_SECRET: secret,
      };
      running.push(
        await startService(definition, {
          env: serviceEnv,
          database,
          seedDemoData: config.MAKRX_DEMO_DATA === 'true',
        }),
      );
    }
    if (withApps) {
      const apps = await startApps(root, config, dataDir, (code) => {
        if (stopping) return;
        log(`The store app exited (code ${code}).`);
        exitListener();
      });
      servers.push(...apps.servers);
      child = apps.storeApp;
    }
  } catch (err) {
    await Promise.allSettled([...servers, ...running].map((server) => server.close()));
    child?.kill('SIGTERM');
    await database.close();
    throw err;
  }

  const mailToDevMailbox = running[0]!.app.mailer.transport === 'dev-mailbox';
  return {
    database,
    config,
    apps: { auth: running[0]!.app, cave: running[1]!.app, store: running[2]!.app },
    printUrls() {
      const rows = [
        ['MakrX.org (gateway)', config.GATEWAY_URL],
        ['MakrCave', config.CAVE_URL],
        ['MakrX.Store', config.STORE_URL],
        ['Auth & org API', `${config.AUTH_API_URL} (docs: /docs)`],
        ['MakrCave API', `${config.CAVE_API_URL} (docs: /docs)`],
        ['Store API', `${config.STORE_API_URL} (docs: /docs)`],
        ['Sign-in (OIDC issuer)', config.OIDC_ISSUER],
      ] as const;
      log('');
      log(
        `MakrX is running on Node.js ${process.version} (${database.driver === 'pglite' ? `embedded, data in ${dataDir}` : 'PostgreSQL'}):`,
      );
      for (const [name, url] of rows) log(`  ${name.padEnd(22)} ${url}`);
      if (mailToDevMailbox) log(`  ${'Dev mailbox'.padEnd(22)} ${config.AUTH_API_URL}/dev/inbox`);
      if (config.MAKRX_DEMO_DATA === 'true' && database.driver === 'pglite') {
        log('');
        log(`Demo users (password: ${config.MAKRX_DEMO_PASSWORD}):`);
        for (const user of demoUsers) log(`  ${user.email.padEnd(28)} ${user.role}`);
      }
      log('');
      log('Press Ctrl-C to stop.');
    },
    onUnexpectedExit(listener) {
      exitListener = listener;
    },
    async stop() {
      stopping = true;
      const childExited = new Promise<void>((done) => {
        if (!child || child.exitCode !== null) return done();
        child.once('exit', () => done());
        child.kill('SIGTERM');
      });
      await Promise.all([
        ...servers.map((server) => server.close()),
        ...running.map((service) => service.close()),
        childExited,
      ]);
      await database.close();
    },
  };
}

/** The gateway and cave as static apps, and the Next.js store as a child process. */
async function startApps(
  root: string,
  config: LauncherConfig,
  dataDir: string,
  onStoreExit: (code: number | null) => void,
) {
  const browserConfig = publicConfig(config);
  const servers: FastifyInstance[] = [];
  for (const [app, url] of [
    ['gateway', config.GATEWAY_URL],
    ['cave', config.CAVE_URL],
  ] as const) {
    const server = await createStaticApp(join(root, 'apps', app, 'dist'), browserConfig);
    await server.listen({ host: config.HOST, port: portOf(url) });
    servers.push(server);
  }
  const storeEnv = {
    STORE_API_URL: browserConfig.storeApiUrl,
    AUTH_API_URL: browserConfig.authApiUrl,
    CAVE_API_URL: browserConfig.caveApiUrl,
    GATEWAY_URL: browserConfig.gatewayUrl,
    CAVE_URL: browserConfig.caveUrl,
    STORE_URL: browserConfig.storeUrl,
    OIDC_ISSUER: browserConfig.oidcIssuer,
    ...storeAppSecrets(config, dataDir),
  };
  try {
    const storeApp = await startStoreApp(root, portOf(config.STORE_URL), storeEnv, onStoreExit);
    return { servers, storeApp };
  } catch (err) {
    await Promise.allSettled(servers.map((server) => server.close()));
    throw err;
  }
}
