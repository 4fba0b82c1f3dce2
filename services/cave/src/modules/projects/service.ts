import type { Project, ProjectListQuery, ProjectPage, ProjectSummary } from '@makrx/contracts';
import type { Database } from '@makrx/db';
import { users } from '@makrx/db/schema';
import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import { makerspacesById } from '../makerspaces/service';
import { projectActivity, projectCollaborators, projects } from './tables';

// What the cave's other modules may ask of projects (eslint.config.js: this file only).
export { searchProjects } from './search';
export { projectOf, roleAtLeast, type ProjectInRequest } from './project-access';

/** Something that happened to a project, for its activity log; pass the change's transaction. */
export interface ProjectActivityEntry {
  projectId: string;
  actorId: string | null;
  action: string;
  summary: string;
  details?: Record<string, unknown>;
}

/** Writes entries to projects' activity logs, in the caller's transaction. */
export async function recordProjectActivity(
  db: Pick<Database, 'insert'>,
  ...entries: ProjectActivityEntry[]
): Promise<void> {
  if (entries.length === 0) return;
  await db.insert(projectActivity).values(entries);
}

const summaryColumns = {
  id: projects.id,
  slug: projects.slug,
  title: projects.title,
  summary: projects.summary,
  tags: projects.tags,
  visibility: projects.visibility,
  status: projects.status,
  ownerId: projects.ownerId,
  ownerName: users.displayName,
  makerspaceId: projects.makerspaceId,
  updatedAt: projects.updatedAt,
};

type Columns = typeof summaryColumns;
// makerspaceId is nullable: a project built nowhere in particular has no makerspace.
type SummaryRow = { [K in Exclude<keyof Columns, 'makerspaceId'>]: Columns[K]['_']['data'] } & {
  makerspaceId: string | null;
};
type Makerspaces = Map<string, { slug: string; name: string }>;

/** The makerspaces the rows were built at, by id (a project built nowhere in particular has none). */
async function makerspacesOf(db: Database, rows: readonly SummaryRow[]): Promise<Makerspaces> {
  const ids = rows.flatMap((row) => (row.makerspaceId ? [row.makerspaceId] : []));
  return new Map((await makerspacesById(db, ids)).map(({ id, ...space }) => [id, space]));
}

function toSummary(row: SummaryRow, makerspaces: Makerspaces): ProjectSummary {
  return {
    id: row.id,
    slug: row.slug,
    title: row.title,
    summary: row.summary,
    tags: row.tags,
    visibility: row.visibility,
    status: row.status,
    owner: { displayName: row.ownerName },
    makerspace: row.makerspaceId ? (makerspaces.get(row.makerspaceId) ?? null) : null,
    updatedAt: row.updatedAt.toISOString(),
  };
}

const isPublic = eq(projects.visibility, 'public');

/** Public projects, most recently updated first, a page at a time. */
export async function listPublicProjects(
  db: Database,
  query: ProjectListQuery,
): Promise<ProjectPage> {
  const where = and(
    isPublic,
    query.tag ? sql`${query.tag} = any(${projects.tags})` : undefined,
    query.owner ? eq(projects.ownerId, query.owner) : undefined,
  );
  const rows = await db
    .select({ ...summaryColumns, total: sql<number>`cast(count(*) over () as integer)` })
    .from(projects)
    .innerJoin(users, eq(users.id, projects.ownerId))
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
  const makerspaces = await makerspacesOf(db, rows);
  return {
    items: rows.map(({ total: _total, ...row }) => toSummary(row, makerspaces)),
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
    .where(eq(projects.slug, slug));
  if (!row) return undefined;
  const ownedByCaller = callerId !== undefined && row.ownerId === callerId;
  if (row.visibility !== 'public' && !ownedByCaller) return undefined;
  const { description, createdAt, ...summary } = row;
  return {
    ...toSummary(summary, await makerspacesOf(db, [summary])),
    description,
    createdAt: createdAt.toISOString(),
    ownedByCaller,
  };
}

/** A completed project, for the milestones its owner earns. */
export interface CompletedProject {
  id: string;
  slug: string;
  title: string;
  ownerId: string;
  completedAt: Date;
  visibility: 'public' | 'private';
}

/** Every completed project, oldest completion first. */
export async function completedProjects(db: Database): Promise<CompletedProject[]> {
  const rows = await db
    .select({
      id: projects.id,
      slug: projects.slug,
      title: projects.title,
      ownerId: projects.ownerId,
      completedAt: projects.completedAt,
      visibility: projects.visibility,
    })
    .from(projects)
    .where(eq(projects.status, 'completed'))
    .orderBy(projects.completedAt, projects.id);
  return rows.flatMap((row) => (row.completedAt ? [{ ...row, completedAt: row.completedAt }] : []));
}

/** What a maker's MakrX.org profile shows of their public projects, by id; private ones are left out. */
export async function publicProjectHighlights(
  db: Database,
  ids: readonly string[],
): Promise<Map<string, { slug: string; title: string; summary: string; makerspace?: string }>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({
      id: projects.id,
      slug: projects.slug,
      title: projects.title,
      summary: projects.summary,
      makerspaceId: projects.makerspaceId,
    })
    .from(projects)
    .where(and(isPublic, inArray(projects.id, [...ids])));
  const spaces = new Map(
    (
      await makerspacesById(
        db,
        rows.flatMap((r) => (r.makerspaceId ? [r.makerspaceId] : [])),
      )
    ).map((space) => [space.id, space.name]),
  );
  return new Map(
    rows.map((row) => {
      const makerspace = row.makerspaceId ? spaces.get(row.makerspaceId) : undefined;
      return [
        row.id,
        {
          slug: row.slug,
          title: row.title,
          summary: row.summary,
          ...(makerspace ? { makerspace } : {}),
        },
      ];
    }),
  );
}

/** Whether every one of `ids` is a public project `ownerId` owns. */
export async function ownsPublicProjects(
  db: Database,
  ownerId: string,
  ids: readonly string[],
): Promise<boolean> {
  if (ids.length === 0) return true;
  const [row] = await db
    .select({ count: sql<number>`cast(count(*) as integer)` })
    .from(projects)
    .where(and(isPublic, eq(projects.ownerId, ownerId), inArray(projects.id, [...ids])));
  return row?.count === new Set(ids).size;
}

/** Projects' slugs and titles by id, public or not: for their owner's own pages. */
export async function projectTitlesById(
  db: Database,
  ids: readonly string[],
): Promise<Map<string, { slug: string; title: string }>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: projects.id, slug: projects.slug, title: projects.title })
    .from(projects)
    .where(inArray(projects.id, [...new Set(ids)]));
  return new Map(rows.map(({ id, ...row }) => [id, row]));
}

/** Who may order for a project: its owner and the editors who accepted their invitation. */
export async function projectOrderers(
  db: Database,
  project: { id: string; ownerId: string },
): Promise<string[]> {
  const editors = await db
    .select({ userId: projectCollaborators.userId })
    .from(projectCollaborators)
    .where(
      and(
        eq(projectCollaborators.projectId, project.id),
        eq(projectCollaborators.role, 'editor'),
        eq(projectCollaborators.status, 'accepted'),
      ),
    );
  return [project.ownerId, ...editors.map((row) => row.userId)];
}
