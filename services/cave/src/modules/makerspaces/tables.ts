import type { Closure, WeeklyHours } from '@makrx/contracts';
import { makrcaveSchema } from '@makrx/db/schema';
import { sql, type SQL } from 'drizzle-orm';
import { photoColumns, photoConstraints } from '../../photo-album-tables';
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
    /** The IANA zone its opening hours and every local day are read in (decision 0015). */
    timeZone: text('time_zone').notNull().default('UTC'),
    /**
     * The ISO 4217 code its machine rates, plans and invoices are in; fixed once billing holds
     * money in it (decision 0018).
     */
    currency: text('currency').notNull(),
    /** Per weekday, local "HH:MM" intervals (`weeklyHours` in packages/contracts checks them). */
    weeklyHours: jsonb('weekly_hours')
      .$type<WeeklyHours>()
      .notNull()
      .default(sql`'{"mon":[],"tue":[],"wed":[],"thu":[],"fri":[],"sat":[],"sun":[]}'::jsonb`),
    /** Local date ranges it is closed, with a reason (`closure` in packages/contracts). */
    closures: jsonb('closures')
      .$type<Closure[]>()
      .notNull()
      .default(sql`'[]'::jsonb`),
    /** Listed in the public directory; every makerspace stays invite-only to join (spec 4). */
    isPublic: boolean('is_public').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('makerspaces_slug_shape', sql`${t.slug} ~ '^[a-z0-9-]+$'`),
    check('makerspaces_currency_shape', sql`${t.currency} ~ '^[A-Z]{3}$'`),
    check('makerspaces_weekly_hours_object', sql`jsonb_typeof(${t.weeklyHours}) = 'object'`),
    check('makerspaces_closures_array', sql`jsonb_typeof(${t.closures}) = 'array'`),
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

/**
 * Photos of a makerspace, shown on its public page in `position` order. The bytes live in the
 * storage's public bucket under `storageKey`; the row says what they are (sniffed on upload).
 */
export const makerspacePhotos = makrcaveSchema.table(
  'makerspace_photos',
  photoColumns('makerspace_id', () => makerspaces.id),
  (t) => photoConstraints('makerspace_photos', 'makerspace', t),
);
