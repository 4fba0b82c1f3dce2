import { storeSchema } from '@makrx/db/schema';
import { sql } from 'drizzle-orm';
import { check, integer, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { productVariants } from '../catalog/tables';

/**
 * A cart: a guest's, found by the sha256 of the opaque token the service issued to it (the
 * store app keeps the token in a cookie), or a signed-in user's, one per user.
 */
export const carts = storeSchema.table(
  'carts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    guestTokenHash: text('guest_token_hash').unique(),
    userId: uuid('user_id').unique(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('carts_guest_or_user', sql`(${t.guestTokenHash} is null) <> (${t.userId} is null)`),
  ],
);

export const cartItems = storeSchema.table(
  'cart_items',
  {
    cartId: uuid('cart_id')
      .notNull()
      .references(() => carts.id, { onDelete: 'cascade' }),
    variantId: uuid('variant_id')
      .notNull()
      .references(() => productVariants.id, { onDelete: 'cascade' }),
    quantity: integer('quantity').notNull(),
    addedAt: timestamp('added_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.cartId, t.variantId] }),
    check('cart_items_quantity_range', sql`${t.quantity} between 1 and 99`),
  ],
);
