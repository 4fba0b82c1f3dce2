import {
  AppError,
  type FeaturedProject,
  type MyAchievements,
  type MyFeaturedProjects,
  type ProfileAchievement,
} from '@makrx/contracts';
import type { Database } from '@makrx/db';
import { requestNotification } from '@makrx/service-kit';
import { asc, eq, inArray, sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { createHash } from 'node:crypto';
import { ownsPublicProjects, projectNamesById, publicProjectHighlights } from '../projects/service';
import { milestonesReached } from './milestones';
import { featuredProjects, makerAchievements, profileSyncs } from './tables';

/** A milestone reached this recently is worth a notification; older ones are history. */
const NEWS_WINDOW_MS = 60 * 60 * 1000;

/**
 * Records every milestone reached and not yet recorded, each once, and tells its maker about
 * the ones that just happened. Returns how many were new.
 */
export async function recordMilestones(db: Database, now = new Date()): Promise<number> {
  const reached = await milestonesReached(db);
  if (reached.length === 0) return 0;
  return db.transaction(async (tx) => {
    const added = await tx
      .insert(makerAchievements)
      .values(reached)
      .onConflictDoNothing()
      .returning({
        userId: makerAchievements.userId,
        title: makerAchievements.title,
        earnedAt: makerAchievements.earnedAt,
      });
    for (const achievement of added) {
      if (now.getTime() - achievement.earnedAt.getTime() > NEWS_WINDOW_MS) continue;
      await requestNotification(tx, 'cave', {
        userId: achievement.userId,
        kind: 'maker.achievement',
        title: `Achievement: ${achievement.title}`,
        body: 'It now shows on your MakrX.org profile.',
      });
    }
    return added.length;
  });
}

/** What a maker's profile shows: their achievements and featured projects, public ones only. */
export interface Highlights {
  achievements: ProfileAchievement[];
  featuredProjects: FeaturedProject[];
}

/**
 * The highlights of each of `userIds`, as MakrX.org may show them to anyone: an achievement
 * about a project, and a featured project, only while that project is public.
 */
export async function highlightsOf(
  db: Database,
  userIds: readonly string[],
): Promise<Map<string, Highlights>> {
  const ids = [...new Set(userIds)];
  const result = new Map<string, Highlights>(
    ids.map((id) => [id, { achievements: [], featuredProjects: [] }]),
  );
  if (ids.length === 0) return result;
  const [achievements, featured] = await Promise.all([
    db
      .select()
      .from(makerAchievements)
      .where(inArray(makerAchievements.userId, ids))
      .orderBy(asc(makerAchievements.earnedAt), asc(makerAchievements.key)),
    db
      .select()
      .from(featuredProjects)
      .where(inArray(featuredProjects.userId, ids))
      .orderBy(asc(featuredProjects.position)),
  ]);
  const projectIds = [
    ...achievements.flatMap((a) => (a.projectId ? [a.projectId] : [])),
    ...featured.map((f) => f.projectId),
  ];
  const publicProjects = await publicProjectHighlights(db, projectIds);
  for (const a of achievements) {
    const project = a.projectId ? publicProjects.get(a.projectId) : undefined;
    if (a.projectId && !project) continue;
    result.get(a.userId)!.achievements.push({
      key: a.key,
      title: project ? `Completed “${project.title}”` : a.title,
      earnedAt: a.earnedAt.toISOString(),
    });
  }
  for (const f of featured) {
    const project = publicProjects.get(f.projectId);
    if (!project) continue;
    result.get(f.userId)!.featuredProjects.push({
      id: project.slug,
      title: project.title,
      summary: project.summary,
      ...(project.makerspace ? { makerspace: project.makerspace } : {}),
    });
  }
  return result;
}

const fingerprintOf = (highlights: Highlights) =>
  createHash('sha256').update(JSON.stringify(highlights)).digest('hex');

/**
 * Sends MakrX.org the highlights of every maker whose highlights changed since they were last
 * sent (`POST /api/v1/profiles/sync`, spec 7), including a maker left with none. A maker the
 * auth service does not know (404) is skipped; any other failure is retried on the next run.
 */
export async function syncProfiles(
  app: FastifyInstance,
  only?: readonly string[],
): Promise<{ synced: number }> {
  const userIds = only ? [...only] : await makersWithHighlights(app.db);
  const highlights = await highlightsOf(app.db, userIds);
  const sent = new Map(
    userIds.length === 0
      ? []
      : (await app.db.select().from(profileSyncs).where(inArray(profileSyncs.userId, userIds))).map(
          (row) => [row.userId, row.fingerprint],
        ),
  );
  let synced = 0;
  for (const [userId, userHighlights] of highlights) {
    const fingerprint = fingerprintOf(userHighlights);
    if (sent.get(userId) === fingerprint) continue;
    const response = await app.peers
      .fetch('auth', '/api/v1/profiles/sync', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          user_id: userId,
          achievements: userHighlights.achievements,
          featured_projects: userHighlights.featuredProjects,
        }),
      })
      .catch((error: unknown) => {
        app.log.warn({ err: error, userId }, 'profile sync failed; retried next run');
        return undefined;
      });
    if (!response?.ok) {
      // A maker MakrX.org does not know (404) is not retried until their highlights change.
      if (response?.status !== 404) {
        if (response) app.log.warn({ status: response.status, userId }, 'profile sync refused');
        continue;
      }
    }
    await app.db
      .insert(profileSyncs)
      .values({ userId, fingerprint })
      .onConflictDoUpdate({
        target: profileSyncs.userId,
        set: { fingerprint, syncedAt: sql`now()` },
      });
    synced += 1;
  }
  return { synced };
}

