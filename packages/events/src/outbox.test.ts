import { connectDatabase, type Database, type DatabaseHandle } from '@makrx/db';
import { createTestDatabase, testDrivers } from '@makrx/db/testing';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  appendToOutbox,
  createDispatcher,
  listParkedEvents,
  publishEvent,
  replayParkedEvent,
  type Consumer,
} from './outbox';
import { outboxEvents, processedEvents } from './tables';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A consumer whose side effect is a row in event_effects, written in its own savepoint. */
const recorder = (name: string, type: string, failTimes = 0): Consumer & { calls: number } => {
  const consumer = {
    name,
    type,
    calls: 0,
    async handle(event: { id: number }, tx: Database) {
      consumer.calls += 1;
      await tx.execute(
        sql`insert into event_effects (consumer, event_id) values (${name}, ${event.id})`,
      );
      if (consumer.calls <= failTimes) throw new Error(`${name} failure ${consumer.calls}`);
    },
  };
  return consumer;
};

const effects = async (db: Database, eventId: number) => {
  const result = await db.execute<{ consumer: string }>(
    sql`select consumer from event_effects where event_id = ${eventId} order by consumer`,
  );
  return result.rows.map((row) => row.consumer);
};

const eventRow = async (db: Database, id: number) => {
  const [row] = await db.select().from(outboxEvents).where(eq(outboxEvents.id, id));
  if (!row) throw new Error(`no event ${id}`);
  return row;
};

/** Makes a backed-off event due now, as the passing of time would. */
const makeDue = (db: Database, id: number) =>
  db
    .update(outboxEvents)
    .set({ availableAt: sql`now()` })
    .where(eq(outboxEvents.id, id));

