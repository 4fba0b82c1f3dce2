import { AppError } from '@makrx/contracts';
import type {
  MyProject,
  Photo,
  Project,
  ProjectActivityEntry as ProjectActivityLine,
  ProjectListQuery,
  ProjectPage,
  ProjectRole,
  ProjectSummary,
} from '@makrx/contracts';
import type { Database } from '@makrx/db';
import { users } from '@makrx/db/schema';
import { and, desc, eq, inArray, isNotNull, or, sql } from 'drizzle-orm';
import { makerspacesById } from '../makerspaces/service';
import { renderDescription } from './markdown';
import { projectCoversOf } from './photos';
import { projectActivity, projectCollaborators, projects } from './tables';

// What the cave's other modules may ask of projects (eslint.config.js: this file only).
export { searchProjects } from './search';
export {
  COLLABORATION_FLAG,
  projectOf,
  roleAtLeast,
  type ProjectInRequest,
} from './project-access';
import { collaboratorRole, roleAtLeast } from './project-access';
export { recordProjectActivity, type ProjectActivityEntry } from './activity';
export { projectFactsOf, type ProjectFacts } from './public-facts';

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
  ownerHandle: users.username,
  makerspaceId: projects.makerspaceId,
  updatedAt: projects.updatedAt,
};

type Columns = typeof summaryColumns;
// makerspaceId is nullable: a project built nowhere in particular has no makerspace.
type SummaryRow = { [K in Exclude<keyof Columns, 'makerspaceId'>]: Columns[K]['_']['data'] } & {
  makerspaceId: string | null;
};
type Makerspaces = Map<string, { slug: string; name: string }>;

/** What every list of projects selects, for `toSummaries`. */
export { summaryColumns, type SummaryRow };

/** The makerspaces the rows were built at, by id (a project built nowhere in particular has none). */
async function makerspacesOf(db: Database, rows: readonly SummaryRow[]): Promise<Makerspaces> {
  const ids = rows.flatMap((row) => (row.makerspaceId ? [row.makerspaceId] : []));
  return new Map((await makerspacesById(db, ids)).map(({ id, ...space }) => [id, space]));
}

