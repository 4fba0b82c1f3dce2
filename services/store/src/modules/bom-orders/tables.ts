import { storeSchema } from '@makrx/db/schema';
import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, jsonb, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { orders, type ShippingAddress } from '../orders/tables';

/** A code and how many of it a Quick Reorder put in the cart (or ordered on an account). */
export interface ReorderItem {
  code: string;
  quantity: number;
}

/**
 * A Quick Reorder from a MakrCave BOM (spec flow "Quick Reorder (Cave → Store)"), by the cave's
 * own id: whose it is and what it put in their cart. The first paid order of that user holding
 * its codes is linked to it (`order_id`, once); an order placed on a purchasing account is
 * linked when it is placed. The cave hears of the linked order's payment, delivery and
 * cancellation.
 */
export const bomReorders = storeSchema.table(
  'bom_reorders',
  {
    reorderId: uuid('reorder_id').primaryKey(),
    userId: uuid('user_id').notNull(),
    items: jsonb('items').$type<ReorderItem[]>().notNull(),
    /** Set when a makerspace's purchasing account placed the order itself. */
    makerspaceId: uuid('makerspace_id'),
    orderId: uuid('order_id').references(() => orders.id),
    linkedAt: timestamp('linked_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('bom_reorders_linked_together', sql`(${t.orderId} is null) = (${t.linkedAt} is null)`),
    index('bom_reorders_open_idx')
      .on(t.userId, t.createdAt)
      .where(sql`${t.orderId} is null`),
    index('bom_reorders_order_idx').on(t.orderId),
  ],
);

/**
 * The product codes BOMs use: every code the cave asked about, with when it last asked (a code
 * unasked for 90 days is forgotten), and the stock and price the cave last heard of, so the
 * hourly push sends only what changed since.
 */
export const bomWatchedCodes = storeSchema.table(
  'bom_watched_codes',
  {
    code: text('code').primaryKey(),
    lastAskedAt: timestamp('last_asked_at', { withTimezone: true }).notNull().defaultNow(),
    toldStock: integer('told_stock'),
    toldPriceCents: integer('told_price_cents'),
    toldAt: timestamp('told_at', { withTimezone: true }),
  },
  (t) => [index('bom_watched_codes_asked_idx').on(t.lastAskedAt)],
);

/**
 * A makerspace's purchasing account (spec 7, `POST /api/v1/orders/quick-reorder`): the store
 * bills the makerspace by invoice for what its admins order from BOMs, up to a monthly limit.
 */
export const purchasingAccounts = storeSchema.table(
  'purchasing_accounts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** The cave's makerspace: one account each. */
    makerspaceId: uuid('makerspace_id').notNull().unique(),
    name: text('name').notNull(),
    billingEmail: text('billing_email').notNull(),
    billingAddress: jsonb('billing_address').$type<ShippingAddress>().notNull(),
    monthlyLimitCents: integer('monthly_limit_cents').notNull(),
    active: boolean('active').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check('purchasing_accounts_limit_not_negative', sql`${t.monthlyLimitCents} >= 0`)],
);
