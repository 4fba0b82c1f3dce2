import {
  AppError,
  type NewProject,
  type ProjectChange,
  type ProjectVisibility,
} from '@makrx/contracts';
import { recordAuditBy, type AuditRequester, type Database } from '@makrx/db';
import { publishEvent, type Executor } from '@makrx/events';
import type { Bucket } from '@makrx/storage';
import { eq, like, or, sql } from 'drizzle-orm';
import { makerspaceIdOf } from '../makerspaces/service';
import { membershipsOf } from '../memberships/service';
import type { ProjectInRequest } from './project-access';
import { recordProjectActivity } from './activity';
import { projectFileKeys } from './files';
import { projectPhotoKeys } from './photos';
import { projects } from './tables';

/*
 * Making and changing projects (spec 3, "Project tracking and collaboration"). Each change
 * writes its line in the project's activity log in its own transaction; the owner's decisions
 * (who may see it, that it is gone) go to the audit log too.
 */

/** Who makes a change: the signed-in person and their request, for the logs. */
export type ProjectActor = AuditRequester;

type NewProjectValues = Required<Omit<NewProject, 'makerspace'>> & { makerspace: string | null };

/** The slug a title gives: lowercase ASCII words joined by dashes, never shorter than two. */
export function slugFromTitle(title: string): string {
  const words = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+/, '')
    .slice(0, 80)
    .replace(/-+$/, '');
  return words.length >= 2 ? words : `project${words ? `-${words}` : ''}`;
}

/**
 * The makerspace a project is to belong to: one the maker holds a role in. Naming another (or
 * one that does not exist) is refused with 422, as a field that cannot be satisfied.
 */
async function makerspaceOfMaker(
  db: Database,
  slug: string | null,
  userId: string,
): Promise<string | null> {
  if (slug === null) return null;
  const mine = await membershipsOf(db, userId);
  const found = mine.find((m) => m.makerspace.slug === slug);
  if (!found) {
    throw new AppError(
      422,
      'PROJECT_MAKERSPACE_NOT_JOINED',
      `You are not a member of a makerspace "${slug}"; a project can only belong to one of yours.`,
      { makerspace: slug },
    );
  }
  return found.makerspace.id;
}

/** The first free slug for a title: the title's own, else with the next number after it. */
async function freeSlug(db: Database, base: string): Promise<string> {
  const taken = await db
    .select({ slug: projects.slug })
    .from(projects)
    .where(or(eq(projects.slug, base), like(projects.slug, `${base}-%`)));
  const used = new Set(taken.map((row) => row.slug));
  if (!used.has(base)) return base;
  let n = 2;
  while (used.has(`${base}-${n}`)) n += 1;
  return `${base}-${n}`;
}

/** A new project owned by the actor; its slug comes from the title and never changes. */
export async function createProject(
  db: Database,
  input: NewProjectValues,
  actor: ProjectActor,
): Promise<string> {
  const makerspaceId = await makerspaceOfMaker(db, input.makerspace, actor.userId);
  const base = slugFromTitle(input.title);
  // Two makers naming projects alike at once: the unique slug decides, the loser takes the next.
  for (;;) {
    const slug = await freeSlug(db, base);
    const created = await db.transaction(async (tx) => {
      const [row] = await tx
        .insert(projects)
        .values({
          slug,
          title: input.title,
          summary: input.summary,
          description: input.description,
          tags: input.tags,
          status: input.status,
          completedAt: input.status === 'completed' ? new Date() : null,
          visibility: input.visibility,
          ownerId: actor.userId,
          makerspaceId,
        })
        .onConflictDoNothing({ target: projects.slug })
        .returning({ id: projects.id });
      if (!row) return false;
      await recordProjectActivity(tx, {
        projectId: row.id,
        actorId: actor.userId,
        action: 'project.created',
        summary: `Created the project (${input.visibility})`,
        details: { slug, status: input.status },
      });
      await announce(tx, row.id, actor.userId, 'created');
      return true;
    });
    if (created) return slug;
  }
}

/**
 * Tells whoever follows projects (a maker's achievements and profile) that one changed, in the
 * transaction of the change.
 */
const announce = (
  tx: Executor,
  projectId: string,
  ownerId: string,
  change: 'created' | 'updated' | 'deleted',
) =>
  publishEvent(tx, {
    type: 'cave.project.changed',
    source: 'cave',
    payload: { projectId, ownerId, change },
  });

const statusWords = { idea: 'an idea', in_progress: 'in progress', completed: 'completed' };

