import type { FeaturedProject, ProfileAchievement, ProfileLink } from '@makrx/contracts';
import { authSchema, users } from '@makrx/db/schema';
import { sql, type SQL } from 'drizzle-orm';
import {
  boolean,
  check,
  index,
  jsonb,
  text,
  timestamp,
  uuid,
  type AnyPgColumn,
} from 'drizzle-orm/pg-core';

/** A maker's face on MakrX.org; one per user, seen by others only when `public`. */
export const profiles = authSchema.table(
  'profiles',
  {
    userId: uuid('user_id')
      .primaryKey()
      .references(() => users.id, { onDelete: 'cascade' }),
    handle: text('handle').notNull().unique(),
    headline: text('headline').notNull().default(''),
    bio: text('bio').notNull().default(''),
    location: text('location').notNull().default(''),
    skills: text('skills')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    /** What the owner links to (their site, a repository), each http(s); at most five. */
    links: jsonb('links').$type<ProfileLink[]>().notNull().default([]),
    /**
     * The stem of the maker's picture in the public bucket (`avatars/<user id>/<id>`), whose
     * `-512.webp` and `-128.webp` are served; null when they have none.
     */
    avatarKey: text('avatar_key'),
    featured: boolean('featured').notNull().default(false),
    /** Listed and shown to everyone only once its owner chose so; a new account's is private. */
    public: boolean('public').notNull().default(false),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('profiles_handle_shape', sql`${t.handle} ~ '^[a-z0-9][a-z0-9-]{1,31}$'`),
    index('profiles_search_idx').using('gin', profileSearchDocument(t)),
  ],
);

/**
 * The words a maker is found by, weighted handle and headline > skills > bio and location.
 * The display name lives in `public.users` and is matched beside this (profiles/search.ts).
 * The search query repeats this expression so PostgreSQL answers it from `profiles_search_idx`.
 */
export function profileSearchDocument(
  t: Record<'handle' | 'headline' | 'skills' | 'bio' | 'location', AnyPgColumn>,
): SQL {
  return sql`(setweight(to_tsvector('english', ${t.handle} || ' ' || ${t.headline}), 'A') || setweight(to_tsvector('english', public.search_words(${t.skills})), 'B') || setweight(to_tsvector('english', ${t.bio} || ' ' || ${t.location}), 'C'))`;
}

/**
 * A user's defaults across the three apps. Saved shipping addresses are rows of their own
 * (`shipping-preferences/tables.ts`); the default method beside them feeds the store's checkout.
 */
export const preferences = authSchema.table('preferences', {
  userId: uuid('user_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  locale: text('locale').notNull().default('en'),
  units: text('units', { enum: ['metric', 'imperial'] })
    .notNull()
    .default('metric'),
  currency: text('currency').notNull().default('INR'),
  timeZone: text('time_zone').notNull().default('UTC'),
  notifyByEmail: boolean('notify_by_email').notNull().default(true),
  defaultShippingMethod: text('default_shipping_method'),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** What MakrCave reports about a maker (spec 7, POST /api/v1/profiles/sync), shown on the profile. */
export const profileHighlights = authSchema.table('profile_highlights', {
  userId: uuid('user_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  achievements: jsonb('achievements').$type<ProfileAchievement[]>().notNull().default([]),
  featuredProjects: jsonb('featured_projects').$type<FeaturedProject[]>().notNull().default([]),
  syncedAt: timestamp('synced_at', { withTimezone: true }).notNull().defaultNow(),
});
