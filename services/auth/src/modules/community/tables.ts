import { authSchema, users } from '@makrx/db/schema';
import { sql } from 'drizzle-orm';
import { check, index, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** A maker following another maker (ENABLE_COMMUNITY_FEATURES); nobody follows themselves. */
export const makerFollows = authSchema.table(
  'maker_follows',
  {
    followerId: uuid('follower_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    makerId: uuid('maker_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    followedAt: timestamp('followed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.followerId, t.makerId] }),
    check('maker_follows_not_self', sql`${t.followerId} <> ${t.makerId}`),
    index('maker_follows_maker_idx').on(t.makerId),
  ],
);

/**
 * A maker following a makerspace. Makerspaces live in MakrCave's schema, so the id is not a
 * foreign key; the slug and name are as MakrCave gave them when the follow was made.
 */
export const makerspaceFollows = authSchema.table(
  'makerspace_follows',
  {
    followerId: uuid('follower_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    makerspaceId: uuid('makerspace_id').notNull(),
    slug: text('slug').notNull(),
    name: text('name').notNull(),
    followedAt: timestamp('followed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.followerId, t.makerspaceId] }),
    index('makerspace_follows_makerspace_idx').on(t.makerspaceId),
  ],
);

/**
 * Public happenings MakrCave reports (POST /api/v1/community/activity), one row per activity id,
 * so a repeated report changes nothing. Only public projects are reported; a project made
 * private or deleted has its rows removed.
 */
export const communityActivity = authSchema.table(
  'community_activity',
  {
    id: text('id').primaryKey(),
    kind: text('kind', {
      enum: ['project.published', 'project.completed', 'achievement.earned'],
    }).notNull(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    makerspaceId: uuid('makerspace_id'),
    makerspaceName: text('makerspace_name'),
    projectId: uuid('project_id'),
    title: text('title').notNull(),
    summary: text('summary').notNull().default(''),
    link: text('link'),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull(),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check(
      'community_activity_kind_known',
      sql`${t.kind} in ('project.published', 'project.completed', 'achievement.earned')`,
    ),
    index('community_activity_user_idx').on(t.userId, t.occurredAt.desc(), t.id.desc()),
    index('community_activity_makerspace_idx').on(t.makerspaceId, t.occurredAt.desc(), t.id.desc()),
    index('community_activity_project_idx').on(t.projectId),
  ],
);
