import { createTestDatabase } from '@makrx/db/testing';
import { publishEvent, type OutboxEvent } from '@makrx/events';
import { sql } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { loadConfig, serviceEnv } from './config';
import { createService, type ServiceDefinition } from './create-service';
import type { EventConsumer } from './service-events';
import { startTestService, testDrivers, type TestService } from './testing';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A service whose one route adds a tool and publishes `tool.added` in the same transaction. */
function workshop(consumers: EventConsumer[]): ServiceDefinition {
  return {
    name: 'cave',
    title: 'Workshop events test API',
    description: 'Exercises event consumers.',
    env: serviceEnv('cave'),
    audience: 'makrcave-backend',
    consumers,
    modules: [
      {
        prefix: '/api/v1',
        plugin: async (app) => {
          app.post(
            '/tools',
            {
              config: { access: 'public' },
              schema: { body: z.object({ name: z.string(), fail: z.boolean().default(false) }) },
            },
            async (request) =>
              app.db
                .transaction(async (tx) => {
                  const event = await publishEvent(tx, {
                    type: 'tool.added',
                    source: 'cave',
                    payload: { name: request.body.name },
                  });
                  if (request.body.fail) throw new Error('the change failed');
                  return event;
                })
                .catch(() => ({ id: null })),
          );
        },
      },
    ],
  };
}

/** Writes one row per handled event through the delivery transaction. */
function recorder(): EventConsumer & { seen: OutboxEvent[] } {
  const seen: OutboxEvent[] = [];
  return {
    name: 'tool-log',
    eventTypes: ['tool.added'],
    seen,
    async handle(event, { tx, app }) {
      expect(app.events.source).toBe('cave');
      seen.push(event);
      await tx.execute(sql`insert into tool_log (event_id) values (${event.id})`);
    },
  };
}

describe.each(testDrivers)('service events over %s', (driver) => {
  let service: TestService | undefined;
  afterEach(async () => {
    await service?.close();
    service = undefined;
  });

  it("delivers an event published in a route's transaction to the service's consumer, once", async () => {
    const consumer = recorder();
    service = await startTestService(workshop([consumer]), driver);
    const { app } = service;
    await app.db.execute(sql`create table tool_log (event_id bigint not null)`);

    const added = await app.inject({
      method: 'POST',
      url: '/api/v1/tools',
      payload: { name: 'Lathe' },
    });
    const rolledBack = await app.inject({
      method: 'POST',
      url: '/api/v1/tools',
      payload: { name: 'Ghost', fail: true },
    });
    expect(rolledBack.json()).toEqual({ id: null });
    // Another service's event in the shared outbox is not this dispatcher's to deliver.
    await publishEvent(app.db, { type: 'tool.added', source: 'store', payload: { name: 'Drill' } });

    expect(await app.events.deliverDue()).toEqual({ delivered: 1, failed: 0, parked: 0 });
    expect(consumer.seen.map((event) => event.payload)).toEqual([{ name: 'Lathe' }]);
    expect(consumer.seen[0]!.id).toBe(added.json<{ id: number }>().id);
    const log = await app.db.execute<{ n: number }>(sql`select count(*)::int as n from tool_log`);
    expect(log.rows[0]!.n).toBe(1);
    expect(await app.events.deliverDue()).toEqual({ delivered: 0, failed: 0, parked: 0 });
  });

  it('delivers in the background while the service runs, and stops with it', async () => {
    const consumer = recorder();
    const database = await createTestDatabase(driver);
    const app = await createService(workshop([consumer]), {
      database,
      config: loadConfig(serviceEnv('cave'), {}),
      logger: false,
      events: { pollIntervalMs: 50 },
    });
    try {
      await app.db.execute(sql`create table tool_log (event_id bigint not null)`);
      await app.ready();
      await app.inject({ method: 'POST', url: '/api/v1/tools', payload: { name: 'Router' } });
      for (let i = 0; i < 200 && consumer.seen.length === 0; i += 1) await sleep(25);
      expect(consumer.seen.map((event) => event.payload)).toEqual([{ name: 'Router' }]);
    } finally {
      await app.close();
      await database.close();
    }
  });
});
