import { makrcaveSchema, users } from '@makrx/db/schema';
import { sql } from 'drizzle-orm';
import { check, index, integer, jsonb, numeric, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { projects } from '../projects/tables';

const CODE_SHAPE = `'^[A-Z0-9][A-Z0-9-]*$'`;

/**
 * A project's bill of materials, one row per item (spec 3, MakrCave "BOM management and
 * ordering integration"). `code` is a Store SKU when the item is bought there; the price it had
 * when the code was first matched stays, so a later change shows as a warning.
 */
export const bomItems = makrcaveSchema.table(
  'bom_items',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    quantity: numeric('quantity', { precision: 12, scale: 3, mode: 'number' }).notNull(),
    unit: text('unit').notNull().default('pcs'),
    code: text('code'),
    supplier: text('supplier'),
    notes: text('notes'),
    status: text('status', { enum: ['needed', 'ordered', 'received'] })
      .notNull()
      .default('needed'),
    orderNumber: text('order_number'),
    /** The Quick Reorder that ordered the item, so only that order's updates move it. */
    reorderId: uuid('reorder_id'),
    position: integer('position').notNull(),
    priceWhenAddedCents: integer('price_when_added_cents'),
    currency: text('currency'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('bom_items_quantity_positive', sql`${t.quantity} > 0`),
    check('bom_items_status_known', sql`${t.status} in ('needed', 'ordered', 'received')`),
    check('bom_items_code_shape', sql.raw(`code ~ ${CODE_SHAPE}`)),
    check(
      'bom_items_price_has_currency',
      sql`(${t.priceWhenAddedCents} is null) = (${t.currency} is null)`,
    ),
    index('bom_items_project_idx').on(t.projectId, t.position),
    index('bom_items_code_idx').on(t.code),
    index('bom_items_reorder_idx').on(t.reorderId),
  ],
);

/**
 * A Quick Reorder (spec 6): the items sent to the Store at once, with the codes and whole
 * quantities sent. Its id travels with the Store cart (`reorderId`), so the Store's order
 * updates find the items again.
 */
export const bomReorders = makrcaveSchema.table(
  'bom_reorders',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    userId: uuid('user_id').references(() => users.id, { onDelete: 'set null' }),
    /** `cart`: filled the user's Store cart; `purchase`: ordered on a makerspace's account. */
    kind: text('kind', { enum: ['cart', 'purchase'] }).notNull(),
    makerspaceId: uuid('makerspace_id'),
    items: jsonb('items').$type<{ itemId: string; code: string; quantity: number }[]>().notNull(),
    orderNumber: text('order_number'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('bom_reorders_kind_known', sql`${t.kind} in ('cart', 'purchase')`),
    index('bom_reorders_project_idx').on(t.projectId),
  ],
);

/** The Store's order updates already applied: the same update twice changes the items once. */
export const bomOrderUpdates = makrcaveSchema.table('bom_order_updates', {
  updateId: uuid('update_id').primaryKey(),
  reorderId: uuid('reorder_id')
    .notNull()
    .references(() => bomReorders.id, { onDelete: 'cascade' }),
  status: text('status').notNull(),
  appliedAt: timestamp('applied_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * The last stock and price the Store pushed for a code (`POST /api/v1/bom/sync-inventory`);
 * what the BOM shows when the Store cannot be asked. A push older than the row is ignored.
 */
export const bomInventory = makrcaveSchema.table(
  'bom_inventory',
  {
    code: text('code').primaryKey(),
    stock: integer('stock').notNull(),
    priceCents: integer('price_cents').notNull(),
    currency: text('currency').notNull(),
    lowStockBelow: integer('low_stock_below').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (t) => [check('bom_inventory_stock_known', sql`${t.stock} >= 0 and ${t.priceCents} >= 0`)],
);
