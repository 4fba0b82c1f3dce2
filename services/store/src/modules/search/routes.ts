import { errorBody, searchQuery, searchResults } from '@makrx/contracts';
import { AppError, type FastifyPluginAsyncZod } from '@makrx/service-kit';
import { searchProducts } from '../catalog/search';

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
    },
    async (request) => {
      const user = request.caller?.kind === 'user' ? request.caller : undefined;
      const on = await app.flags.isOn('ENABLE_UNIFIED_SEARCH', {
        userId: user?.userId,
        roles: user?.realmRoles,
      });
      if (!on) throw new AppError(404, 'FEATURE_DISABLED', 'Search is turned off for now.');
      return { results: await searchProducts(app.db, request.query.q, request.query.limit) };
    },
  );
};
