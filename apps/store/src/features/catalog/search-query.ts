import type { PriceBucketKey, ProductSearchSort } from '@makrx/contracts';
import type { SearchParams } from './catalog-query';
import { single } from '../../lib/search-params';

export const searchPageSize = 12;

export const searchSortOptions: ReadonlyArray<{ value: ProductSearchSort; label: string }> = [
  { value: 'relevance', label: 'Best match' },
  { value: 'newest', label: 'Newest' },
  { value: 'price-asc', label: 'Price: low to high' },
  { value: 'price-desc', label: 'Price: high to low' },
];

const priceKeys: readonly PriceBucketKey[] = ['under-10', '10-25', '25-50', '50-100', '100-plus'];

export interface SearchPageQuery {
  q: string;
  category?: string;
  price?: PriceBucketKey;
  inStock?: boolean;
  material?: string;
  sort: ProductSearchSort;
  page: number;
  /** Search for `q` as typed, not for a spelling correction ("Search instead for …"). */
  exact?: boolean;
}

/**
 * Reads `/search?q=…&category=…&price=…&inStock=true&material=…&sort=…&page=…&exact=true`,
 * forgivingly.
 */
export function parseSearchQuery(params: SearchParams): SearchPageQuery {
  const q = (single(params.q) ?? '').trim().slice(0, 200);
  const category = single(params.category)?.trim().toLowerCase();
  const price = single(params.price) as PriceBucketKey | undefined;
  const material = single(params.material)?.trim().slice(0, 60);
  const sort = single(params.sort);
  const page = Number.parseInt(single(params.page) ?? '', 10);
  return {
    q,
    category: category && /^[a-z0-9-]+$/.test(category) ? category : undefined,
    price: price && priceKeys.includes(price) ? price : undefined,
    inStock: single(params.inStock) === 'true' ? true : undefined,
    material: material || undefined,
    sort: searchSortOptions.some((o) => o.value === sort)
      ? (sort as ProductSearchSort)
      : 'relevance',
    page: Number.isSafeInteger(page) && page > 0 ? page : 1,
    exact: single(params.exact) === 'true' ? true : undefined,
  };
}

/** The URL of a search, defaults left out; the service's query string is the same shape. */
export function searchParamsOf(query: Partial<SearchPageQuery>): URLSearchParams {
  const params = new URLSearchParams();
  if (query.q) params.set('q', query.q);
  if (query.category) params.set('category', query.category);
  if (query.price) params.set('price', query.price);
  if (query.inStock) params.set('inStock', 'true');
  if (query.material) params.set('material', query.material);
  if (query.sort && query.sort !== 'relevance') params.set('sort', query.sort);
  if (query.page && query.page > 1) params.set('page', String(query.page));
  if (query.exact) params.set('exact', 'true');
  return params;
}

export function searchHref(query: Partial<SearchPageQuery>): string {
  const search = searchParamsOf(query).toString();
  return search ? `/search?${search}` : '/search';
}

/** The same search with one filter set, or cleared when it already had that value; page 1. */
export function toggledFilter<K extends 'category' | 'price' | 'inStock' | 'material'>(
  query: SearchPageQuery,
  key: K,
  value: SearchPageQuery[K],
): string {
  return searchHref({ ...query, [key]: query[key] === value ? undefined : value, page: 1 });
}
