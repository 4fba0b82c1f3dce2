import type { Makerspace, MakerspaceListQuery, MakerspacePage } from '@makrx/contracts';
import type { Database } from '@makrx/db';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { equipment, makerspaces } from './tables';

// What the cave's other modules may ask of makerspaces (eslint.config.js: this file only).
export { searchMakerspaces } from './search';

/** Makerspaces by id as other modules show them beside their own rows, by name. */
export async function makerspacesById(db: Database, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return db
    .select({ id: makerspaces.id, slug: makerspaces.slug, name: makerspaces.name })
    .from(makerspaces)
    .where(inArray(makerspaces.id, [...new Set(ids)]))
    .orderBy(asc(makerspaces.name));
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
  equipmentCount: sql<number>`cast(count(${equipment.id}) as integer)`,
  equipmentKinds: sql<
    string[]
  >`coalesce(array_agg(distinct ${equipment.kind}) filter (where ${equipment.id} is not null), '{}')`,
  availableNow: sql<number>`cast(count(${equipment.id}) filter (where ${equipment.status} = 'available') as integer)`,
};

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
      .leftJoin(equipment, eq(equipment.makerspaceId, makerspaces.id))
      .where(where)
      .groupBy(makerspaces.id)
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
    items: rows,
    page: query.page,
    pageSize: query.pageSize,
    total,
    totalPages: Math.ceil(total / query.pageSize),
  };
}

export async function findMakerspace(db: Database, slug: string): Promise<Makerspace | undefined> {
  const [space] = await db
    .select({
      ...summaryColumns,
      description: makerspaces.description,
      address: makerspaces.address,
      openingHours: makerspaces.openingHours,
    })
    .from(makerspaces)
    .leftJoin(equipment, eq(equipment.makerspaceId, makerspaces.id))
    .where(and(eq(makerspaces.slug, slug), eq(makerspaces.isPublic, true)))
    .groupBy(makerspaces.id);
  if (!space) return undefined;
  const machines = await db
    .select({
      id: equipment.id,
      name: equipment.name,
      kind: equipment.kind,
      status: equipment.status,
      hourlyRateCents: equipment.hourlyRateCents,
    })
    .from(equipment)
    .where(eq(equipment.makerspaceId, space.id))
    .orderBy(asc(equipment.kind), asc(equipment.name));
  return { ...space, equipment: machines };
}
