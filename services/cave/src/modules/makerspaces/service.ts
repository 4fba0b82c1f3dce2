import {
  weeklyHours,
  type Makerspace,
  type MakerspaceListQuery,
  type MakerspacePage,
} from '@makrx/contracts';
import type { Database } from '@makrx/db';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { equipmentSummaries, publicMachinesOf } from '../equipment/service';
import { describeWeeklyHours } from './opening-hours';
import { makerspacePhotosOf } from './photos';
import { makerspaces } from './tables';

// What the cave's other modules may ask of makerspaces (eslint.config.js: this file only).
export { searchMakerspaces } from './search';
export { makerspaceCurrencyOf, openingScheduleOf } from './settings';
export {
  judgeSlot,
  localDateOf,
  localDayBounds,
  openingDay,
  openingDays,
  type OpeningSchedule,
} from './opening-hours';

/** Makerspaces by id as other modules show them beside their own rows, by name. */
export async function makerspacesById(db: Database, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return db
    .select({ id: makerspaces.id, slug: makerspaces.slug, name: makerspaces.name })
    .from(makerspaces)
    .where(inArray(makerspaces.id, [...new Set(ids)]))
    .orderBy(asc(makerspaces.name));
}

/** Makerspaces by id with where they are (city, time zone) and their currency, by name. */
export async function makerspacePlacesById(db: Database, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return db
    .select({
      id: makerspaces.id,
      slug: makerspaces.slug,
      name: makerspaces.name,
      city: makerspaces.city,
      country: makerspaces.country,
      timeZone: makerspaces.timeZone,
      currency: makerspaces.currency,
    })
    .from(makerspaces)
    .where(inArray(makerspaces.id, [...new Set(ids)]))
    .orderBy(asc(makerspaces.name));
}

/** The id of the makerspace a route names by slug, listed in the directory or not. */
export async function makerspaceIdOf(db: Database, slug: string): Promise<string | undefined> {
  const [row] = await db
    .select({ id: makerspaces.id })
    .from(makerspaces)
    .where(eq(makerspaces.slug, slug));
  return row?.id;
}

/** Every makerspace's id by its slug (demo data names them by slug). */
export async function makerspaceIdsBySlug(db: Database): Promise<Map<string, string>> {
  const rows = await db.select({ id: makerspaces.id, slug: makerspaces.slug }).from(makerspaces);
  return new Map(rows.map((row) => [row.slug, row.id]));
}

const summaryColumns = {
  id: makerspaces.id,
  slug: makerspaces.slug,
  name: makerspaces.name,
  tagline: makerspaces.tagline,
  city: makerspaces.city,
  country: makerspaces.country,
};

type SummaryRow = { [K in keyof typeof summaryColumns]: string };

/** Each makerspace with what its equipment module says of its machines. */
async function withEquipmentSummary(db: Database, rows: SummaryRow[]) {
  const summaries = await equipmentSummaries(
    db,
    rows.map((row) => row.id),
  );
  const none = { equipmentCount: 0, equipmentKinds: [], availableNow: 0 };
  return rows.map((row) => ({ ...row, ...(summaries.get(row.id) ?? none) }));
}

/** The public directory of makerspaces, a page at a time. */
export async function listMakerspaces(
  db: Database,
  query: MakerspaceListQuery,
): Promise<MakerspacePage> {
  const where = and(
    eq(makerspaces.isPublic, true),
    query.city ? sql`lower(${makerspaces.city}) = lower(${query.city})` : undefined,
  );
  const [rows, [counted]] = await Promise.all([
    db
      .select(summaryColumns)
      .from(makerspaces)
      .where(where)
      .orderBy(asc(makerspaces.name))
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    db
      .select({ total: sql<number>`cast(count(*) as integer)` })
      .from(makerspaces)
      .where(where),
  ]);
  const total = counted?.total ?? 0;
  return {
    items: await withEquipmentSummary(db, rows),
    page: query.page,
    pageSize: query.pageSize,
    total,
    totalPages: Math.ceil(total / query.pageSize),
  };
}

/**
 * A makerspace's page by its link. Unlisted ones answer too: they are left out of the directory
 * and search, not hidden from those who have the link (their members, from their home).
 */
export async function findMakerspace(db: Database, slug: string): Promise<Makerspace | undefined> {
  const [space] = await db
    .select({
      ...summaryColumns,
      description: makerspaces.description,
      address: makerspaces.address,
      timeZone: makerspaces.timeZone,
      currency: makerspaces.currency,
      weeklyHours: makerspaces.weeklyHours,
    })
    .from(makerspaces)
    .where(eq(makerspaces.slug, slug));
  if (!space) return undefined;
  const { weeklyHours: hours, ...shown } = space;
  const [[summarised], photos, machines] = await Promise.all([
    withEquipmentSummary(db, [space]),
    makerspacePhotosOf(db, space.id),
    publicMachinesOf(db, space.id),
  ]);
  return {
    ...shown,
    ...summarised!,
    openingHours: describeWeeklyHours(weeklyHours.parse(hours)),
    photos,
    equipment: machines,
  };
}
