import { storeSchema } from '@makrx/db/schema';
import { sql } from 'drizzle-orm';
import {
  check,
  index,
  integer,
  primaryKey,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { categories } from '../catalog/tables';
import { orders } from '../orders/tables';

export const promotionKinds = ['percent', 'fixed'] as const;
export const promotionStatuses = ['active', 'archived'] as const;

/**
 * A discount code. `percent` takes `value` per cent off the lines it applies to; `fixed` takes
 * `value` cents (in `currency`) off them, never more than they cost. `used` counts the orders
 * holding a redemption, and never passes `usageLimit`.
 */
export const promotions = storeSchema.table(
  'promotions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** As the admin typed it; matched without regard to case (the unique index is on lower()). */
    code: text('code').notNull(),
    kind: text('kind', { enum: promotionKinds }).notNull(),
    value: integer('value').notNull(),
    currency: text('currency').notNull(),
    minSubtotalCents: integer('min_subtotal_cents').notNull().default(0),
    validFrom: timestamp('valid_from', { withTimezone: true }).notNull().defaultNow(),
    /** Null: no end. */
    validUntil: timestamp('valid_until', { withTimezone: true }),
    /** Null: as often as buyers like. */
    usageLimit: integer('usage_limit'),
    perBuyerLimit: integer('per_buyer_limit').notNull().default(1),
    used: integer('used').notNull().default(0),
    status: text('status', { enum: promotionStatuses }).notNull().default('active'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('promotions_code_unique').on(sql`lower(${t.code})`),
    check('promotions_code_shape', sql`${t.code} ~ '^[A-Za-z0-9_-]{3,40}$'`),
    check('promotions_kind_known', sql`${t.kind} in ('percent', 'fixed')`),
    check('promotions_status_known', sql`${t.status} in ('active', 'archived')`),
    check(
      'promotions_value_range',
      sql`${t.value} > 0 and (${t.kind} <> 'percent' or ${t.value} <= 100)`,
    ),
    check('promotions_currency_shape', sql`${t.currency} ~ '^[A-Z]{3}$'`),
    check('promotions_min_not_negative', sql`${t.minSubtotalCents} >= 0`),
    check(
      'promotions_validity_order',
      sql`${t.validUntil} is null or ${t.validUntil} > ${t.validFrom}`,
    ),
    check('promotions_usage_limit_positive', sql`${t.usageLimit} is null or ${t.usageLimit} > 0`),
    check('promotions_per_buyer_positive', sql`${t.perBuyerLimit} > 0`),
    check(
      'promotions_used_within_limit',
      sql`${t.used} >= 0 and (${t.usageLimit} is null or ${t.used} <= ${t.usageLimit})`,
    ),
  ],
);

/** A code limited to categories applies to the lines in them and in their subcategories. */
export const promotionCategories = storeSchema.table(
  'promotion_categories',
  {
    promotionId: uuid('promotion_id')
      .notNull()
      .references(() => promotions.id, { onDelete: 'cascade' }),
    categoryId: uuid('category_id')
      .notNull()
      .references(() => categories.id),
  },
  (t) => [primaryKey({ columns: [t.promotionId, t.categoryId] })],
);

/**
 * A code used by an order, written in the transaction that places it; deleted when the order
 * is cancelled or expires unpaid, which gives the use back. `buyer` is `user:<id>` or
 * `email:<lower-cased email>`; `buyerUse` numbers that buyer's uses from 1 to the code's
 * per-buyer limit, and the unique index lets each number be taken once.
 */
export const promotionRedemptions = storeSchema.table(
  'promotion_redemptions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    promotionId: uuid('promotion_id')
      .notNull()
      .references(() => promotions.id),
    orderId: uuid('order_id')
      .notNull()
      .references(() => orders.id, { onDelete: 'cascade' }),
    buyer: text('buyer').notNull(),
    buyerUse: integer('buyer_use').notNull(),
    discountCents: integer('discount_cents').notNull(),
    redeemedAt: timestamp('redeemed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('promotion_redemptions_order_unique').on(t.promotionId, t.orderId),
    unique('promotion_redemptions_buyer_use_unique').on(t.promotionId, t.buyer, t.buyerUse),
    index('promotion_redemptions_order_idx').on(t.orderId),
    check('promotion_redemptions_buyer_use_positive', sql`${t.buyerUse} > 0`),
  ],
);
