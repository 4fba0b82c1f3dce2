import type { SearchKind, SearchResult, SearchResults } from '@makrx/contracts/search-kinds';
import { searchKindApp } from '@makrx/contracts/search-kinds';
import { getJson, useRuntimeConfig, type RuntimeConfig } from '@makrx/spa-kit';
import { useQuery, type UseQueryResult } from '@tanstack/react-query';

/** How many results of each kind a service returns. */
export const RESULTS_PER_KIND = 10;

/** The services that answer, and the kinds each finds. */
const sources = [
  { name: 'store', apiKey: 'storeApiUrl', kinds: ['product'] },
  { name: 'cave', apiKey: 'caveApiUrl', kinds: ['makerspace', 'project'] },
  { name: 'auth', apiKey: 'authApiUrl', kinds: ['maker'] },
] as const satisfies readonly {
  name: string;
  apiKey: keyof RuntimeConfig;
  kinds: readonly SearchKind[];
}[];

export type SearchSource = (typeof sources)[number]['name'];

export interface KindResults {
  kind: SearchKind;
  /** The answer of the service that finds this kind: pending, failed, or its results. */
  query: UseQueryResult<SearchResults>;
  results: SearchResult[];
}

/**
 * Asks the three services at once; each kind follows its own service, so one that fails or
 * is slow leaves the others' results standing.
 */
export function useUnifiedSearch(q: string): Record<SearchKind, KindResults> {
  const config = useRuntimeConfig();
  const queries = {
    store: useSourceSearch(config.storeApiUrl, 'store', q),
    cave: useSourceSearch(config.caveApiUrl, 'cave', q),
    auth: useSourceSearch(config.authApiUrl, 'auth', q),
  };
  const byKind = {} as Record<SearchKind, KindResults>;
  for (const source of sources) {
    const query = queries[source.name];
    for (const kind of source.kinds) {
      byKind[kind] = {
        kind,
        query,
        results: (query.data?.results ?? []).filter((result) => result.kind === kind),
      };
    }
  }
  return byKind;
}

function useSourceSearch(apiUrl: string, source: SearchSource, q: string) {
  return useQuery({
    queryKey: ['search', source, q],
    queryFn: ({ signal }) =>
      getJson<SearchResults>(apiUrl, '/api/v1/search', { q, limit: RESULTS_PER_KIND }, signal),
    enabled: q.length >= 2,
    retry: 1,
    staleTime: 30_000,
  });
}

/** Where a result opens: its path on the app that shows its kind. */
export function resultHref(result: SearchResult, config: RuntimeConfig): string {
  const origin = { gateway: config.gatewayUrl, cave: config.caveUrl, store: config.storeUrl }[
    searchKindApp[result.kind]
  ];
  return `${origin}${result.url}`;
}

/** An image is a path on the service that found it, unless it is a full URL. */
export function resultImage(result: SearchResult, config: RuntimeConfig): string | undefined {
  if (!result.imageUrl) return undefined;
  if (/^https?:\/\//.test(result.imageUrl)) return result.imageUrl;
  const apiUrl = { gateway: config.authApiUrl, cave: config.caveApiUrl, store: config.storeApiUrl }[
    searchKindApp[result.kind]
  ];
  return `${apiUrl}${result.imageUrl}`;
}
