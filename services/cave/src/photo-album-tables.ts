import { sql } from 'drizzle-orm';
import {
  check,
  index,
  integer,
  text,
  timestamp,
  uuid,
  type AnyPgColumn,
} from 'drizzle-orm/pg-core';

/*
 * The shape of every photo album's table (photo-albums.ts): each module declares its own table
 * from these, so the shared functions can work on any of them.
 */

/**
 * The columns of an album's table; `ownerId` is stored as `ownerColumn` (`makerspace_id`,
 * `equipment_id`) and goes with what the photos are of.
 */
export function photoColumns(ownerColumn: string, owner: () => AnyPgColumn) {
  return {
    id: uuid('id').primaryKey().defaultRandom(),
    ownerId: uuid(ownerColumn).notNull().references(owner, { onDelete: 'cascade' }),
    storageKey: text('storage_key').notNull().unique(),
    contentType: text('content_type').notNull(),
    byteSize: integer('byte_size').notNull(),
    alt: text('alt').notNull().default(''),
    position: integer('position').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  };
}

/** The checks and index every album's table has, named after the table. */
export function photoConstraints(
  table: string,
  owner: string,
  t: {
    contentType: AnyPgColumn;
    byteSize: AnyPgColumn;
    ownerId: AnyPgColumn;
    position: AnyPgColumn;
  },
) {
  return [
    check(
      `${table}_content_type_known`,
      sql`${t.contentType} in ('image/png', 'image/jpeg', 'image/webp')`,
    ),
    check(`${table}_size_limit`, sql`${t.byteSize} between 1 and 5242880`),
    index(`${table}_${owner}_idx`).on(t.ownerId, t.position),
  ];
}
