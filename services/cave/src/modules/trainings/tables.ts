import { makrcaveSchema, users } from '@makrx/db/schema';
import { sql } from 'drizzle-orm';
import {
  check,
  foreignKey,
  index,
  integer,
  primaryKey,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { makerspaces } from '../makerspaces/tables';

/**
 * A makerspace's trainings ("Laser cutter safety"). A machine names the one it requires
 * (`equipment.training_id`, a foreign key to `(id, makerspace_id)` here, so a machine never
 * requires another makerspace's training). Archived trainings stay for their passes' history.
 */
export const trainings = makrcaveSchema.table(
  'trainings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    makerspaceId: uuid('makerspace_id')
      .notNull()
      .references(() => makerspaces.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    durationMinutes: integer('duration_minutes').notNull(),
    /** How long a pass stays valid; null: for good. */
    validityMonths: integer('validity_months'),
    archivedAt: timestamp('archived_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('trainings_duration_positive', sql`${t.durationMinutes} > 0`),
    check(
      'trainings_validity_positive',
      sql`${t.validityMonths} is null or ${t.validityMonths} > 0`,
    ),
    unique('trainings_name_per_makerspace').on(t.makerspaceId, t.name),
    unique('trainings_id_makerspace').on(t.id, t.makerspaceId),
  ],
);

/**
 * A date a training is given, with a seat limit. `seats_taken` counts the sign-ups and is only
 * ever raised by a conditional update (`seats_taken < seats`), which locks the row: however
 * many members sign up at once, the check `seats_taken <= seats` is never put to the test.
 */
export const trainingSessions = makrcaveSchema.table(
  'training_sessions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    trainingId: uuid('training_id').notNull(),
    makerspaceId: uuid('makerspace_id').notNull(),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
    seats: integer('seats').notNull(),
    seatsTaken: integer('seats_taken').notNull().default(0),
    location: text('location').notNull().default(''),
    instructorId: uuid('instructor_id').references(() => users.id, { onDelete: 'set null' }),
    cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    foreignKey({
      name: 'training_sessions_training_fk',
      columns: [t.trainingId, t.makerspaceId],
      foreignColumns: [trainings.id, trainings.makerspaceId],
    }).onDelete('cascade'),
    check('training_sessions_ends_after_start', sql`${t.startsAt} < ${t.endsAt}`),
    check('training_sessions_seats_positive', sql`${t.seats} >= 1`),
    check(
      'training_sessions_seats_held',
      sql`${t.seatsTaken} >= 0 and ${t.seatsTaken} <= ${t.seats}`,
    ),
    index('training_sessions_training_idx').on(t.trainingId, t.startsAt),
    index('training_sessions_makerspace_idx').on(t.makerspaceId, t.startsAt),
  ],
);

/** A member's seat in a session; cancelling it deletes the row (the audit log keeps it). */
export const trainingSignUps = makrcaveSchema.table(
  'training_sign_ups',
  {
    sessionId: uuid('session_id')
      .notNull()
      .references(() => trainingSessions.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    signedUpAt: timestamp('signed_up_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.sessionId, t.userId] }),
    index('training_sign_ups_user_idx').on(t.userId),
  ],
);

/**
 * Who passed a training, recorded by a makerspace admin. At most one pass per member and
 * training is live (not revoked); recording it again renews it. A pass lets its holder book
 * the training's machines until it expires or is revoked.
 */
export const trainingPasses = makrcaveSchema.table(
  'training_passes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    trainingId: uuid('training_id').notNull(),
    makerspaceId: uuid('makerspace_id').notNull(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    sessionId: uuid('session_id').references(() => trainingSessions.id, { onDelete: 'set null' }),
    passedAt: timestamp('passed_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }),
    recordedBy: uuid('recorded_by').references(() => users.id, { onDelete: 'set null' }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    revokedBy: uuid('revoked_by').references(() => users.id, { onDelete: 'set null' }),
  },
  (t) => [
    foreignKey({
      name: 'training_passes_training_fk',
      columns: [t.trainingId, t.makerspaceId],
      foreignColumns: [trainings.id, trainings.makerspaceId],
    }).onDelete('cascade'),
    uniqueIndex('training_passes_one_live')
      .on(t.trainingId, t.userId)
      .where(sql`${t.revokedAt} is null`),
    index('training_passes_user_idx').on(t.userId),
  ],
);

/** A pass that lets its holder book: not revoked, not expired. */
export const validPass = sql`${trainingPasses.revokedAt} is null and (${trainingPasses.expiresAt} is null or ${trainingPasses.expiresAt} > now())`;
