import { type Database, type DatabaseHandle } from '@makrx/db';
import { and, asc, desc, eq, inArray, lte, sql } from 'drizzle-orm';
import { z } from 'zod';
import { parseEventPayload, type EventPayloadInput, type EventType } from '@makrx/contracts';
import { outboxEvents, processedEvents } from './tables';

/** A query builder or an open transaction; events are published in the caller's one. */
export type Executor = Pick<Database, 'insert' | 'select' | 'update' | 'execute'>;

const envelope = z.object({
  type: z.string().trim().min(1).max(200),
  source: z.string().trim().min(1).max(100),
  payload: z.json(),
});

/** An event to publish: its type names the schema its payload must match (contracts, events.ts). */
export interface NewEvent<T extends EventType = EventType> {
  type: T;
  /** The publishing service, whose dispatcher delivers the event. */
  source: string;
  payload: EventPayloadInput<T>;
}

/** An event as a consumer receives it. */
export interface OutboxEvent {
  id: number;
  type: string;
  source: string;
  payload: unknown;
  createdAt: Date;
  /** Failed attempts before this one. */
  attempts: number;
}

/**
 * Writes an event to the outbox, its payload checked against its type's schema (an unknown
 * type, or a payload that does not match, is refused before anything is written). Pass the
 * transaction that makes the domain change: the event then commits with the change or not at
 * all, and is delivered only after the commit (at least once; consumers must be idempotent,
 * see `createDispatcher`).
 */
export async function publishEvent<T extends EventType>(
  tx: Executor,
  event: NewEvent<T>,
): Promise<{ id: number }> {
  const payload = parseEventPayload(event.type, event.payload);
  return appendToOutbox(tx, { type: event.type, source: event.source, payload });
}

/**
 * The outbox's own writer, for any type and payload: the mechanism under publishEvent, which
 * the outbox's tests drive directly. Not exported from the package: services publish typed
 * events.
 */
export async function appendToOutbox(
  tx: Executor,
  event: { type: string; source: string; payload: unknown },
): Promise<{ id: number }> {
  const { type, source, payload } = envelope.parse(event);
  // One round trip: the insert, and the NOTIFY that wakes the publishing service's dispatcher
  // when the transaction commits (NOTIFY is transactional); without a listener the dispatcher
  // still finds the event on its next poll.
  const { rows } = await tx.execute<{ id: string | number }>(sql`
    with appended as (
      insert into ${outboxEvents} (type, source, payload)
      values (${type}, ${source}, ${JSON.stringify(payload)}::jsonb)
      returning id
    )
    select id, pg_notify(${OUTBOX_CHANNEL}, ${source}) from appended`);
  const row = rows[0];
  if (!row) throw new Error('outbox insert returned no row');
  return { id: Number(row.id) };
}

/** The NOTIFY channel `publishEvent` signals on, with the event's source as the payload. */
export const OUTBOX_CHANNEL = 'makrx_outbox';

/** Limits the admin views to one service's events (the outbox table is shared). */
export interface SourceFilter {
  source?: string | undefined;
}

const ofSource = (filter: SourceFilter) =>
  filter.source === undefined ? undefined : eq(outboxEvents.source, filter.source);

export interface ParkedEvent extends OutboxEvent {
  lastError: string | null;
}

const parkedColumns = {
  id: outboxEvents.id,
  type: outboxEvents.type,
  source: outboxEvents.source,
  payload: outboxEvents.payload,
  createdAt: outboxEvents.createdAt,
  attempts: outboxEvents.attempts,
  lastError: outboxEvents.lastError,
};

/** Events that failed `maxAttempts` times and wait for an admin, oldest first. */
export async function listParkedEvents(
  db: Executor,
  options: { limit?: number } & SourceFilter = {},
): Promise<ParkedEvent[]> {
  return db
    .select(parkedColumns)
    .from(outboxEvents)
    .where(and(eq(outboxEvents.status, 'parked'), ofSource(options)))
    .orderBy(asc(outboxEvents.id))
    .limit(options.limit ?? 100);
}

/** One parked event by id, or undefined when no parked event (of that source) has it. */
export async function findParkedEvent(
  db: Executor,
  id: number,
  filter: SourceFilter = {},
): Promise<ParkedEvent | undefined> {
  const [event] = await db
    .select(parkedColumns)
    .from(outboxEvents)
    .where(and(eq(outboxEvents.id, id), eq(outboxEvents.status, 'parked'), ofSource(filter)));
  return event;
}

/**
 * Puts a parked event back in line with its attempts reset; consumers that had already handled
 * it are not run again. Returns false when no parked event has that id.
 */
export async function replayParkedEvent(
  db: Executor,
  id: number,
  filter: SourceFilter = {},
): Promise<boolean> {
  const rows = await db
    .update(outboxEvents)
    .set({ status: 'pending', attempts: 0, availableAt: sql`now()`, lastError: null })
    .where(and(eq(outboxEvents.id, id), eq(outboxEvents.status, 'parked'), ofSource(filter)))
    .returning({ id: outboxEvents.id });
  return rows.length > 0;
}