/** Every maker who has highlights, or had some sent before (they may have none left). */
async function makersWithHighlights(db: Database): Promise<string[]> {
  const { rows } = await db.execute<{ user_id: string }>(sql`
    select ${makerAchievements.userId} as user_id from ${makerAchievements}
    union select ${featuredProjects.userId} from ${featuredProjects}
    union select ${profileSyncs.userId} from ${profileSyncs}`);
  return rows.map((row) => row.user_id);
}

/** The caller's achievements, with the projects they are about. */
export async function achievementsOf(db: Database, userId: string): Promise<MyAchievements> {
  const rows = await db
    .select()
    .from(makerAchievements)
    .where(eq(makerAchievements.userId, userId))
    .orderBy(asc(makerAchievements.earnedAt), asc(makerAchievements.key));
  const projects = await projectNamesById(
    db,
    rows.flatMap((row) => (row.projectId ? [row.projectId] : [])),
  );
  return {
    items: rows.map((row) => ({
      key: row.key,
      title: row.title,
      earnedAt: row.earnedAt.toISOString(),
      project: row.projectId ? (projects.get(row.projectId) ?? null) : null,
    })),
  };
}

/** The caller's featured projects, in order, public ones only. */
export async function featuredProjectsOf(
  db: Database,
  userId: string,
): Promise<MyFeaturedProjects> {
  const rows = await db
    .select({ projectId: featuredProjects.projectId })
    .from(featuredProjects)
    .where(eq(featuredProjects.userId, userId))
    .orderBy(asc(featuredProjects.position));
  const found = await publicProjectHighlights(
    db,
    rows.map((row) => row.projectId),
  );
  return {
    items: rows.flatMap((row) => {
      const project = found.get(row.projectId);
      return project ? [{ id: row.projectId, slug: project.slug, title: project.title }] : [];
    }),
  };
}

/** Replaces the caller's featured projects: their own public projects only, in order. */
export async function chooseFeaturedProjects(
  db: Database,
  userId: string,
  projectIds: readonly string[],
): Promise<MyFeaturedProjects> {
  if (!(await ownsPublicProjects(db, userId, projectIds))) {
    throw new AppError(
      422,
      'PROJECT_NOT_FEATURABLE',
      'Only your own public projects can be featured on your profile.',
      { projectIds },
    );
  }
  await db.transaction(async (tx) => {
    await tx.delete(featuredProjects).where(eq(featuredProjects.userId, userId));
    if (projectIds.length > 0) {
      await tx
        .insert(featuredProjects)
        .values(projectIds.map((projectId, position) => ({ userId, projectId, position })));
    }
  });
  return featuredProjectsOf(db, userId);
}
export { achievementsExportOf, eraseAchievements } from './privacy';
