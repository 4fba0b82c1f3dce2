import { randomUUID } from 'node:crypto';
import { createTestDatabase } from '@makrx/db/testing';
import { DEFAULT_MAX_ATTEMPTS, outboxEvents, publishEvent } from '@makrx/events';
import { eq, sql } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { loadConfig, serviceEnv } from './config';
import { createService, type ServiceDefinition } from './create-service';
import type { DeliveredEvent, EventConsumer } from './service-events';
import { startTestService, testDrivers, type TestService } from './testing';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * A service whose one route publishes `store.order.link-requested` in a transaction that may
 * then fail (any type of the event catalog would do; this one has the smallest payload).
 */
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
            '/link-requests',
            {
              config: { access: 'public' },
              schema: { body: z.object({ orderId: z.uuid(), fail: z.boolean().default(false) }) },
            },
            async (request) =>
              app.db
                .transaction(async (tx) => {
                  const event = await publishEvent(tx, {
                    type: 'store.order.link-requested',
                    source: 'cave',
                    payload: { orderId: request.body.orderId },
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

type LinkRequested = DeliveredEvent<'store.order.link-requested'>;

/** Writes one row per handled event through the delivery transaction. */
function recorder(): EventConsumer<'store.order.link-requested'> & { seen: LinkRequested[] } {
  const seen: LinkRequested[] = [];
  return {
    name: 'link-log',
    eventTypes: ['store.order.link-requested'],
    seen,
    async handle(event, { tx, app }) {
      expect(app.events.source).toBe('cave');
      seen.push(event);
      await tx.execute(sql`insert into link_log (event_id) values (${event.id})`);
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
    await app.db.execute(sql`create table link_log (event_id bigint not null)`);

    const [lathe, ghost, drill] = [randomUUID(), randomUUID(), randomUUID()];
    const added = await app.inject({
      method: 'POST',
      url: '/api/v1/link-requests',
      payload: { orderId: lathe },
    });
    const rolledBack = await app.inject({
      method: 'POST',
      url: '/api/v1/link-requests',
      payload: { orderId: ghost, fail: true },
    });
    expect(rolledBack.json()).toEqual({ id: null });
    // Another service's event in the shared outbox is not this dispatcher's to deliver.
    await publishEvent(app.db, {
      type: 'store.order.link-requested',
      source: 'store',
      payload: { orderId: drill },
    });

    expect(await app.events.deliverDue()).toEqual({ delivered: 1, failed: 0, parked: 0 });
    expect(consumer.seen.map((event) => event.payload)).toEqual([{ orderId: lathe }]);
    expect(consumer.seen[0]!.id).toBe(added.json<{ id: number }>().id);
    const log = await app.db.execute<{ n: number }>(sql`select count(*)::int as n from link_log`);
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
      await app.db.execute(sql`create table link_log (event_id bigint not null)`);
      await app.ready();
      const router = randomUUID();
      await app.inject({
        method: 'POST',
        url: '/api/v1/link-requests',
        payload: { orderId: router },
      });
      for (let i = 0; i < 200 && consumer.seen.length === 0; i += 1) await sleep(25);
      expect(consumer.seen.map((event) => event.payload)).toEqual([{ orderId: router }]);
    } finally {
      await app.close();
      await database.close();
    }
  });

  it('fails, retries and then parks an event whose payload does not match its schema, never handling it', async () => {
    const consumer = recorder();
    service = await startTestService(workshop([consumer]), driver);
    const { app } = service;
    // Written as an older version of the service might have: no longer what the schema says.
    const [event] = await app.db
      .insert(outboxEvents)
      .values({ type: 'store.order.link-requested', source: 'cave', payload: { order: 7 } })
      .returning({ id: outboxEvents.id });
    expect(await app.events.deliverDue()).toEqual({ delivered: 0, failed: 1, parked: 0 });
    for (let attempt = 2; attempt <= DEFAULT_MAX_ATTEMPTS; attempt += 1) {
      await app.db.update(outboxEvents).set({ availableAt: new Date(0) });
      await app.events.deliverDue();
    }
    const [row] = await app.db.select().from(outboxEvents).where(eq(outboxEvents.id, event!.id));
    expect(row).toMatchObject({ status: 'parked', attempts: DEFAULT_MAX_ATTEMPTS });
    expect(row!.lastError).toContain('does not match its schema');
    expect(row!.lastError).toContain('orderId');
    expect(consumer.seen).toEqual([]);
  });
});
