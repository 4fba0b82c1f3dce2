import type { ActivityReport } from '@makrx/contracts';
import type { EventConsumer } from '@makrx/service-kit';
import type { FastifyInstance } from 'fastify';
import { achievementsOf } from '../achievements/service';
import { projectFactsOf, type ProjectFacts } from '../projects/service';

/*
 * MakrX.org's community feed hears of makers' public activity from here (issue 15, spec 7
 * "Cave ↔ Org"): a project made public, a public project completed, an achievement earned.
 * Private projects are never reported; one made private or deleted has its items withdrawn.
 */

/** The public activity of one project as it stands, each item named by a stable id. */
export function projectActivity(project: ProjectFacts, changedAt: Date): ActivityReport[] {
  const common = {
    user_id: project.ownerId,
    makerspace_id: project.makerspace?.id ?? null,
    makerspace_name: project.makerspace?.name ?? null,
    project_id: project.id,
    title: project.title,
    summary: project.summary,
    link: `/projects/${project.slug}`,
  };
  const items: ActivityReport[] = [
    // Reported the first time it is seen public; a repeat keeps the first time.
    {
      ...common,
      activity_id: `project-published:${project.id}`,
      kind: 'project.published',
      occurred_at: changedAt.toISOString(),
    },
  ];
  if (project.completedAt)
    items.push({
      ...common,
      activity_id: `project-completed:${project.id}:${project.completedAt.getTime()}`,
      kind: 'project.completed',
      occurred_at: project.completedAt.toISOString(),
    });
  return items;
}

async function send(app: FastifyInstance, method: 'POST' | 'DELETE', path: string, body?: unknown) {
  const response = await app.peers.fetch('auth', path, {
    method,
    ...(body === undefined
      ? {}
      : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
  });
  if (response.ok) return;
  const text = await response.text();
  // With the community turned off MakrX.org keeps no feed: nothing to retry.
  if (response.status === 404 && text.includes('FEATURE_DISABLED')) return;
  throw new Error(`MakrX.org answered ${response.status} to ${method} ${path}: ${text}`);
}

/**
 * Reports a changed project's public activity, or withdraws it when the project is private or
 * gone, and the owner's achievements. Every report is idempotent by its activity id, so a
 * redelivered event sends the same again and changes nothing.
 */
export const communityActivityReports: EventConsumer<'cave.project.changed'> = {
  name: 'community-activity-reports',
  eventTypes: ['cave.project.changed'],
  outsideTransaction: true,
  async handle(event, { app }) {
    const { projectId, ownerId } = event.payload;
    const project = await projectFactsOf(app.db, projectId);
    if (!project?.public) {
      await send(app, 'DELETE', `/api/v1/community/activity/projects/${projectId}`);
    } else {
      for (const item of projectActivity(project, event.createdAt))
        await send(app, 'POST', '/api/v1/community/activity', item);
    }
    // A maker's milestones, and those about this project while it is public; never one about
    // a project the feed may not show.
    const achievements = (await achievementsOf(app.db, ownerId)).items.filter(
      (achievement) =>
        achievement.project === null ||
        (project?.public && achievement.project.slug === project.slug),
    );
    for (const achievement of achievements)
      await send(app, 'POST', '/api/v1/community/activity', {
        activity_id: `achievement:${ownerId}:${achievement.key}`,
        kind: 'achievement.earned',
        user_id: ownerId,
        title: achievement.title,
        occurred_at: achievement.earnedAt,
      } satisfies ActivityReport);
  },
};
