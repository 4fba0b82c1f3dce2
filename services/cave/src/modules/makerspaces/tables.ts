import { makrcaveSchema } from '@makrx/db/schema';
import { sql, type SQL } from 'drizzle-orm';
import {
  boolean,
  check,
  index,
  text,
  timestamp,
  uuid,
  type AnyPgColumn,
} from 'drizzle-orm/pg-core';

export const makerspaces = makrcaveSchema.table(
  'makerspaces',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    slug: text('slug').notNull().unique(),
    name: text('name').notNull(),
    tagline: text('tagline').notNull(),
    description: text('description').notNull(),
    address: text('address').notNull(),
    city: text('city').notNull(),
    country: text('country').notNull(),
    openingHours: text('opening_hours').notNull(),
    /** Listed in the public directory; every makerspace stays invite-only to join (spec 4). */
    isPublic: boolean('is_public').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('makerspaces_slug_shape', sql`${t.slug} ~ '^[a-z0-9-]+$'`),
    index('makerspaces_city_idx').on(sql`lower(${t.city})`),
    index('makerspaces_search_idx').using('gin', makerspaceSearchDocument(t)),
  ],
);

/**
 * The words a makerspace is found by, weighted name > tagline and place > description. The
 * search query repeats this expression so PostgreSQL answers it from `makerspaces_search_idx`.
 */
export function makerspaceSearchDocument(
  t: Record<'name' | 'tagline' | 'city' | 'country' | 'description', AnyPgColumn>,
): SQL {
  return sql`(setweight(to_tsvector('english', ${t.name}), 'A') || setweight(to_tsvector('english', ${t.tagline} || ' ' || ${t.city} || ' ' || ${t.country}), 'B') || setweight(to_tsvector('english', ${t.description}), 'C'))`;
}
