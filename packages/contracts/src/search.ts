import { z } from 'zod';
import {
  SEARCH_LIMIT_MAX,
  SEARCH_QUERY_MAX,
  SEARCH_QUERY_MIN,
  searchKinds,
  type SearchResult,
  type SearchResults,
} from './search-kinds';

export * from './search-kinds';

/** `GET /api/v1/search?q=&limit=` on each service. */
export const searchQuery = z.object({
  q: z.string().trim().min(SEARCH_QUERY_MIN).max(SEARCH_QUERY_MAX),
  limit: z.coerce.number().int().min(1).max(SEARCH_LIMIT_MAX).default(10),
});
export type SearchQuery = z.infer<typeof searchQuery>;

export const searchResult = z.object({
  kind: z.enum(searchKinds),
  id: z.string(),
  title: z.string(),
  summary: z.string(),
  url: z.string(),
  imageUrl: z.string().optional(),
}) satisfies z.ZodType<SearchResult>;

export const searchResults = z.object({
  results: z.array(searchResult),
}) satisfies z.ZodType<SearchResults>;

/** `GET /api/v1/search/suggestions?q=` on the store: what its header's search box offers. */
export const searchSuggestionsQuery = z.object({
  q: z.string().trim().min(1).max(100),
});

export const searchSuggestions = z.object({
  products: z.array(
    z.object({
      slug: z.string(),
      name: z.string(),
      priceCents: z.number().int(),
      currency: z.string(),
      /** A path on the store service (`/media/…`). */
      imageUrl: z.string(),
    }),
  ),
  categories: z.array(z.object({ slug: z.string(), name: z.string() })),
});
export type SearchSuggestions = z.infer<typeof searchSuggestions>;