function toSummary(
  row: SummaryRow,
  makerspaces: Makerspaces,
  covers: Map<string, Photo>,
): ProjectSummary {
  return {
    id: row.id,
    slug: row.slug,
    title: row.title,
    summary: row.summary,
    tags: row.tags,
    visibility: row.visibility,
    status: row.status,
    owner: { displayName: row.ownerName, handle: row.ownerHandle },
    makerspace: row.makerspaceId ? (makerspaces.get(row.makerspaceId) ?? null) : null,
    coverPhoto: covers.get(row.id) ?? null,
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** Rows as the API shows them, each with its makerspace. */
export async function toSummaries(
  db: Database,
  rows: readonly SummaryRow[],
): Promise<ProjectSummary[]> {
  const [makerspaces, covers] = await Promise.all([
    makerspacesOf(db, rows),
    projectCoversOf(
      db,
      rows.map((row) => row.id),
    ),
  ]);
  return rows.map((row) => toSummary(row, makerspaces, covers));
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
  return {
    items: await toSummaries(
      db,
      rows.map(({ total: _total, ...row }) => row),
    ),
    page: query.page,
    pageSize: query.pageSize,
    total,
    totalPages: Math.ceil(total / query.pageSize),
  };
}

/**
 * One project, as the caller may see it: a public one for anyone, a private one only for
 * those `roleOf` gives a role (its owner, and its collaborators while collaboration is on).
 */
export async function findProject(
  db: Database,
  slug: string,
  roleOf: (project: { id: string; ownerId: string }) => Promise<ProjectRole | null>,
): Promise<Project | undefined> {
  const [row] = await db
    .select({
      ...summaryColumns,
      description: projects.description,
      completedAt: projects.completedAt,
      createdAt: projects.createdAt,
    })
    .from(projects)
    .innerJoin(users, eq(users.id, projects.ownerId))
    .where(eq(projects.slug, slug));
  if (!row) return undefined;
  const callerRole = await roleOf(row);
  if (row.visibility !== 'public' && callerRole === null) return undefined;
  const { description, completedAt, createdAt, ...summary } = row;
  const [shown] = await toSummaries(db, [summary]);
  return {
    ...shown!,
    description,
    descriptionHtml: renderDescription(description),
    completedAt: completedAt?.toISOString() ?? null,
    createdAt: createdAt.toISOString(),
    ownedByCaller: callerRole === 'owner',
    callerRole,
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

/**
 * The caller's projects: those they own and, while collaboration is on for them, those they
 * accepted an invitation to, each with their role; most recently updated first.
 */
export async function myProjects(
  db: Database,
  userId: string,
  collaborating: boolean,
): Promise<MyProject[]> {
  const accepted = and(
    eq(projectCollaborators.projectId, projects.id),
    eq(projectCollaborators.userId, userId),
    eq(projectCollaborators.status, 'accepted'),
  );
  const rows = await db
    .select({ ...summaryColumns, collaboratorRole: projectCollaborators.role })
    .from(projects)
    .innerJoin(users, eq(users.id, projects.ownerId))
    .leftJoin(projectCollaborators, accepted)
    .where(
      or(
        eq(projects.ownerId, userId),
        collaborating ? isNotNull(projectCollaborators.userId) : undefined,
      ),
    )
    .orderBy(desc(projects.updatedAt), projects.title)
    .limit(MAX_MY_PROJECTS);
  const summaries = await toSummaries(db, rows);
  return summaries.map((summary, i) => {
    const row = rows[i]!;
    return { ...summary, role: row.ownerId === userId ? 'owner' : row.collaboratorRole! };
  });
}

/** More than this is a portfolio, for a search, not a list. */
const MAX_MY_PROJECTS = 200;

/** A project's activity log, newest first (the last 100 lines). */
export async function projectActivityOf(
  db: Database,
  projectId: string,
): Promise<ProjectActivityLine[]> {
  const rows = await db
    .select({
      id: projectActivity.id,
      action: projectActivity.action,
      summary: projectActivity.summary,
      at: projectActivity.at,
      actorName: users.displayName,
      actorHandle: users.username,
    })
    .from(projectActivity)
    .leftJoin(users, eq(users.id, projectActivity.actorId))
    .where(eq(projectActivity.projectId, projectId))
    .orderBy(desc(projectActivity.at), desc(projectActivity.id))
    .limit(100);
  return rows.map(({ actorName, actorHandle, at, ...line }) => ({
    ...line,
    actor:
      actorName !== null && actorHandle !== null
        ? { displayName: actorName, handle: actorHandle }
        : null,
    at: at.toISOString(),
  }));
}

/** Projects' slugs and titles by id, for what names the project it belongs to (a booking). */
export async function projectNamesById(
  db: Database,
  ids: readonly string[],
): Promise<Map<string, { slug: string; title: string }>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: projects.id, slug: projects.slug, title: projects.title })
    .from(projects)
    .where(inArray(projects.id, [...new Set(ids)]));
  return new Map(rows.map(({ id, ...name }) => [id, name]));
}

/**
 * The project a booking is to be for: one its booker owns or, while collaboration is on for
 * them, edits. Any other (or none by that slug) is refused with 422, as an unmet field.
 */
export async function projectToBookFor(
  db: Database,
  slug: string,
  userId: string,
  collaborating: boolean,
): Promise<{ id: string; title: string }> {
  const [row] = await db
    .select({ id: projects.id, title: projects.title, ownerId: projects.ownerId })
    .from(projects)
    .where(eq(projects.slug, slug));
  const role = !row
    ? null
    : row.ownerId === userId
      ? 'owner'
      : collaborating
        ? await collaboratorRole(db, row.id, userId)
        : null;
  if (!row || !roleAtLeast(role, 'editor')) {
    throw new AppError(
      422,
      'PROJECT_NOT_YOURS',
      `You neither own nor edit a project "${slug}", so the booking cannot be for it.`,
      { project: slug },
    );
  }
  return { id: row.id, title: row.title };
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
export { eraseProjects, ownProjectIds, projectsExportOf } from './privacy';
