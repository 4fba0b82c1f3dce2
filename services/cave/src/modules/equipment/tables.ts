import type { EquipmentSpecifications } from '@makrx/contracts';
import { makrcaveSchema, users } from '@makrx/db/schema';
import { sql } from 'drizzle-orm';
import {
  check,
  customType,
  foreignKey,
  index,
  integer,
  jsonb,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { photoColumns, photoConstraints } from '../../photo-album-tables';
import { makerspaces } from '../makerspaces/tables';
import { trainings } from '../trainings/tables';

/** The machines of a makerspace; archived ones stay for their history and bookings. */
export const equipment = makrcaveSchema.table(
  'equipment',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    makerspaceId: uuid('makerspace_id')
      .notNull()
      .references(() => makerspaces.id, { onDelete: 'cascade' }),
    /** The machine's page within its makerspace: /makerspaces/<space>/equipment/<slug>. */
    slug: text('slug').notNull(),
    name: text('name').notNull(),
    type: text('type', {
      enum: [
        '3d_printer',
        'laser_cutter',
        'cnc_mill',
        'vinyl_cutter',
        'electronics_bench',
        'other',
      ],
    })
      .notNull()
      .default('other'),
    make: text('make').notNull().default(''),
    model: text('model').notNull().default(''),
    location: text('location').notNull().default(''),
    /** Checked by `equipmentSpecifications` (packages/contracts) on the way in and out. */
    specifications: jsonb('specifications')
      .$type<EquipmentSpecifications>()
      .notNull()
      .default(sql`'{}'::jsonb`),
    status: text('status', { enum: ['available', 'in_use', 'maintenance', 'offline'] })
      .notNull()
      .default('available'),
    hourlyRateCents: integer('hourly_rate_cents').notNull().default(0),
    /**
     * The training a booking needs (null: none), one of the makerspace's own: the foreign key
     * names the makerspace too. Trainings are archived, never deleted, so it holds for good.
     */
    trainingId: uuid('training_id'),
    /** Booking limits (issue 12): longest booking, lead time before its start, days ahead. */
    maxBookingMinutes: integer('max_booking_minutes').notNull().default(240),
    minLeadMinutes: integer('min_lead_minutes').notNull().default(0),
    maxDaysAhead: integer('max_days_ahead').notNull().default(60),
    archivedAt: timestamp('archived_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    foreignKey({
      name: 'equipment_training_fk',
      columns: [t.trainingId, t.makerspaceId],
      foreignColumns: [trainings.id, trainings.makerspaceId],
    }),
    index('equipment_training_idx').on(t.trainingId),
    check(
      'equipment_status_known',
      sql`${t.status} in ('available', 'in_use', 'maintenance', 'offline')`,
    ),
    check(
      'equipment_type_known',
      sql`${t.type} in ('3d_printer', 'laser_cutter', 'cnc_mill', 'vinyl_cutter', 'electronics_bench', 'other')`,
    ),
    check('equipment_rate_not_negative', sql`${t.hourlyRateCents} >= 0`),
    check(
      'equipment_booking_limits_sane',
      sql`${t.maxBookingMinutes} between 15 and 10080 and ${t.minLeadMinutes} between 0 and 10080 and ${t.maxDaysAhead} between 1 and 365`,
    ),
    check('equipment_slug_shape', sql`${t.slug} ~ '^[a-z0-9][a-z0-9-]*$'`),
    check('equipment_specifications_object', sql`jsonb_typeof(${t.specifications}) = 'object'`),
    unique('equipment_name_per_makerspace').on(t.makerspaceId, t.name),
    unique('equipment_slug_per_makerspace').on(t.makerspaceId, t.slug),
    index('equipment_makerspace_idx').on(t.makerspaceId),
  ],
);

/** What maintenance was done on a machine, by whom and when. */
export const maintenanceLog = makrcaveSchema.table(
  'equipment_maintenance_log',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    equipmentId: uuid('equipment_id')
      .notNull()
      .references(() => equipment.id, { onDelete: 'cascade' }),
    summary: text('summary').notNull(),
    notes: text('notes').notNull().default(''),
    performedAt: timestamp('performed_at', { withTimezone: true }).notNull().defaultNow(),
    performedBy: uuid('performed_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('equipment_maintenance_log_machine_idx').on(t.equipmentId, t.performedAt)],
);

/** PostgreSQL's range of timestamps with time zone, as `[start,end)` text. */
const tstzrange = customType<{ data: string }>({ dataType: () => 'tstzrange' });

/**
 * Maintenance planned ahead, during which the machine cannot be booked. The window is a
 * `tstzrange` with a GiST index, so reservations can refuse overlaps in one query (or an
 * exclusion constraint) however many of them are asked at once.
 */
export const maintenanceWindows = makrcaveSchema.table(
  'equipment_maintenance_windows',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    equipmentId: uuid('equipment_id')
      .notNull()
      .references(() => equipment.id, { onDelete: 'cascade' }),
    during: tstzrange('during').notNull(),
    reason: text('reason').notNull(),
    scheduledBy: uuid('scheduled_by').references(() => users.id, { onDelete: 'set null' }),
    /** A cancelled window stays for the record but blocks nothing. */
    cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check(
      'equipment_maintenance_windows_bounded',
      sql`not isempty(${t.during}) and not lower_inf(${t.during}) and not upper_inf(${t.during}) and lower(${t.during}) < upper(${t.during})`,
    ),
    index('equipment_maintenance_windows_during_idx').using('gist', t.during),
  ],
);

/**
 * Photos of a machine, shown on its page (the first also on its card) in `position` order. The
 * bytes live in the storage's public bucket under `storageKey`, sniffed on upload.
 */
export const equipmentPhotos = makrcaveSchema.table(
  'equipment_photos',
  photoColumns('equipment_id', () => equipment.id),
  (t) => photoConstraints('equipment_photos', 'equipment', t),
);