/** An editor's change to what a project says, its status or makerspace. */
export async function changeProject(
  db: Database,
  project: ProjectInRequest,
  change: ProjectChange,
  actor: ProjectActor,
): Promise<void> {
  // The makerspace it is at already stays acceptable to an editor who is not a member there.
  const makerspaceId =
    change.makerspace === undefined
      ? undefined
      : change.makerspace !== null &&
          (await makerspaceIdOf(db, change.makerspace)) === project.makerspaceId
        ? project.makerspaceId
        : await makerspaceOfMaker(db, change.makerspace, actor.userId);
  await db.transaction(async (tx) => {
    const [before] = await tx
      .select({
        status: projects.status,
        title: projects.title,
        summary: projects.summary,
        description: projects.description,
        tags: projects.tags,
        makerspaceId: projects.makerspaceId,
      })
      .from(projects)
      .where(eq(projects.id, project.id))
      .for('update');
    if (!before) throw new AppError(404, 'NOT_FOUND', `Project "${project.slug}" was not found.`);
    const { status, makerspace: _makerspace, ...fields } = change;
    const statusChanged = status !== undefined && status !== before.status;
    await tx
      .update(projects)
      .set({
        ...fields,
        ...(makerspaceId === undefined ? {} : { makerspaceId }),
        ...(statusChanged
          ? { status, completedAt: status === 'completed' ? new Date() : null }
          : {}),
        updatedAt: sql`now()`,
      })
      .where(eq(projects.id, project.id));
    // The log names what actually changed: a form sends every field, changed or not.
    const edited = [
      ...(Object.keys(fields) as (keyof typeof fields)[]).filter(
        (field) => JSON.stringify(fields[field]) !== JSON.stringify(before[field]),
      ),
      ...(makerspaceId !== undefined && makerspaceId !== before.makerspaceId ? ['makerspace'] : []),
    ];
    await recordProjectActivity(
      tx,
      ...(edited.length > 0
        ? [
            {
              projectId: project.id,
              actorId: actor.userId,
              action: 'project.updated',
              summary: `Edited the ${edited.join(', ')}`,
              details: { fields: edited },
            },
          ]
        : []),
      ...(statusChanged
        ? [
            {
              projectId: project.id,
              actorId: actor.userId,
              action: 'project.status-changed',
              summary: `Marked the project ${statusWords[status]}`,
              details: { from: before.status, to: status },
            },
          ]
        : []),
    );
    if (edited.length > 0 || statusChanged) {
      await announce(tx, project.id, project.ownerId, 'updated');
    }
  });
}

/** The owner makes a project public or private. */
export async function changeProjectVisibility(
  db: Database,
  project: ProjectInRequest,
  visibility: ProjectVisibility,
  actor: ProjectActor,
): Promise<void> {
  if (visibility === project.visibility) return;
  await db.transaction(async (tx) => {
    await tx
      .update(projects)
      .set({ visibility, updatedAt: sql`now()` })
      .where(eq(projects.id, project.id));
    await recordProjectActivity(tx, {
      projectId: project.id,
      actorId: actor.userId,
      action: 'project.visibility-changed',
      summary: visibility === 'public' ? 'Made the project public' : 'Made the project private',
      details: { from: project.visibility, to: visibility },
    });
    await announce(tx, project.id, project.ownerId, 'updated');
    await recordAuditBy(tx, actor, {
      service: 'cave',
      action: 'project.visibility-changed',
      entityType: 'project',
      entityId: project.id,
      before: { visibility: project.visibility },
      after: { visibility },
    });
  });
}

/**
 * The owner deletes a project with everything that hangs off it (its log included, by the
 * foreign keys); the audit log keeps that it was there.
 */
export async function deleteProject(
  db: Database,
  buckets: { photos: Pick<Bucket, 'delete'>; files: Pick<Bucket, 'delete'> },
  project: ProjectInRequest,
  actor: ProjectActor,
): Promise<void> {
  const stored = await db.transaction(async (tx) => {
    const keys = {
      photos: await projectPhotoKeys(tx, project.id),
      files: await projectFileKeys(tx, project.id),
    };
    const removed = await tx
      .delete(projects)
      .where(eq(projects.id, project.id))
      .returning({ id: projects.id });
    if (removed.length === 0) return { photos: [], files: [] };
    await recordAuditBy(tx, actor, {
      service: 'cave',
      action: 'project.deleted',
      entityType: 'project',
      entityId: project.id,
      before: { slug: project.slug, title: project.title, visibility: project.visibility },
    });
    await announce(tx, project.id, project.ownerId, 'deleted');
    return keys;
  });
  // The bytes go after the commit, as an album's do: a failure leaves a file, never a gap.
  for (const kind of ['photos', 'files'] as const) {
    for (const key of stored[kind]) await buckets[kind].delete(key).catch(() => undefined);
  }
}
