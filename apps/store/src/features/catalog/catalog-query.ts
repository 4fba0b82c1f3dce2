import type { ProductSort } from '@makrx/contracts';

/** Twelve fills four rows of three on a desktop and six rows of two on a phone. */
export const catalogPageSize = 12;

export const sortOptions: ReadonlyArray<{ value: ProductSort; label: string }> = [
  { value: 'featured', label: 'Featured' },
  { value: 'newest', label: 'Newest' },
  { value: 'price-asc', label: 'Price: low to high' },
  { value: 'price-desc', label: 'Price: high to low' },
  { value: 'name', label: 'Name: A to Z' },
];

export interface CatalogQuery {
  category?: string;
  sort: ProductSort;
  page: number;
}

export type SearchParams = Record<string, string | string[] | undefined>;

function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

function isSort(value: string | undefined): value is ProductSort {
  return sortOptions.some((option) => option.value === value);
}

/**
 * Reads the catalog's shareable URL (`/?category=filament&sort=price-asc&page=2`). Values a
 * person could have typed wrong fall back to the defaults instead of failing the page.
 */
export function parseCatalogQuery(params: SearchParams): CatalogQuery {
  const category = single(params.category)?.trim().toLowerCase();
  const sort = single(params.sort);
  const page = Number.parseInt(single(params.page) ?? '', 10);
  return {
    category: category && /^[a-z0-9-]+$/.test(category) ? category : undefined,
    sort: isSort(sort) ? sort : 'featured',
    page: Number.isSafeInteger(page) && page > 0 ? page : 1,
  };
}

/** The catalog URL for a query, leaving defaults out so links stay short. */
export function catalogHref(query: Partial<CatalogQuery>): string {
  const params = new URLSearchParams();
  if (query.category) params.set('category', query.category);
  if (query.sort && query.sort !== 'featured') params.set('sort', query.sort);
  if (query.page && query.page > 1) params.set('page', String(query.page));
  const search = params.toString();
  return search ? `/?${search}` : '/';
}

export function productHref(slug: string): string {
  return `/products/${encodeURIComponent(slug)}`;
}
