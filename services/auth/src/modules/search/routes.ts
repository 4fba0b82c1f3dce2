import { errorBody, searchQuery, searchResults } from '@makrx/contracts';
import type { FastifyPluginAsyncZod } from '@makrx/service-kit';
import { searchMakers } from '../profiles/service';

/** MakrX.org's part of the unified search: maker profiles. */
export const searchRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/search',
    {
      schema: {
        tags: ['search'],
        summary: 'Maker profiles matching q, at most `limit`',
        querystring: searchQuery,
        response: { 200: searchResults, 400: errorBody, 404: errorBody },
      },
      // Public data only; while ENABLE_UNIFIED_SEARCH is off the route is not there.
      config: { access: 'public', flag: 'ENABLE_UNIFIED_SEARCH' },
    },
    async (request) => ({
      results: await searchMakers(app.db, request.query.q, request.query.limit),
    }),
  );
};
