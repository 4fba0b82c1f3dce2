import { storeSchema } from '@makrx/db/schema';
import { sql } from 'drizzle-orm';
import { check, index, smallint, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { products } from '../catalog/tables';

/**
 * A buyer's review of a product they received: one per product and buyer (they edit it rather
 * than write another). A store admin may hide an abusive one; it then counts nowhere.
 */
export const productReviews = storeSchema.table(
  'product_reviews',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    productId: uuid('product_id')
      .notNull()
      .references(() => products.id, { onDelete: 'cascade' }),
    userId: uuid('user_id').notNull(),
    /** "Ada L.", as the account's name read when the review was last written. */
    authorName: text('author_name').notNull(),
    rating: smallint('rating').notNull(),
    title: text('title'),
    body: text('body').notNull(),
    hiddenAt: timestamp('hidden_at', { withTimezone: true }),
    hiddenReason: text('hidden_reason'),
    hiddenBy: uuid('hidden_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('product_reviews_one_per_buyer').on(t.productId, t.userId),
    check('product_reviews_rating_range', sql`${t.rating} between 1 and 5`),
    check('product_reviews_body_length', sql`char_length(${t.body}) between 10 and 4000`),
    check('product_reviews_title_length', sql`char_length(${t.title}) <= 120`),
    check(
      'product_reviews_hidden_with_reason',
      sql`(${t.hiddenAt} is null) = (${t.hiddenReason} is null)`,
    ),
    // The product page: its visible reviews, newest first.
    index('product_reviews_visible_idx')
      .on(t.productId, t.createdAt.desc())
      .where(sql`${t.hiddenAt} is null`),
    // The admins' list, newest first.
    index('product_reviews_created_idx').on(t.createdAt.desc()),
    index('product_reviews_user_idx').on(t.userId),
  ],
);

export type ProductReviewRow = typeof productReviews.$inferSelect;
