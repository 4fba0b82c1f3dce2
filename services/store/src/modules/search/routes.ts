import rateLimit from '@fastify/rate-limit';
import {
  AppError,
  errorBody,
  searchQuery,
  searchResults,
  searchSuggestions,
  searchSuggestionsQuery,
} from '@makrx/contracts';
import type { FastifyPluginAsyncZod } from '@makrx/service-kit';
import { searchProducts, suggestSearches } from '../catalog/service';

/** Type-ahead asks once per pause in typing; this leaves a fast typist plenty. */
const SUGGESTIONS_PER_MINUTE = 120;

/** The store's part of the unified search (products), and its own type-ahead. */
export const searchRoutes: FastifyPluginAsyncZod = async (app) => {
  // Keyed on the caller's address, which TRUSTED_PROXIES lets a proxy (the store app) name.
  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: (_request, context) =>
      new AppError(
        429,
        'TOO_MANY_REQUESTS',
        `Too many searches from your address. Try again in ${context.after}.`,
      ),
  });

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

  app.get(
    '/search/suggestions',
    {
      schema: {
        tags: ['search'],
        summary: 'Products and categories whose words begin with q, for the header’s type-ahead',
        querystring: searchSuggestionsQuery,
        response: { 200: searchSuggestions, 400: errorBody, 429: errorBody },
      },
      config: {
        access: { feature: 'productBrowsing', mode: 'read' },
        rateLimit: { max: SUGGESTIONS_PER_MINUTE, timeWindow: '1 minute' },
      },
    },
    async (request) => suggestSearches(app.db, request.query.q),
  );
};
