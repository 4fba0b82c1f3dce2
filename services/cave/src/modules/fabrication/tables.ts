import type { RouteServiceOrderBody } from '@makrx/contracts';
import { makrcaveSchema } from '@makrx/db/schema';
import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  doublePrecision,
  index,
  integer,
  jsonb,
  smallint,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { equipment } from '../equipment/tables';
import { makerspaces } from '../makerspaces/tables';

/**
 * How a makerspace takes print jobs (issue 13, "Provider tools"). A makerspace without a row
 * takes none; its first settings write creates it with the defaults.
 */
export const providerSettings = makrcaveSchema.table(
  'provider_settings',
  {
    makerspaceId: uuid('makerspace_id')
      .primaryKey()
      .references(() => makerspaces.id, { onDelete: 'cascade' }),
    takesPrintJobs: boolean('takes_print_jobs').notNull().default(false),
    responseWindowMinutes: integer('response_window_minutes').notNull().default(120),
    latitude: doublePrecision('latitude'),
    longitude: doublePrecision('longitude'),
    /** The platform's share of each job, in basis points; taken onto each job on acceptance. */
    platformFeeBps: integer('platform_fee_bps').notNull().default(1000),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('provider_settings_window_range', sql`${t.responseWindowMinutes} between 15 and 10080`),
    check('provider_settings_fee_range', sql`${t.platformFeeBps} between 0 and 10000`),
    check(
      'provider_settings_location_pair',
      sql`(${t.latitude} is null) = (${t.longitude} is null) and coalesce(${t.latitude} between -90 and 90, true) and coalesce(${t.longitude} between -180 and 180, true)`,
    ),
  ],
);

/**
 * One price of a makerspace for one material at one quality on one of its own 3D printers:
 * the fields @makrx/quoting's `Offering` needs, in minor units of the makerspace's currency.
 * The service checks the machine is the makerspace's own 3D printer before it writes one.
 */
export const printOfferings = makrcaveSchema.table(
  'print_offerings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    makerspaceId: uuid('makerspace_id')
      .notNull()
      .references(() => makerspaces.id, { onDelete: 'cascade' }),
    equipmentId: uuid('equipment_id')
      .notNull()
      .references(() => equipment.id, { onDelete: 'cascade' }),
    materialKey: text('material_key').notNull(),
    quality: text('quality', { enum: ['draft', 'standard', 'fine'] }).notNull(),
    pricePerKg: integer('price_per_kg').notNull(),
    machineHourlyRate: integer('machine_hourly_rate').notNull(),
    setupFee: integer('setup_fee').notNull().default(0),
    minimumCharge: integer('minimum_charge').notNull().default(0),
    leadTimeDays: integer('lead_time_days').notNull().default(3),
    defaultInfillPercent: doublePrecision('default_infill_percent').notNull().default(20),
    quantityDiscounts: jsonb('quantity_discounts')
      .$type<{ minQuantity: number; percentOff: number }[]>()
      .notNull()
      .default(sql`'[]'::jsonb`),
    validityHours: integer('validity_hours').notNull().default(72),
    active: boolean('active').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('print_offerings_one_per_machine').on(t.equipmentId, t.materialKey, t.quality),
    index('print_offerings_makerspace_idx').on(t.makerspaceId),
    check('print_offerings_quality_known', sql`${t.quality} in ('draft', 'standard', 'fine')`),
    check(
      'print_offerings_amounts',
      sql`${t.pricePerKg} >= 0 and ${t.machineHourlyRate} >= 0 and ${t.setupFee} >= 0 and ${t.minimumCharge} >= 0`,
    ),
    check('print_offerings_lead_time', sql`${t.leadTimeDays} between 0 and 60`),
    check('print_offerings_infill', sql`${t.defaultInfillPercent} between 0 and 100`),
    check('print_offerings_validity', sql`${t.validityHours} between 1 and 720`),
  ],
);

/** Where a job is; the same list as `serviceJobStatus` in the contracts. */
export const serviceJobStatuses = [
  'offered',
  'accepted',
  'printing',
  'quality_check',
  'shipped',
  'delivered',
  'rejected',
  'expired',
  'unroutable',
  'cancelled',
] as const;

