import { type Database, type DatabaseHandle } from '@makrx/db';
import { and, asc, desc, eq, lte, sql } from 'drizzle-orm';
import { z } from 'zod';
import { outboxEvents, processedEvents } from './tables';

/** A query builder or an open transaction; events are published in the caller's one. */
export type Executor = Pick<Database, 'insert' | 'select' | 'update' | 'execute'>;

const newEvent = z.object({
  type: z.string().trim().min(1).max(200),
  source: z.string().trim().min(1).max(100),
  payload: z.json(),
});

export type NewEvent = z.input<typeof newEvent>;

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
 * Writes an event to the outbox. Pass the transaction that makes the domain change: the event
 * then commits with the change or not at all, and is delivered only after the commit (at least
 * once; consumers must be idempotent, see `createDispatcher`).
 */
export async function publishEvent(tx: Executor, event: NewEvent): Promise<{ id: number }> {
  const { type, source, payload } = newEvent.parse(event);
  const [row] = await tx
    .insert(outboxEvents)
    .values({ type, source, payload })
    .returning({ id: outboxEvents.id });
  if (!row) throw new Error('outbox insert returned no row');
  return row;
}

export interface ParkedEvent extends OutboxEvent {
  lastError: string | null;
}

/** Events that failed `maxAttempts` times and wait for an admin, oldest first. */
export async function listParkedEvents(
  db: Executor,
  options: { limit?: number } = {},
): Promise<ParkedEvent[]> {
  return db
    .select({
      id: outboxEvents.id,
      type: outboxEvents.type,
      source: outboxEvents.source,
      payload: outboxEvents.payload,
      createdAt: outboxEvents.createdAt,
      attempts: outboxEvents.attempts,
      lastError: outboxEvents.lastError,
    })
    .from(outboxEvents)
    .where(eq(outboxEvents.status, 'parked'))
    .orderBy(asc(outboxEvents.id))
    .limit(options.limit ?? 100);
}

/**
 * Puts a parked event back in line with its attempts reset; consumers that had already handled
 * it are not run again. Returns false when no parked event has that id.
 */
export async function replayParkedEvent(db: Executor, id: number): Promise<boolean> {
  const rows = await db
    .update(outboxEvents)
    .set({ status: 'pending', attempts: 0, availableAt: sql`now()`, lastError: null })
    .where(and(eq(outboxEvents.id, id), eq(outboxEvents.status, 'parked')))
    .returning({ id: outboxEvents.id });
  return rows.length > 0;
}

export interface Consumer {
  /** Unique per consumer: what `processed_events` records. Never rename a live consumer. */
  name: string;
  /** The event type it handles. */
  type: string;
  /**
   * Runs in a savepoint of the delivery transaction, with that savepoint as `tx`: write side
   * effects through `tx` so they commit exactly when the event is recorded as processed. A throw
   * rolls them back and the event is retried later.
   */
  handle(event: OutboxEvent, tx: Database): Promise<void>;
}

export interface DispatcherOptions {
  database: DatabaseHandle | Database;
  consumers: Consumer[];
  /** Events claimed and delivered per transaction. Default 50. */
  batchSize?: number;
  /** Failed deliveries before an event is parked. Default 5. */
  maxAttempts?: number;
  /** Milliseconds to wait before attempt `attempt + 1`, given `attempt` failures so far. */
  backoff?: (attempt: number) => number;
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
  /** Stops the loop, waiting for the batch in flight. */
  stop(): Promise<void>;
}

/** 1 s, 2 s, 4 s, … capped at 5 minutes. */
export function exponentialBackoff(baseMs = 1000, capMs = 5 * 60_000) {
  return (attempt: number): number => Math.min(capMs, baseMs * 2 ** Math.max(0, attempt - 1));
}

const isHandle = (database: DatabaseHandle | Database): database is DatabaseHandle =>
  'driver' in database && 'migrate' in database;

/**
 * Delivers outbox events to their consumers, at least once, several instances side by side.
 *
 * Each run claims up to `batchSize` due events with `FOR UPDATE SKIP LOCKED` in one transaction
 * and delivers them in it, so another dispatcher skips them until it commits. Each consumer runs
 * in a savepoint that first inserts its `processed_events` row (`on conflict do nothing`): if the
 * row existed, the consumer already handled the event and is skipped; if the consumer throws,
 * the savepoint (row and side effects) is rolled back, the event's attempts grow and it waits
 * `backoff(attempts)`; at `maxAttempts` it is parked. It is delivered once every consumer of its
 * type has processed it.
 */
export function createDispatcher(options: DispatcherOptions): Dispatcher {
  const db = isHandle(options.database) ? options.database.db : options.database;
  const batchSize = options.batchSize ?? 50;
  const maxAttempts = options.maxAttempts ?? 5;
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

  const runOnce = (): Promise<RunResult> =>
    db.transaction(async (tx) => {
      const result: RunResult = { delivered: 0, failed: 0, parked: 0 };
      const due = await tx
        .select()
        .from(outboxEvents)
        .where(and(eq(outboxEvents.status, 'pending'), lte(outboxEvents.availableAt, sql`now()`)))
        .orderBy(asc(outboxEvents.id))
        .limit(batchSize)
        .for('update', { skipLocked: true });

      for (const row of due) {
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
          if (consumer.type !== event.type) continue;
          try {
            await tx.transaction(async (savepoint) => {
              const recorded = await savepoint
                .insert(processedEvents)
                .values({ consumer: consumer.name, eventId: event.id })
                .onConflictDoNothing()
                .returning({ eventId: processedEvents.eventId });
              if (recorded.length === 0) return;
              await consumer.handle(event, savepoint as unknown as Database);
            });
          } catch (err) {
            errors.push(`${consumer.name}: ${err instanceof Error ? err.message : String(err)}`);
          }
        }

        if (errors.length === 0) {
          await tx
            .update(outboxEvents)
            .set({ status: 'delivered', deliveredAt: sql`now()`, lastError: null })
            .where(eq(outboxEvents.id, event.id));
          result.delivered += 1;
          continue;
        }
        const attempts = row.attempts + 1;
        const park = attempts >= maxAttempts;
        const waitMs = Math.max(0, Math.round(backoff(attempts)));
        await tx
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
    });

  let running = false;
  let inFlight: Promise<unknown> | undefined;
  let timer: NodeJS.Timeout | undefined;
  let wake: (() => void) | undefined;

  const loop = async (): Promise<void> => {
    while (running) {
      let busy = false;
      try {
        const { delivered, failed, parked } = await runOnce();
        busy = delivered + failed + parked >= batchSize;
      } catch (err) {
        onError(err);
      }
      if (!running) break;
      if (busy) continue;
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
