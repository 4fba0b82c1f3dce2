import { authSchema, users } from '@makrx/db/schema';
import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  index,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

/**
 * What a user is told about, raised by any of the three services (`source`). The key given by
 * the raiser (its outbox event id) makes a repeated raise a no-op.
 */
export const notifications = authSchema.table(
  'notifications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    source: text('source').notNull(),
    title: text('title').notNull(),
    body: text('body').notNull().default(''),
    link: text('link'),
    idempotencyKey: text('idempotency_key').notNull(),
    /** False when the user had turned this kind off in the apps: kept for the key, never shown. */
    inApp: boolean('in_app').notNull().default(true),
    emailedAt: timestamp('emailed_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    readAt: timestamp('read_at', { withTimezone: true }),
  },
  (t) => [
    check('notifications_source_known', sql`${t.source} in ('auth', 'cave', 'store')`),
    uniqueIndex('notifications_source_key_idx').on(t.source, t.idempotencyKey),
    index('notifications_user_created_idx').on(t.userId, t.createdAt.desc()),
    index('notifications_user_unread_idx')
      .on(t.userId)
      .where(sql`${t.readAt} is null and ${t.inApp}`),
  ],
);

/** A user's choice per kind and channel; a kind without a row uses its defaults. */
export const notificationPreferences = authSchema.table(
  'notification_preferences',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    inApp: boolean('in_app').notNull(),
    email: boolean('email').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.kind] })],
);