describe.each(testDrivers)('event outbox over %s', (driver) => {
  let handle: DatabaseHandle;
  let db: Database;

  beforeAll(async () => {
    handle = await createTestDatabase(driver);
    db = handle.db;
    await db.execute(
      sql`create table event_effects (consumer text not null, event_id bigint not null)`,
    );
  });
  afterAll(async () => {
    await handle?.close();
  });

  it('never delivers an event whose transaction rolled back, and delivers a committed one once to each consumer of its type', async () => {
    const type = 'test.rollback';
    const a = recorder('rollback-a', type);
    const b = recorder('rollback-b', type);
    const other = recorder('rollback-other', 'test.other-type');
    const dispatcher = createDispatcher({ database: handle, consumers: [a, b, other] });

    await expect(
      db.transaction(async (tx) => {
        await appendToOutbox(tx, { type, source: 'test', payload: { n: 1 } });
        throw new Error('the domain change failed');
      }),
    ).rejects.toThrow('the domain change failed');
    const rolledBack = await db.select().from(outboxEvents).where(eq(outboxEvents.type, type));
    expect(rolledBack).toEqual([]);

    const { id } = await db.transaction((tx) =>
      appendToOutbox(tx, { type, source: 'test', payload: { n: 2 } }),
    );
    expect(await dispatcher.runOnce()).toEqual({ delivered: 1, failed: 0, parked: 0 });
    expect(await dispatcher.runOnce()).toEqual({ delivered: 0, failed: 0, parked: 0 });

    expect([a.calls, b.calls, other.calls]).toEqual([1, 1, 0]);
    expect(await effects(db, id)).toEqual(['rollback-a', 'rollback-b']);
    const row = await eventRow(db, id);
    expect(row.status).toBe('delivered');
    expect(row.deliveredAt).toBeInstanceOf(Date);
  });

  it('claims only the events of its own source when given one (the outbox is shared)', async () => {
    const type = 'test.sourced';
    const consumer = recorder('sourced', type);
    const cave = createDispatcher({ database: handle, source: 'cave', consumers: [consumer] });
    const ofCave = await appendToOutbox(db, { type, source: 'cave', payload: {} });
    const ofStore = await appendToOutbox(db, { type, source: 'store', payload: {} });

    expect(await cave.runOnce()).toEqual({ delivered: 1, failed: 0, parked: 0 });
    expect(await effects(db, ofCave.id)).toEqual(['sourced']);
    expect((await eventRow(db, ofStore.id)).status).toBe('pending');
    expect(await listParkedEvents(db, { source: 'store' })).toEqual([]);
    // The store's own dispatcher would deliver it; the next tests' dispatchers take any source.
    await db
      .update(outboxEvents)
      .set({ status: 'delivered' })
      .where(eq(outboxEvents.id, ofStore.id));
  });

  it('runs a consumer marked outsideTransaction with no transaction open, records it after it succeeds, and retries it when it fails', async () => {
    const type = 'test.outside';
    let calls = 0;
    const consumer: Consumer = {
      name: 'outside',
      type: [type, 'test.outside-too'],
      outsideTransaction: true,
      async handle(event, database) {
        calls += 1;
        // Its effect is visible at once: nothing would roll it back.
        await database.execute(
          sql`insert into event_effects (consumer, event_id) values ('outside', ${event.id})`,
        );
        if (calls === 1) throw new Error('the other service is down');
      },
    };
    const dispatcher = createDispatcher({
      database: handle,
      source: 'outside',
      consumers: [consumer],
    });
    const { id } = await appendToOutbox(db, { type, source: 'outside', payload: {} });

    expect(await dispatcher.runOnce()).toEqual({ delivered: 0, failed: 1, parked: 0 });
    const recorded = () => db.select().from(processedEvents).where(eq(processedEvents.eventId, id));
    expect(await recorded()).toEqual([]);
    await makeDue(db, id);
    expect(await dispatcher.runOnce()).toEqual({ delivered: 1, failed: 0, parked: 0 });
    expect(calls).toBe(2);
    expect(await recorded()).toEqual([expect.objectContaining({ consumer: 'outside' })]);
    expect(await effects(db, id)).toEqual(['outside', 'outside']);
  });

  it('rejects an event without a type', async () => {
    await expect(appendToOutbox(db, { type: ' ', source: 'test', payload: {} })).rejects.toThrow();
  });

  it('publishes an event only with a payload its type’s schema accepts', async () => {
    const orderId = crypto.randomUUID();
    const { id } = await publishEvent(db, {
      type: 'store.order.link-requested',
      source: 'test',
      payload: { orderId },
    });
    const [row] = await db.select().from(outboxEvents).where(eq(outboxEvents.id, id));
    expect(row).toMatchObject({ type: 'store.order.link-requested', payload: { orderId } });

    const written = async () =>
      (await db.select({ id: outboxEvents.id }).from(outboxEvents)).length;
    const before = await written();
    const wrongPayload = { type: 'store.order.link-requested', source: 'test', payload: {} };
    await expect(publishEvent(db, wrongPayload as never)).rejects.toThrow(/orderId/);
    const unknownType = { type: 'store.order.teleported', source: 'test', payload: { orderId } };
    await expect(publishEvent(db, unknownType as never)).rejects.toThrow(
      '"store.order.teleported" is not a known event type.',
    );
    expect(await written()).toBe(before);
    // Out of the way of the dispatchers the next tests run over the same outbox.
    await db.delete(outboxEvents).where(eq(outboxEvents.id, id));
  });

  it('retries a consumer that fails twice with backoff, and handles the event once on the third try', async () => {
    const type = 'test.flaky';
    const flaky = recorder('flaky', type, 2);
    const steady = recorder('steady', type);
    const dispatcher = createDispatcher({
      database: handle,
      consumers: [flaky, steady],
      backoff: () => 60_000,
    });
    const { id } = await appendToOutbox(db, { type, source: 'test', payload: {} });

    expect(await dispatcher.runOnce()).toEqual({ delivered: 0, failed: 1, parked: 0 });
    let row = await eventRow(db, id);
    expect(row).toMatchObject({
      status: 'pending',
      attempts: 1,
      lastError: 'flaky: flaky failure 1',
    });
    expect(row.availableAt.getTime()).toBeGreaterThan(Date.now() + 30_000);
    // Its failed savepoint left neither a side effect nor a processed row; the steady one's stays.
    expect(await effects(db, id)).toEqual(['steady']);
    // Backed off: not due yet.
    expect(await dispatcher.runOnce()).toEqual({ delivered: 0, failed: 0, parked: 0 });

    await makeDue(db, id);
    expect(await dispatcher.runOnce()).toEqual({ delivered: 0, failed: 1, parked: 0 });
    row = await eventRow(db, id);
    expect(row).toMatchObject({ status: 'pending', attempts: 2 });

    await makeDue(db, id);
    expect(await dispatcher.runOnce()).toEqual({ delivered: 1, failed: 0, parked: 0 });
    row = await eventRow(db, id);
    expect(row).toMatchObject({ status: 'delivered', attempts: 2, lastError: null });
    expect([flaky.calls, steady.calls]).toEqual([3, 1]);
    expect(await effects(db, id)).toEqual(['flaky', 'steady']);
  });

  it('parks an event after maxAttempts failures, lists it, and delivers it on replay', async () => {
    const type = 'test.parked';
    const broken = recorder('broken', type, 3);
    const dispatcher = createDispatcher({
      database: db,
      consumers: [broken],
      maxAttempts: 3,
      backoff: () => 0,
    });
    const { id } = await appendToOutbox(db, { type, source: 'test', payload: { order: 7 } });

    expect(await dispatcher.runOnce()).toMatchObject({ failed: 1, parked: 0 });
    expect(await dispatcher.runOnce()).toMatchObject({ failed: 1, parked: 0 });
    expect(await dispatcher.runOnce()).toEqual({ delivered: 0, failed: 0, parked: 1 });
    expect(await dispatcher.runOnce()).toEqual({ delivered: 0, failed: 0, parked: 0 });

    const parked = await listParkedEvents(db);
    expect(parked).toEqual([
      expect.objectContaining({
        id,
        type,
        payload: { order: 7 },
        attempts: 3,
        lastError: 'broken: broken failure 3',
      }),
    ]);
    expect(await effects(db, id)).toEqual([]);

    expect(await replayParkedEvent(db, id)).toBe(true);
    expect(await replayParkedEvent(db, id)).toBe(false);
    expect(await eventRow(db, id)).toMatchObject({ status: 'pending', attempts: 0 });
    expect(await dispatcher.runOnce()).toEqual({ delivered: 1, failed: 0, parked: 0 });
    expect(await listParkedEvents(db)).toEqual([]);
    expect(await effects(db, id)).toEqual(['broken']);
  });

  it('handles an event delivered twice only once', async () => {
    const type = 'test.redelivered';
    const consumer = recorder('once', type);
    const dispatcher = createDispatcher({ database: handle, consumers: [consumer] });
    const { id } = await appendToOutbox(db, { type, source: 'test', payload: {} });
    expect(await dispatcher.runOnce()).toMatchObject({ delivered: 1 });

    // As a redelivery would: the event is pending again though its consumer has handled it.
    await db
      .update(outboxEvents)
      .set({ status: 'pending', deliveredAt: null })
      .where(eq(outboxEvents.id, id));
    expect(await dispatcher.runOnce()).toMatchObject({ delivered: 1 });

    expect(consumer.calls).toBe(1);
    expect(await effects(db, id)).toEqual(['once']);
    const processed = await db
      .select()
      .from(processedEvents)
      .where(eq(processedEvents.eventId, id));
    expect(processed).toEqual([expect.objectContaining({ consumer: 'once', eventId: id })]);
  });

  it('delivers in a polling loop and stops after the batch in flight', async () => {
    const type = 'test.loop';
    const consumer = recorder('loop', type);
    const dispatcher = createDispatcher({
      database: handle,
      consumers: [consumer],
      batchSize: 2,
      pollIntervalMs: 10,
    });
    const ids: number[] = [];
    for (let i = 0; i < 5; i += 1) {
      ids.push((await appendToOutbox(db, { type, source: 'test', payload: { i } })).id);
    }
    dispatcher.start();
    const deadline = Date.now() + 10_000;
    while (consumer.calls < 5 && Date.now() < deadline) await sleep(10);
    await dispatcher.stop();
    expect(consumer.calls).toBe(5);
    for (const id of ids) expect((await eventRow(db, id)).status).toBe('delivered');
  });
});

