import { errorBody, project, projectListQuery, projectPage, projectSlug } from '@makrx/contracts';
import { notFound, type FastifyPluginAsyncZod } from '@makrx/service-kit';
import { z } from 'zod';
import { findProject, listPublicProjects } from './service';

export const projectRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/projects',
    {
      config: { access: 'public' },
      schema: {
        tags: ['projects'],
        summary: 'Public projects, most recently updated first',
        querystring: projectListQuery,
        response: { 200: projectPage, 400: errorBody },
      },
    },
    async (request) => listPublicProjects(app.db, request.query),
  );

  app.get(
    '/projects/:slug',
    {
      config: { access: 'public' },
      schema: {
        tags: ['projects'],
        summary: 'One project: public, or private to its signed-in owner',
        params: z.object({ slug: projectSlug }),
        response: { 200: project, 400: errorBody, 404: errorBody },
      },
    },
    async (request) => {
      const callerId = request.caller?.kind === 'user' ? request.caller.userId : undefined;
      const found = await findProject(app.db, request.params.slug, callerId);
      // A private project answers like a missing one, so its slug reveals nothing.
      if (!found) throw notFound(`Project "${request.params.slug}"`);
      return found;
    },
  );
};
