import { authSchema, users } from '@makrx/db/schema';
import { sql } from 'drizzle-orm';
import { boolean, check, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** A maker's public face on MakrX.org; one per user. */
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
    featured: boolean('featured').notNull().default(false),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check('profiles_handle_shape', sql`${t.handle} ~ '^[a-z0-9][a-z0-9-]{1,31}$'`)],
);
