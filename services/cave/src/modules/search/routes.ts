import { errorBody, searchQuery, searchResults } from '@makrx/contracts';
import type { FastifyPluginAsyncZod } from '@makrx/service-kit';
import { searchMakerspaces } from '../makerspaces/service';
import { searchProjects } from '../projects/service';

/** The cave's part of the unified search: public makerspaces and public projects. */
export const searchRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/search',
    {
      schema: {
        tags: ['search'],
        summary: 'Public makerspaces and projects matching q, at most `limit` of each',
        querystring: searchQuery,
        response: { 200: searchResults, 400: errorBody, 404: errorBody },
      },
      // Public data only; while ENABLE_UNIFIED_SEARCH is off the route is not there.
      config: { access: 'public', flag: 'ENABLE_UNIFIED_SEARCH' },
    },
    async (request) => {
      const { q, limit } = request.query;
      const [spaces, found] = await Promise.all([
        searchMakerspaces(app.db, q, limit),
        searchProjects(app.db, q, limit),
      ]);
      return { results: [...spaces, ...found] };
    },
  );
};
