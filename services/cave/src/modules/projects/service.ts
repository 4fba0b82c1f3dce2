import type { Project, ProjectListQuery, ProjectPage, ProjectSummary } from '@makrx/contracts';
import type { Database } from '@makrx/db';
import { users } from '@makrx/db/schema';
import { and, desc, eq, sql } from 'drizzle-orm';
import { makerspaces } from '../makerspaces/tables';
import { projects } from './tables';

const summaryColumns = {
  id: projects.id,
  slug: projects.slug,
  title: projects.title,
  summary: projects.summary,
  tags: projects.tags,
  visibility: projects.visibility,
  ownerId: projects.ownerId,
  ownerName: users.displayName,
  makerspaceSlug: makerspaces.slug,
  makerspaceName: makerspaces.name,
  updatedAt: projects.updatedAt,
};

type Columns = typeof summaryColumns;
// A left join: a project built nowhere in particular has no makerspace.
type SummaryRow = {
  [K in Exclude<keyof Columns, 'makerspaceSlug' | 'makerspaceName'>]: Columns[K]['_']['data'];
} & { makerspaceSlug: string | null; makerspaceName: string | null };

function toSummary(row: SummaryRow): ProjectSummary {
  return {
    id: row.id,
    slug: row.slug,
    title: row.title,
    summary: row.summary,
    tags: row.tags,
    visibility: row.visibility,
    owner: { displayName: row.ownerName },
    makerspace:
      row.makerspaceSlug && row.makerspaceName
        ? { slug: row.makerspaceSlug, name: row.makerspaceName }
        : null,
    updatedAt: row.updatedAt.toISOString(),
  };
}

const isPublic = eq(projects.visibility, 'public');

/** Public projects, most recently updated first, a page at a time. */
export async function listPublicProjects(
  db: Database,
  query: ProjectListQuery,
): Promise<ProjectPage> {
  const where = and(isPublic, query.tag ? sql`${query.tag} = any(${projects.tags})` : undefined);
  const rows = await db
    .select({ ...summaryColumns, total: sql<number>`cast(count(*) over () as integer)` })
    .from(projects)
    .innerJoin(users, eq(users.id, projects.ownerId))
    .leftJoin(makerspaces, eq(makerspaces.id, projects.makerspaceId))
    .where(where)
    .orderBy(desc(projects.updatedAt), projects.title)
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize);
  const total =
    rows[0]?.total ??
    (query.page > 1
      ? ((
          await db
            .select({ total: sql<number>`cast(count(*) as integer)` })
            .from(projects)
            .where(where)
        )[0]?.total ?? 0)
      : 0);
  return {
    items: rows.map(({ total: _total, ...row }) => toSummary(row)),
    page: query.page,
    pageSize: query.pageSize,
    total,
    totalPages: Math.ceil(total / query.pageSize),
  };
}

/** One project: a public one for anyone, a private one only for its owner. */
export async function findProject(
  db: Database,
  slug: string,
  callerId: string | undefined,
): Promise<Project | undefined> {
  const [row] = await db
    .select({ ...summaryColumns, description: projects.description, createdAt: projects.createdAt })
    .from(projects)
    .innerJoin(users, eq(users.id, projects.ownerId))
    .leftJoin(makerspaces, eq(makerspaces.id, projects.makerspaceId))
    .where(eq(projects.slug, slug));
  if (!row) return undefined;
  const ownedByCaller = callerId !== undefined && row.ownerId === callerId;
  if (row.visibility !== 'public' && !ownedByCaller) return undefined;
  const { description, createdAt, ...summary } = row;
  return {
    ...toSummary(summary),
    description,
    createdAt: createdAt.toISOString(),
    ownedByCaller,
  };
}