export interface Consumer {
  /** Unique per consumer: what `processed_events` records. Never rename a live consumer. */
  name: string;
  /** The event type it handles, or several. */
  type: string | readonly string[];
  /**
   * Runs in a transaction of its own, `tx`, that also records the event as processed: write side
   * effects through `tx` so they commit exactly when that record does. A throw rolls them back
   * and the event is retried later.
   */
  handle(event: OutboxEvent, tx: Database): Promise<void>;
  /**
   * For a consumer whose effect is outside this database (a call to another service): it runs
   * with no transaction open and the event is recorded as processed after it returns, so a
   * crash in between repeats the call. The receiver must be idempotent by the event id.
   */
  outsideTransaction?: boolean;
}

export interface DispatcherOptions {
  database: DatabaseHandle | Database;
  consumers: Consumer[];
  /**
   * Claims only events of this source. The outbox is one shared table: each service's
   * dispatcher delivers the events its own service published, to that service's consumers.
   */
  source?: string;
  /** Events claimed per run. Default 50. */
  batchSize?: number;
  /** Failed deliveries before an event is parked. Default `DEFAULT_MAX_ATTEMPTS`. */
  maxAttempts?: number;
  /** Milliseconds to wait before attempt `attempt + 1`, given `attempt` failures so far. */
  backoff?: (attempt: number) => number;
  /**
   * How long a claimed event is kept from other dispatchers while this one delivers it; an
   * event whose dispatcher died is delivered again after it. Default 60 000 ms.
   */
  leaseMs?: number;
  /** How long the polling loop sleeps when there was nothing to do. Default 1000. */
  pollIntervalMs?: number;
  /** Called when a whole run fails (the database is unreachable, say); the loop keeps going. */
  onError?: (err: unknown) => void;
}

export interface RunResult {
  /** Events every consumer has now handled. */
  delivered: number;
  /** Events a consumer failed on that will be retried. */
  failed: number;
  /** Events that failed for the last allowed time. */
  parked: number;
}

export interface Dispatcher {
  /** Claims one batch of due events and delivers it. */
  runOnce(): Promise<RunResult>;
  /** Starts the polling loop. */
  start(): void;
  /** Cuts the current wait short: there is something to deliver (a NOTIFY arrived). */
  nudge(): void;
  /** Stops the loop, waiting for the batch in flight. */
  stop(): Promise<void>;
}

/**
 * Failed deliveries before an event is parked, by default. With the default backoff the last
 * attempt comes about 18 minutes after the first: a peer restarting or briefly down is waited
 * out, and only an event that keeps failing waits for an admin's replay.
 */
export const DEFAULT_MAX_ATTEMPTS = 12;

/** 1 s, 2 s, 4 s, … capped at 5 minutes. */
export function exponentialBackoff(baseMs = 1000, capMs = 5 * 60_000) {
  return (attempt: number): number => Math.min(capMs, baseMs * 2 ** Math.max(0, attempt - 1));
}

const handles = (consumer: Consumer, type: string): boolean =>
  typeof consumer.type === 'string' ? consumer.type === type : consumer.type.includes(type);

const isHandle = (database: DatabaseHandle | Database): database is DatabaseHandle =>
  'driver' in database && 'migrate' in database;

/**
 * Delivers outbox events to their consumers, at least once, several instances side by side.
 *
 * Each run claims up to `batchSize` due events with `FOR UPDATE SKIP LOCKED` and leases them for
 * `leaseMs`, so another dispatcher skips them while this one delivers. Each consumer runs in a
 * transaction that first inserts its `processed_events` row (`on conflict do nothing`): if the
 * row existed, the consumer already handled the event and is skipped; if the consumer throws,
 * the transaction (row and side effects) is rolled back, the event's attempts grow and it waits
 * `backoff(attempts)`; at `maxAttempts` it is parked. It is delivered once every consumer of its
 * type has processed it.
 */
