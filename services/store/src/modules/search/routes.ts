import { errorBody, searchQuery, searchResults } from '@makrx/contracts';
import type { FastifyPluginAsyncZod } from '@makrx/service-kit';
import { searchProducts } from '../catalog/service';

/** The store's part of the unified search: products. */
export const searchRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/search',
    {
      schema: {
        tags: ['search'],
        summary: 'Products matching q, at most `limit`',
        querystring: searchQuery,
        response: { 200: searchResults, 400: errorBody, 404: errorBody },
      },
      // Public data only; while ENABLE_UNIFIED_SEARCH is off the route is not there.
      config: { access: 'public', flag: 'ENABLE_UNIFIED_SEARCH' },
    },
    async (request) => ({
      results: await searchProducts(app.db, request.query.q, request.query.limit),
    }),
  );
};
