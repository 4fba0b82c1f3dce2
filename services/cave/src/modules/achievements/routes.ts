import { signedInUser } from '@makrx/auth';
import {
  errorBody,
  featuredProjectsChoice,
  myAchievements,
  myFeaturedProjects,
} from '@makrx/contracts';
import type { BackgroundJob, EventConsumer, FastifyPluginAsyncZod } from '@makrx/service-kit';
import {
  achievementsOf,
  chooseFeaturedProjects,
  featuredProjectsOf,
  recordMilestones,
  syncProfiles,
} from './service';

/*
 * A maker's achievements and featured projects (issue 14, spec 7 "Cave ↔ Org"): recorded here
 * from the facts the cave keeps, shown on their MakrX.org profile through `profiles/sync`.
 */

const read = { access: { feature: 'userProfileManagement', mode: 'read' } } as const;
const write = { access: { feature: 'userProfileManagement', mode: 'write' } } as const;
const tags = ['achievements'];
const security = [{ bearer: [] }];

/**
 * Every minute: the milestones reached since the last run are recorded, and the profiles whose
 * highlights changed (a new achievement, a project featured, made private or renamed) are sent.
 */
export const syncMakerHighlights: BackgroundJob = {
  name: 'cave.achievements.sync-profiles',
  everyMs: 60 * 1000,
  run: async (app) => {
    await recordMilestones(app.db);
    return syncProfiles(app);
  },
};

/**
 * A project's change (completed, made private, renamed, deleted) reaches its owner's profile at
 * once instead of at the next minute's sweep. Idempotent: a repeated delivery records nothing
 * new and sends nothing unchanged.
 */
export const highlightsFollowProjects: EventConsumer<'cave.project.changed'> = {
  name: 'highlights-follow-projects',
  eventTypes: ['cave.project.changed'],
  outsideTransaction: true,
  async handle(event, { app }) {
    await recordMilestones(app.db);
    await syncProfiles(app, [event.payload.ownerId]);
  },
};

export const achievementRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/me/achievements',
    {
      config: read,
      schema: {
        tags,
        security,
        summary: 'My achievements, oldest first',
        response: { 200: myAchievements, 401: errorBody, 403: errorBody },
      },
    },
    async (request) => achievementsOf(app.db, signedInUser(request).userId),
  );

  app.get(
    '/me/featured-projects',
    {
      config: read,
      schema: {
        tags,
        security,
        summary: 'The projects I feature on my MakrX.org profile',
        response: { 200: myFeaturedProjects, 401: errorBody, 403: errorBody },
      },
    },
    async (request) => featuredProjectsOf(app.db, signedInUser(request).userId),
  );

  app.put(
    '/me/featured-projects',
    {
      config: write,
      schema: {
        tags,
        security,
        summary: 'Choose the public projects my MakrX.org profile features, in order',
        body: featuredProjectsChoice,
        response: {
          200: myFeaturedProjects,
          400: errorBody,
          401: errorBody,
          403: errorBody,
          422: errorBody,
        },
      },
    },
    async (request) =>
      chooseFeaturedProjects(app.db, signedInUser(request).userId, request.body.projectIds),
  );
};
