import { parseEventPayload, type EventPayload, type EventType } from '@makrx/contracts';
import type { Database, DatabaseHandle } from '@makrx/db';
import {
  createDispatcher,
  OUTBOX_CHANNEL,
  type Dispatcher,
  type OutboxEvent,
  type RunResult,
} from '@makrx/events';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';

/** What a consumer is given beside the event. */
export interface EventContext {
  /**
   * The transaction that records the event as processed: write side effects through it. For a
   * consumer with `outsideTransaction`, the plain database.
   */
  tx: Database;
  /** The service: `app.peers` to call the others, `app.log`, `app.db`. */
  app: FastifyInstance;
}

/** An event as its consumer gets it: the payload parsed with the schema of its type. */
export type DeliveredEvent<T extends EventType = EventType> = {
  [K in T]: Omit<OutboxEvent, 'type' | 'payload'> & { type: K; payload: EventPayload<K> };
}[T];

/**
 * A consumer of the events its service publishes (DESIGN "Cross-domain rules"), typed by the
 * event types it handles: `EventConsumer<'store.order.paid'>` gets that event's payload parsed.
 */
export interface EventConsumer<T extends EventType = EventType> {
  /** Unique in the service; recorded in processed_events, so never rename a live one. */
  name: string;
  eventTypes: readonly T[];
  handle(event: DeliveredEvent<T>, context: EventContext): Promise<void>;
  /**
   * The effect is a call to another service (through `app.peers`), which must be idempotent by
   * the event id: no transaction stays open while it runs, and the event is recorded as
   * processed after it returns.
   */
  outsideTransaction?: boolean;
}

export interface EventDelivery {
  /** Delivers in the background: polls every `pollIntervalMs`, woken early by NOTIFY. Default true. */
  background?: boolean;
  pollIntervalMs?: number;
  /** Failed deliveries before an event is parked (default 5). */
  maxAttempts?: number;
  backoff?: (attempt: number) => number;
}

export interface ServiceEvents {
  /** The `source` this service publishes its events under: its name. */
  readonly source: string;
  /**
   * Delivers this service's due events now, until none is left due; what tests call instead
   * of waiting for the background loop.
   */
  deliverDue(): Promise<RunResult>;
  /** Wakes the background loop (after a replay, say). */
  nudge(): void;
}

/**
 * The event with its payload parsed. A payload that does not parse (or an unknown type) throws,
 * so the delivery fails like any other: retried with backoff, then parked for an admin.
 */
function delivered(event: OutboxEvent): DeliveredEvent {
  try {
    return { ...event, payload: parseEventPayload(event.type, event.payload) } as DeliveredEvent;
  } catch (error) {
    const why =
      error instanceof z.ZodError
        ? z.prettifyError(error)
        : error instanceof Error
          ? error.message
          : String(error);
    throw new Error(`event ${event.id} (${event.type}) does not match its schema: ${why}`);
  }
}

/**
 * One dispatcher per service over its database, delivering the events the service published
 * (its `source`) to the consumers it declares; started when the app is ready, stopped on close.
 */
export function wireServiceEvents(
  app: FastifyInstance,
  source: string,
  database: DatabaseHandle,
  consumers: readonly EventConsumer[],
  delivery: EventDelivery = {},
): ServiceEvents {
  const dispatcher: Dispatcher = createDispatcher({
    database,
    source,
    consumers: consumers.map((consumer) => ({
      name: consumer.name,
      type: consumer.eventTypes,
      outsideTransaction: consumer.outsideTransaction ?? false,
      handle: (event, tx) => consumer.handle(delivered(event), { tx, app }),
    })),
    ...(delivery.pollIntervalMs === undefined ? {} : { pollIntervalMs: delivery.pollIntervalMs }),
    ...(delivery.maxAttempts === undefined ? {} : { maxAttempts: delivery.maxAttempts }),
    ...(delivery.backoff === undefined ? {} : { backoff: delivery.backoff }),
    onError: (err) => app.log.error({ err }, 'event delivery run failed'),
  });

  if ((delivery.background ?? true) && consumers.length > 0) {
    let subscription: Awaited<ReturnType<DatabaseHandle['listen']>> | undefined;
    app.addHook('onReady', async () => {
      dispatcher.start();
      subscription = await database
        .listen(
          OUTBOX_CHANNEL,
          () => dispatcher.nudge(),
          () => dispatcher.nudge(),
        )
        .catch((err: unknown) => {
          // Polling still delivers, a little later.
          app.log.warn({ err }, 'no NOTIFY wake-up for the event dispatcher');
          return undefined;
        });
    });
    app.addHook('onClose', async () => {
      await subscription?.close();
      await dispatcher.stop();
    });
  }

  return {
    source,
    async deliverDue() {
      const total: RunResult = { delivered: 0, failed: 0, parked: 0 };
      for (;;) {
        const run = await dispatcher.runOnce();
        total.delivered += run.delivered;
        total.failed += run.failed;
        total.parked += run.parked;
        if (run.delivered + run.failed + run.parked === 0) return total;
      }
    },
    nudge: () => dispatcher.nudge(),
  };
}
