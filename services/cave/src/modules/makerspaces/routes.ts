import { errorBody, makerspace, makerspaceListQuery, makerspacePage } from '@makrx/contracts';
import { notFound, type FastifyPluginAsyncZod } from '@makrx/service-kit';
import { z } from 'zod';
import { findMakerspace, listMakerspaces } from './service';

export const makerspaceRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/makerspaces',
    {
      config: { access: 'public' },
      schema: {
        tags: ['makerspaces'],
        summary: 'The public directory of makerspaces',
        querystring: makerspaceListQuery,
        response: { 200: makerspacePage, 400: errorBody },
      },
    },
    async (request) => listMakerspaces(app.db, request.query),
  );

  app.get(
    '/makerspaces/:slug',
    {
      config: { access: 'public' },
      schema: {
        tags: ['makerspaces'],
        summary: 'One makerspace with its equipment',
        params: z.object({
          slug: z
            .string()
            .regex(/^[a-z0-9-]+$/)
            .max(120),
        }),
        response: { 200: makerspace, 404: errorBody },
      },
    },
    async (request) => {
      const found = await findMakerspace(app.db, request.params.slug);
      if (!found) throw notFound(`Makerspace "${request.params.slug}"`);
      return found;
    },
  );
};
