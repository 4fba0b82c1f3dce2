import { makrcaveSchema, users } from '@makrx/db/schema';
import { sql } from 'drizzle-orm';
import { check, index, integer, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { projects } from '../projects/tables';

/**
 * The milestones a maker reached (spec 7, "Sync user achievements"), each once: `key` names
 * it (`tenth-booking`, or `project-completed:<project id>` for each completed project), and
 * `earned_at` is when it happened, not when it was noticed.
 */
export const makerAchievements = makrcaveSchema.table(
  'maker_achievements',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    key: text('key').notNull(),
    title: text('title').notNull(),
    /** The project a per-project achievement is about; shown only while it is public. */
    projectId: uuid('project_id').references(() => projects.id, { onDelete: 'cascade' }),
    earnedAt: timestamp('earned_at', { withTimezone: true }).notNull(),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.key] }),
    check('maker_achievements_key_shape', sql`${t.key} ~ '^[a-z0-9-]+(:[0-9a-f-]{36})?$'`),
  ],
);

/** The public projects a maker chose to feature on their profile, in order. */
export const featuredProjects = makrcaveSchema.table(
  'featured_projects',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.projectId] }),
    check('featured_projects_position_range', sql`${t.position} between 0 and 5`),
    index('featured_projects_project_idx').on(t.projectId),
  ],
);

/** What was last sent to MakrX.org for each maker, so only a change is sent again. */
export const profileSyncs = makrcaveSchema.table('profile_syncs', {
  userId: uuid('user_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  /** sha256 of the achievements and featured projects sent. */
  fingerprint: text('fingerprint').notNull(),
  syncedAt: timestamp('synced_at', { withTimezone: true }).notNull().defaultNow(),
});