/**
 * One paid print order line the store asked the cave to route (one row per `serviceOrderId`,
 * which makes routing idempotent). The job keeps its id while it passes from provider to
 * provider; each offer is a row of `service_job_offers`. `makerspace_id` is the provider it is
 * with now (null once unroutable).
 */
export const serviceJobs = makrcaveSchema.table(
  'service_jobs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    serviceOrderId: uuid('service_order_id').notNull().unique(),
    orderNumber: text('order_number').notNull(),
    /** The store's request as it came, checked by `routeServiceOrderBody`. */
    request: jsonb('request').$type<RouteServiceOrderBody>().notNull(),
    status: text('status', { enum: serviceJobStatuses }).notNull(),
    makerspaceId: uuid('makerspace_id').references(() => makerspaces.id, {
      onDelete: 'set null',
    }),
    equipmentId: uuid('equipment_id').references(() => equipment.id, { onDelete: 'set null' }),
    respondBy: timestamp('respond_by', { withTimezone: true }),
    priceTotal: integer('price_total').notNull(),
    currency: text('currency').notNull(),
    /** The reservation holding the machine once accepted (the reservations module's row). */
    reservationId: uuid('reservation_id'),
    acceptedAt: timestamp('accepted_at', { withTimezone: true }),
    platformFeeBps: integer('platform_fee_bps'),
    trackingUrl: text('tracking_url'),
    /** Why it is unroutable, or the last rejection. */
    reason: text('reason'),
    /** The customer's rating of the delivered job (1–5), null until rated. */
    rating: smallint('rating'),
    /** What the customer wrote with their rating, if anything. */
    ratingComment: text('rating_comment'),
    ratedAt: timestamp('rated_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('service_jobs_makerspace_idx').on(t.makerspaceId),
    // A project's page lists the prints ordered for it.
    index('service_jobs_project_idx')
      .on(sql`(${t.request} ->> 'projectId')`)
      .where(sql`${t.request} ? 'projectId'`),
    index('service_jobs_offered_idx')
      .on(t.respondBy)
      .where(sql`${t.status} = 'offered'`),
    check(
      'service_jobs_status_known',
      sql`${t.status} in ('offered', 'accepted', 'printing', 'quality_check', 'shipped', 'delivered', 'rejected', 'expired', 'unroutable', 'cancelled')`,
    ),
    check('service_jobs_rating_range', sql`${t.rating} is null or ${t.rating} between 1 and 5`),
    check(
      'service_jobs_rating_comment',
      sql`${t.ratingComment} is null or (${t.rating} is not null and char_length(${t.ratingComment}) <= 1000)`,
    ),
    check('service_jobs_price', sql`${t.priceTotal} >= 0`),
    check(
      'service_jobs_offered_has_provider',
      sql`${t.status} <> 'offered' or (${t.makerspaceId} is not null and ${t.respondBy} is not null)`,
    ),
  ],
);

/**
 * Each time a job was offered to a provider, and how that provider answered: a provider is
 * asked once per job, so the next candidate is the best one not asked yet.
 */
export const serviceJobOffers = makrcaveSchema.table(
  'service_job_offers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    jobId: uuid('job_id')
      .notNull()
      .references(() => serviceJobs.id, { onDelete: 'cascade' }),
    makerspaceId: uuid('makerspace_id')
      .notNull()
      .references(() => makerspaces.id, { onDelete: 'cascade' }),
    offeringId: uuid('offering_id').references(() => printOfferings.id, { onDelete: 'set null' }),
    equipmentId: uuid('equipment_id').references(() => equipment.id, { onDelete: 'set null' }),
    status: text('status', { enum: ['offered', 'accepted', 'rejected', 'expired'] })
      .notNull()
      .default('offered'),
    reason: text('reason'),
    offeredAt: timestamp('offered_at', { withTimezone: true }).notNull().defaultNow(),
    respondBy: timestamp('respond_by', { withTimezone: true }).notNull(),
    answeredAt: timestamp('answered_at', { withTimezone: true }),
  },
  (t) => [
    unique('service_job_offers_once_per_provider').on(t.jobId, t.makerspaceId),
    index('service_job_offers_makerspace_idx').on(t.makerspaceId),
    check(
      'service_job_offers_status_known',
      sql`${t.status} in ('offered', 'accepted', 'rejected', 'expired')`,
    ),
  ],
);