export function createDispatcher(options: DispatcherOptions): Dispatcher {
  const db = isHandle(options.database) ? options.database.db : options.database;
  const batchSize = options.batchSize ?? 50;
  const maxAttempts = options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
  const backoff = options.backoff ?? exponentialBackoff();
  const pollIntervalMs = options.pollIntervalMs ?? 1000;
  const onError = options.onError ?? ((err) => console.error('event dispatcher run failed', err));
  if (!Number.isInteger(batchSize) || batchSize < 1) throw new Error('batchSize must be >= 1');
  if (!Number.isInteger(maxAttempts) || maxAttempts < 1)
    throw new Error('maxAttempts must be >= 1');
  const names = new Set<string>();
  for (const consumer of options.consumers) {
    if (names.has(consumer.name)) throw new Error(`two consumers named ${consumer.name}`);
    names.add(consumer.name);
  }

  const leaseMs = options.leaseMs ?? 60_000;

  /**
   * Takes up to `batchSize` due events: row locks with SKIP LOCKED keep two dispatchers from
   * taking the same row, and pushing `available_at` past the lease keeps it out of the next
   * claims while it is delivered. The claim commits at once, so no transaction stays open while
   * consumers run (one of them may call another service that writes to the same database).
   */
  const claim = () =>
    db.transaction(async (tx) => {
      const due = await tx
        .select()
        .from(outboxEvents)
        .where(
          and(
            eq(outboxEvents.status, 'pending'),
            lte(outboxEvents.availableAt, sql`now()`),
            ofSource(options),
          ),
        )
        .orderBy(asc(outboxEvents.id))
        .limit(batchSize)
        .for('update', { skipLocked: true });
      if (due.length > 0)
        await tx
          .update(outboxEvents)
          .set({ availableAt: sql`now() + ${leaseMs}::integer * interval '1 millisecond'` })
          .where(
            inArray(
              outboxEvents.id,
              due.map((row) => row.id),
            ),
          );
      return due;
    });

  const deliver = async (consumer: Consumer, event: OutboxEvent): Promise<void> => {
    const record = (executor: Executor) =>
      executor
        .insert(processedEvents)
        .values({ consumer: consumer.name, eventId: event.id })
        .onConflictDoNothing()
        .returning({ eventId: processedEvents.eventId });
    if (consumer.outsideTransaction) {
      const done = await db
        .select({ eventId: processedEvents.eventId })
        .from(processedEvents)
        .where(
          and(eq(processedEvents.consumer, consumer.name), eq(processedEvents.eventId, event.id)),
        );
      if (done.length > 0) return;
      await consumer.handle(event, db);
      await record(db);
      return;
    }
    await db.transaction(async (tx) => {
      if ((await record(tx)).length === 0) return;
      await consumer.handle(event, tx as unknown as Database);
    });
  };

  const runOnce = async (): Promise<RunResult> => {
    const result: RunResult = { delivered: 0, failed: 0, parked: 0 };
    for (const row of await claim()) {
      const event: OutboxEvent = {
        id: row.id,
        type: row.type,
        source: row.source,
        payload: row.payload,
        createdAt: row.createdAt,
        attempts: row.attempts,
      };
      const errors: string[] = [];
      for (const consumer of options.consumers) {
        if (!handles(consumer, event.type)) continue;
        try {
          await deliver(consumer, event);
        } catch (err) {
          errors.push(`${consumer.name}: ${err instanceof Error ? err.message : String(err)}`);
        }
      }

      if (errors.length === 0) {
        await db
          .update(outboxEvents)
          .set({
            status: 'delivered',
            deliveredAt: sql`now()`,
            availableAt: sql`now()`,
            lastError: null,
          })
          .where(eq(outboxEvents.id, event.id));
        result.delivered += 1;
        continue;
      }
      const attempts = row.attempts + 1;
      const park = attempts >= maxAttempts;
      const waitMs = Math.max(0, Math.round(backoff(attempts)));
      await db
        .update(outboxEvents)
        .set({
          attempts,
          lastError: errors.join('\n').slice(0, 4000),
          status: park ? 'parked' : 'pending',
          availableAt: sql`now() + ${waitMs}::integer * interval '1 millisecond'`,
        })
        .where(eq(outboxEvents.id, event.id));
      if (park) result.parked += 1;
      else result.failed += 1;
    }
    return result;
  };

  let running = false;
  let inFlight: Promise<unknown> | undefined;
  let timer: NodeJS.Timeout | undefined;
  let wake: (() => void) | undefined;
  /** A nudge that came while a batch was running: run again before sleeping. */
  let nudged = false;

  const loop = async (): Promise<void> => {
    while (running) {
      nudged = false;
      let busy = false;
      try {
        const { delivered, failed, parked } = await runOnce();
        busy = delivered + failed + parked >= batchSize;
      } catch (err) {
        onError(err);
      }
      if (!running) break;
      if (busy || nudged) continue;
      await new Promise<void>((resolve) => {
        wake = resolve;
        timer = setTimeout(resolve, pollIntervalMs);
      });
    }
  };

  return {
    runOnce,
    start() {
      if (running) return;
      running = true;
      inFlight = loop();
    },
    nudge() {
      nudged = true;
      if (timer) clearTimeout(timer);
      wake?.();
    },
    async stop() {
      running = false;
      if (timer) clearTimeout(timer);
      wake?.();
      await inFlight;
      inFlight = undefined;
    },
  };
}

/** The newest events, for diagnostics. */
export async function listRecentEvents(db: Executor, limit = 50) {
  return db.select().from(outboxEvents).orderBy(desc(outboxEvents.id)).limit(limit);
}
