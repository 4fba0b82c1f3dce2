import type { PrintQuote, SizeMm } from '@makrx/contracts';
import { storeSchema } from '@makrx/db/schema';
import { sql } from 'drizzle-orm';
import {
  check,
  doublePrecision,
  index,
  integer,
  jsonb,
  smallint,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { modelUploads } from '../model-uploads/tables';
import { orders } from '../orders/tables';

/** Where a print order is: the cave's job statuses, and the store's own before and after. */
export const printOrderStatuses = [
  /** Placed, not paid yet. */
  'awaiting_payment',
  /** Paid; the cave is being asked to route it. */
  'routing',
  'offered',
  'accepted',
  'printing',
  'quality_check',
  'shipped',
  'delivered',
  /** No provider took it: the order is cancelled and refunded. */
  'unroutable',
  'cancelled',
] as const;
export type PrintOrderStatus = (typeof printOrderStatuses)[number];

/**
 * A 3D print made to order: one line of a store order (its money, payment and address live on
 * the order), the model and quote it was placed from, and where the cave's job for it is. Its
 * id is the service order id the cave knows it by.
 */
export const printOrders = storeSchema.table(
  'print_orders',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orderId: uuid('order_id')
      .notNull()
      .unique()
      .references(() => orders.id, { onDelete: 'cascade' }),
    uploadId: uuid('upload_id')
      .notNull()
      .references(() => modelUploads.id),
    ownerId: uuid('owner_id').notNull(),
    /** The MakrCave project the customer ordered it for (the cave's id; the cave checks it). */
    projectId: uuid('project_id'),
    /** The quote the customer chose, as it read when the order was placed. */
    quote: jsonb('quote').$type<PrintQuote>().notNull(),
    partSizeMm: jsonb('part_size_mm').$type<SizeMm>().notNull(),
    volumeMm3: doublePrecision('volume_mm3').notNull(),
    printMinutes: integer('print_minutes').notNull(),
    dueBy: timestamp('due_by', { withTimezone: true }).notNull(),
    status: text('status', { enum: printOrderStatuses }).notNull().default('awaiting_payment'),
    /** The cave's job and who has it now (null before routing, and when none is left). */
    jobId: uuid('job_id'),
    providerMakerspaceId: uuid('provider_makerspace_id'),
    providerName: text('provider_name'),
    trackingUrl: text('tracking_url'),
    /** The buyer's rating of the delivered print (1–5 stars), once; null until rated. */
    ratingStars: smallint('rating_stars'),
    ratingComment: text('rating_comment'),
    ratedAt: timestamp('rated_at', { withTimezone: true }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check(
      'print_orders_rating',
      sql`(${t.ratingStars} is null and ${t.ratedAt} is null and ${t.ratingComment} is null) or (${t.ratingStars} between 1 and 5 and ${t.ratedAt} is not null and ${t.status} = 'delivered' and coalesce(char_length(${t.ratingComment}), 0) <= 1000)`,
    ),
    check(
      'print_orders_status_known',
      sql`${t.status} in ('awaiting_payment', 'routing', 'offered', 'accepted', 'printing', 'quality_check', 'shipped', 'delivered', 'unroutable', 'cancelled')`,
    ),
    check('print_orders_print_minutes_positive', sql`${t.printMinutes} > 0`),
    index('print_orders_owner_idx').on(t.ownerId),
  ],
);
export type PrintOrderRow = typeof printOrders.$inferSelect;

/**
 * Every report the cave sent about a print order, once each: its event id is the key, so a
 * report delivered twice is recorded (and acted on) once.
 */
export const printOrderUpdates = storeSchema.table(
  'print_order_updates',
  {
    eventId: uuid('event_id').primaryKey(),
    printOrderId: uuid('print_order_id')
      .notNull()
      .references(() => printOrders.id, { onDelete: 'cascade' }),
    jobId: uuid('job_id').notNull(),
    status: text('status').notNull(),
    providerName: text('provider_name'),
    reason: text('reason'),
    at: timestamp('at', { withTimezone: true }).notNull(),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('print_order_updates_order_idx').on(t.printOrderId, t.at)],
);