describe('dispatchers side by side', () => {
  it('refuses two consumers of the same name, which would share their processed_events rows', () => {
    const consumer = { name: 'twin', type: 'test.twin', handle: async () => {} };
    expect(() =>
      createDispatcher({ database: {} as Database, consumers: [consumer, consumer] }),
    ).toThrow('two consumers named twin');
  });

  // Over PostgreSQL only: PGlite has a single connection, so nothing runs side by side there.
  const server = process.env.TEST_DATABASE_URL;
  if (!server) return;

  let handle: DatabaseHandle;
  let second: DatabaseHandle;

  beforeAll(async () => {
    handle = await createTestDatabase('postgres');
    const result = await handle.db.execute<{ name: string }>(
      sql`select current_database() as name`,
    );
    const url = new URL(server);
    url.pathname = `/${result.rows[0]?.name}`;
    second = await connectDatabase({ url: url.toString(), poolSize: 5 });
    await handle.db.execute(
      sql`create table event_effects (consumer text not null, event_id bigint not null)`,
    );
  });
  afterAll(async () => {
    await second?.close();
    await handle?.close();
  });

  it('never run the same event at the same time, and every event is handled exactly once', async () => {
    const type = 'test.concurrent';
    const total = 300;
    const inFlight = new Set<number>();
    const overlaps: number[] = [];
    const handledBy = new Map<number, string[]>();
    const consumerFor = (dispatcher: string): Consumer => ({
      name: 'concurrent',
      type,
      async handle(event, tx) {
        if (inFlight.has(event.id)) overlaps.push(event.id);
        inFlight.add(event.id);
        try {
          handledBy.set(event.id, [...(handledBy.get(event.id) ?? []), dispatcher]);
          await sleep(1);
          await tx.execute(
            sql`insert into event_effects (consumer, event_id) values (${dispatcher}, ${event.id})`,
          );
        } finally {
          inFlight.delete(event.id);
        }
      },
    });

    await handle.db.transaction(async (tx) => {
      for (let i = 0; i < total; i += 1)
        await appendToOutbox(tx, { type, source: 'test', payload: { i } });
    });

    const dispatchers = [
      createDispatcher({ database: handle, consumers: [consumerFor('one')], batchSize: 10 }),
      createDispatcher({ database: second, consumers: [consumerFor('two')], batchSize: 10 }),
    ];
    const drain = async (dispatcher: (typeof dispatchers)[number]) => {
      let delivered = 0;
      for (;;) {
        const run = await dispatcher.runOnce();
        if (run.delivered + run.failed + run.parked === 0) return delivered;
        delivered += run.delivered;
      }
    };
    const delivered = await Promise.all(dispatchers.map(drain));

    expect(overlaps).toEqual([]);
    expect(delivered[0]! + delivered[1]!).toBe(total);
    // Both took part, so the test did exercise two dispatchers side by side.
    expect(delivered[0]).toBeGreaterThan(0);
    expect(delivered[1]).toBeGreaterThan(0);
    expect([...handledBy.values()].every((by) => by.length === 1)).toBe(true);
    expect(handledBy.size).toBe(total);

    const counts = await handle.db.execute<{ events: number; rows: number }>(
      sql`select count(distinct event_id)::int as events, count(*)::int as rows from event_effects`,
    );
    expect(counts.rows[0]).toEqual({ events: total, rows: total });
    const pending = await handle.db
      .select()
      .from(outboxEvents)
      .where(eq(outboxEvents.status, 'pending'));
    expect(pending).toEqual([]);
  });
});
