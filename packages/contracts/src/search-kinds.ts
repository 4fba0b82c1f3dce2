/**
 * What the unified search finds and which app shows each kind (issue "Unified search").
 * Imported as `@makrx/contracts/search-kinds` by browser code, which must not load zod.
 */
export const searchKinds = ['product', 'makerspace', 'maker', 'project'] as const;
export type SearchKind = (typeof searchKinds)[number];

/** The app whose page a result's `url` (a path) belongs to. */
export const searchKindApp = {
  product: 'store',
  makerspace: 'cave',
  maker: 'gateway',
  project: 'cave',
} as const satisfies Record<SearchKind, 'gateway' | 'cave' | 'store'>;

export const SEARCH_QUERY_MIN = 2;
export const SEARCH_QUERY_MAX = 100;
export const SEARCH_LIMIT_MAX = 20;

/** One thing found: a product, a public makerspace, a maker or a public project. */
export interface SearchResult {
  kind: SearchKind;
  id: string;
  title: string;
  /** A short excerpt around the words that matched, plain text. */
  summary: string;
  /** A path on the app that shows the item (see `searchKindApp`). */
  url: string;
  /** A path on the owning service, or a full URL. */
  imageUrl?: string;
}

export interface SearchResults {
  results: SearchResult[];
}
