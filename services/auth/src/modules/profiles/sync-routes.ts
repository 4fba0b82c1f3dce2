import { errorBody, profileSyncRequest, profileSyncResult } from '@makrx/contracts';
import { recordAudit } from '@makrx/db';
import { users } from '@makrx/db/schema';
import { notFound, type FastifyPluginAsyncZod } from '@makrx/service-kit';
import { eq } from 'drizzle-orm';
import { profileHighlights } from './tables';

export const profileSyncRoutes: FastifyPluginAsyncZod = async (app) => {
  // Spec section 7, MakrCave Backend → MakrX.org: only the cave's service account may call.
  app.post(
    '/profiles/sync',
    {
      config: { access: { serviceClients: ['makrcave-backend'] } },
      schema: {
        tags: ['integration'],
        summary: 'Sync a maker’s achievements and project highlights from MakrCave',
        body: profileSyncRequest,
        response: {
          200: profileSyncResult,
          401: errorBody,
          403: errorBody,
          404: errorBody,
        },
      },
    },
    async (request) => {
      const { user_id: userId, achievements, featured_projects: featuredProjects } = request.body;
      const [user] = await app.db.select({ id: users.id }).from(users).where(eq(users.id, userId));
      if (!user) throw notFound('That user');
      const syncedAt = new Date();
      await app.db.transaction(async (tx) => {
        await tx
          .insert(profileHighlights)
          .values({ userId, achievements, featuredProjects, syncedAt })
          .onConflictDoUpdate({
            target: profileHighlights.userId,
            set: { achievements, featuredProjects, syncedAt },
          });
        await recordAudit(tx, {
          service: 'auth',
          action: 'profile.synced',
          entityType: 'user',
          entityId: userId,
          after: { achievements: achievements.length, featuredProjects: featuredProjects.length },
          requestId: request.id,
        });
      });
      return { userId, syncedAt: syncedAt.toISOString() };
    },
  );
};
