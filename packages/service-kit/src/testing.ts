import type { Driver } from '@makrx/db';
import { createTestDatabase } from '@makrx/db/testing';
import type { FastifyInstance } from 'fastify';
import { createService, type ServiceDefinition } from './create-service';
import type { PeerSettings } from './peers';

export { testDrivers } from '@makrx/db/testing';

export interface TestService {
  app: FastifyInstance;
  close(): Promise<void>;
}

/** A service started in-process over a fresh database, answering through `app.inject`. */
export async function startTestService(
  definition: ServiceDefinition,
  driver: Driver,
  {
    issuer = 'http://127.0.0.1:9/realms/makrx',
    peers,
  }: { issuer?: string; peers?: PeerSettings } = {},
): Promise<TestService> {
  const database = await createTestDatabase(driver);
  if (definition.seedDemoData) await definition.seedDemoData(database.db);
  const app = await createService(definition, {
    database,
    allowedOrigins: ['http://localhost:3000', 'http://localhost:3001', 'http://localhost:3003'],
    issuer,
    logger: false,
    // A flag changed by a test is seen by the next request, without waiting for the cache.
    flagCacheMs: 0,
    ...(peers ? { peers } : {}),
    // Tests deliver events with `app.events.deliverDue()`, never by waiting for a poll.
    events: { background: false },
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
