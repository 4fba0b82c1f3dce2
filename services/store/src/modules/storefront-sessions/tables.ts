import { storeSchema } from '@makrx/db/schema';
import { index, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * Store browser sessions the identity provider said have ended (back-channel logout). The
 * store's session lives in an encrypted cookie; its proxy asks here on every page, so a session
 * ended anywhere is signed out at its very next request, on every instance and after restarts.
 * `jti` is unique: a replayed logout token records nothing new.
 */
export const endedStorefrontSessions = storeSchema.table(
  'ended_storefront_sessions',
  {
    sid: text('sid').primaryKey(),
    sub: text('sub').notNull(),
    jti: text('jti').notNull().unique(),
    endedAt: timestamp('ended_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('ended_storefront_sessions_ended_idx').on(t.endedAt)],
);
