import type { Driver } from '@makrx/db';
import { createTestDatabase } from '@makrx/db/testing';
import type { Mailer } from '@makrx/mailer';
import type { FastifyInstance } from 'fastify';
import { loadConfig, type Environment } from './config';
import { createService, type ServiceDefinition } from './create-service';
import type { PeerSettings } from './peers';

export { testDrivers } from '@makrx/db/testing';

export interface TestService {
  app: FastifyInstance;
  close(): Promise<void>;
}

export interface TestServiceOptions {
  /** The issuer whose tokens the service accepts; a closed port unless a test starts one. */
  issuer?: string;
  peers?: PeerSettings;
  /** The service's environment, parsed with its own schema as at start (defaults for the rest). */
  env?: Environment;
  mailer?: Mailer;
}

/**
 * A service started in-process over a fresh database, answering through `app.inject`. Its
 * config comes from `env` alone, never from the test process's environment.
 */
export async function startTestService(
  definition: ServiceDefinition,
  driver: Driver,
  { issuer = 'http://127.0.0.1:9/realms/makrx', peers, env = {}, mailer }: TestServiceOptions = {},
): Promise<TestService> {
  const config = loadConfig(definition.env, { NODE_ENV: 'test', OIDC_ISSUER: issuer, ...env });
  const database = await createTestDatabase(driver);
  await definition.seedConfiguration?.(database.db);
  await definition.seedDemoData?.(database.db, config);
  const app = await createService(definition, {
    database,
    config,
    logger: false,
    // A flag changed by a test is seen by the next request, without waiting for the cache.
    flagCacheMs: 0,
    ...(peers ? { peers } : {}),
    ...(mailer ? { mailer } : {}),
    // Tests deliver events with `app.events.deliverDue()` and run jobs with `app.jobs.run()`.
    events: { background: false },
    jobs: { background: false },
  });
  await app.ready();
  return {
    app,
    close: async () => {
      await app.close();
      await database.close();
    },
  };
}
