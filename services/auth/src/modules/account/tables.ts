import { authSchema, users } from '@makrx/db/schema';
import { index, integer, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';

/**
 * An account deletion under way. MakrX.org's own data goes at once, in the request; the cave
 * and the store are asked to erase theirs, and one that does not answer is asked again by the
 * `auth.account.finish-erasures` job until it has, so a service down never leaves data behind.
 */
export const accountErasures = authSchema.table(
  'account_erasures',
  {
    userId: uuid('user_id')
      .primaryKey()
      .references(() => users.id),
    requestedAt: timestamp('requested_at', { withTimezone: true }).notNull().defaultNow(),
    caveErasedAt: timestamp('cave_erased_at', { withTimezone: true }),
    storeErasedAt: timestamp('store_erased_at', { withTimezone: true }),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
  },
  (t) => [
    index('account_erasures_pending_idx')
      .on(t.requestedAt)
      .where(sql`${t.caveErasedAt} is null or ${t.storeErasedAt} is null`),
  ],
);
