import { authSchema, users } from '@makrx/db/schema';
import { sql } from 'drizzle-orm';
import { boolean, index, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * Store purchases reported by MakrX.Store (spec section 7, POST /api/v1/activity/purchase), one
 * row per order: the order id makes a repeated report a no-op. Private to the buyer.
 */
export const purchaseActivity = authSchema.table(
  'purchase_activity',
  {
    orderId: uuid('order_id').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    productCategories: text('product_categories')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('purchase_activity_user_idx').on(t.userId, t.recordedAt.desc())],
);

/**
 * Whether a buyer shows their purchase activity on their public profile. Off unless they
 * turn it on (a user without a row has not): purchases stay the buyer's own by default.
 */
export const purchaseActivitySharing = authSchema.table('purchase_activity_sharing', {
  userId: uuid('user_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  shownOnProfile: boolean('shown_on_profile').notNull().default(false),
  changedAt: timestamp('changed_at', { withTimezone: true }).notNull().defaultNow(),
});
