import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
} from 'drizzle-orm/pg-core';

/**
 * The outbox (DESIGN.md, "Cross-domain rules"): every event is written here in the same
 * transaction as the change that caused it, and delivered from here by the dispatcher.
 */
export const outboxEvents = pgTable(
  'outbox_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    type: text('type').notNull(),
    payload: jsonb('payload').notNull(),
    /** The service that published the event. */
    source: text('source').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    /** Not delivered before this time: pushed back after each failed attempt. */
    availableAt: timestamp('available_at', { withTimezone: true }).notNull().defaultNow(),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    status: text('status', { enum: ['pending', 'delivered', 'parked'] })
      .notNull()
      .default('pending'),
    deliveredAt: timestamp('delivered_at', { withTimezone: true }),
  },
  (t) => [
    index('outbox_events_status_available_idx').on(t.status, t.availableAt, t.id),
    check('outbox_events_status_known', sql`${t.status} in ('pending', 'delivered', 'parked')`),
    check('outbox_events_attempts_not_negative', sql`${t.attempts} >= 0`),
  ],
);

/**
 * Which consumer has handled which event: written in the consumer's own savepoint together with
 * its side effects, so a second delivery of the event changes nothing.
 */
export const processedEvents = pgTable(
  'processed_events',
  {
    consumer: text('consumer').notNull(),
    eventId: bigint('event_id', { mode: 'number' })
      .notNull()
      .references(() => outboxEvents.id, { onDelete: 'cascade' }),
    processedAt: timestamp('processed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.consumer, t.eventId] })],
);
