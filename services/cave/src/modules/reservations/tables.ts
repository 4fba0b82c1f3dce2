import { makrcaveSchema, users } from '@makrx/db/schema';
import { sql } from 'drizzle-orm';
import { check, customType, index, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { equipment } from '../equipment/tables';
import { makerspaces } from '../makerspaces/tables';
import { projects } from '../projects/tables';

/** PostgreSQL's range of timestamps with time zone, as `[start,end)` text. */
const tstzrange = customType<{ data: string }>({ dataType: () => 'tstzrange' });

/** What becomes of a booking: booked → checked in → completed, or cancelled, or a no-show. */
export const reservationStatuses = [
  'booked',
  'checked_in',
  'completed',
  'cancelled',
  'no_show',
] as const;

/**
 * Who holds a slot: a member's booking, or a print job a service provider accepted (the job's
 * id in `service_job_id`). Both share the exclusion constraint, so neither overlaps the other.
 */
export const reservationKinds = ['member', 'service_job'] as const;

/**
 * A member's booking of one machine for `[start, end)`. Two live bookings (booked, checked in
 * or completed) of one machine never overlap: the exclusion constraint
 * `reservations_no_overlap` (migration 0031, raw SQL: drizzle does not declare exclusion
 * constraints) holds it under any concurrency, on any number of instances. Cancelled bookings
 * and no-shows free their slot.
 */
export const reservations = makrcaveSchema.table(
  'reservations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    equipmentId: uuid('equipment_id')
      .notNull()
      .references(() => equipment.id, { onDelete: 'cascade' }),
    makerspaceId: uuid('makerspace_id')
      .notNull()
      .references(() => makerspaces.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: reservationKinds }).notNull().default('member'),
    /** The print job holding the slot (kind `service_job`), from the fabrication module. */
    serviceJobId: uuid('service_job_id'),
    /** The member's user id (for a print job, the provider who accepted it). */
    userId: uuid('user_id').notNull(),
    /** The booker's project the machine time is for, if they named one. */
    projectId: uuid('project_id').references(() => projects.id, { onDelete: 'set null' }),
    during: tstzrange('during').notNull(),
    status: text('status', { enum: reservationStatuses }).notNull().default('booked'),
    checkedInAt: timestamp('checked_in_at', { withTimezone: true }),
    checkedOutAt: timestamp('checked_out_at', { withTimezone: true }),
    cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
    cancelledBy: uuid('cancelled_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check(
      'reservations_status_known',
      sql`${t.status} in ('booked', 'checked_in', 'completed', 'cancelled', 'no_show')`,
    ),
    check(
      'reservations_during_bounded',
      sql`not isempty(${t.during}) and not lower_inf(${t.during}) and not upper_inf(${t.during}) and lower(${t.during}) < upper(${t.during})`,
    ),
    check(
      'reservations_kind_job',
      sql`(${t.kind} = 'service_job') = (${t.serviceJobId} is not null) and ${t.kind} in ('member', 'service_job')`,
    ),
    index('reservations_user_idx').on(t.userId),
    index('reservations_service_job_idx').on(t.serviceJobId),
    index('reservations_makerspace_idx').on(t.makerspaceId),
    index('reservations_project_idx')
      .on(t.projectId)
      .where(sql`${t.projectId} is not null`),
  ],
);
