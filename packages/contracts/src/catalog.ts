import { z } from 'zod';
import { pageOf, pageQuery } from './pagination';

export const categorySummary = z.object({
  slug: z.string(),
  name: z.string(),
});
export type CategorySummary = z.infer<typeof categorySummary>;

/** A node of the category tree; `productCount` counts the products of its descendants too. */
export const category = categorySummary.extend({
  description: z.string(),
  parentSlug: z.string().nullable(),
  productCount: z.number().int(),
});
export type Category = z.infer<typeof category>;

/** One category with the path down to it (root first, for breadcrumbs) and its children. */
export const categoryDetail = category.extend({
  ancestors: z.array(categorySummary),
  children: z.array(category),
});
export type CategoryDetail = z.infer<typeof categoryDetail>;

/** One buyable form of a product: a colour and spool size of a filament, say. */
export const productVariant = z.object({
  id: z.uuid(),
  sku: z.string(),
  /** What tells it apart from its siblings, e.g. `{ colour: 'Galaxy Black', size: '1 kg' }`. */
  options: z.record(z.string(), z.string()),
  priceCents: z.number().int(),
  stock: z.number().int(),
  inStock: z.boolean(),
  /** Its own picture when it has one (`/media/...` or an absolute URL); else the product's. */
  imageUrl: z.string().nullable(),
});
export type ProductVariant = z.infer<typeof productVariant>;

/** In listings, `priceCents` is the lowest variant price and `stock` all variants' stock. */
export const productSummary = z.object({
  id: z.uuid(),
  sku: z.string(),
  slug: z.string(),
  name: z.string(),
  brand: z.string(),
  summary: z.string(),
  priceCents: z.number().int(),
  currency: z.string().length(3),
  stock: z.number().int(),
  inStock: z.boolean(),
  /** A path on the store service (`/media/...`) or an absolute URL. */
  imageUrl: z.string(),
  category: categorySummary,
});
export type ProductSummary = z.infer<typeof productSummary>;

/** A product photo; `url` is a path on the store service (`/media/...`) or an absolute URL. */
export const productImage = z.object({
  id: z.uuid(),
  url: z.string(),
  alt: z.string(),
  position: z.number().int(),
});
export type ProductImage = z.infer<typeof productImage>;

export const product = productSummary.extend({
  description: z.string(),
  specs: z.record(z.string(), z.string()),
  /** The category and its ancestors, root first: the product page's breadcrumbs. */
  categoryPath: z.array(categorySummary),
  /** Uploaded photos in display order; empty when the product shows its `imageUrl` only. */
  images: z.array(productImage),
  /** At least one, in display order; the first carries the product's own SKU. */
  variants: z.array(productVariant).min(1),
});
export type Product = z.infer<typeof product>;

export const productSort = z.enum(['featured', 'price-asc', 'price-desc', 'name', 'newest']);
export type ProductSort = z.infer<typeof productSort>;

export const productListQuery = pageQuery.extend({
  /** A category slug; its descendants' products are listed too. */
  category: z
    .string()
    .regex(/^[a-z0-9-]+$/, 'a category slug: lowercase letters, digits and dashes')
    .optional(),
  sort: productSort.default('featured'),
});
export type ProductListQuery = z.infer<typeof productListQuery>;

export const productPage = pageOf(productSummary);
export type ProductPage = z.infer<typeof productPage>;

export const productSearchSort = z.enum(['relevance', 'price-asc', 'price-desc', 'newest']);
export type ProductSearchSort = z.infer<typeof productSearchSort>;

/** The price ranges search results are counted in (facet) and filtered by. */
export const priceBuckets = [
  { key: 'under-10', label: 'Under $10', minCents: 0, maxCents: 999 },
  { key: '10-25', label: '$10 to $25', minCents: 1000, maxCents: 2499 },
  { key: '25-50', label: '$25 to $50', minCents: 2500, maxCents: 4999 },
  { key: '50-100', label: '$50 to $100', minCents: 5000, maxCents: 9999 },
  { key: '100-plus', label: '$100 and up', minCents: 10000, maxCents: null },
] as const;
export const priceBucketKey = z.enum(['under-10', '10-25', '25-50', '50-100', '100-plus']);
export type PriceBucketKey = z.infer<typeof priceBucketKey>;

const flag = z.enum(['true', 'false']).transform((value) => value === 'true');

export const productSearchQuery = pageQuery.extend({
  q: z.string().trim().max(200).default(''),
  category: z
    .string()
    .regex(/^[a-z0-9-]+$/, 'a category slug: lowercase letters, digits and dashes')
    .optional(),
  price: priceBucketKey.optional(),
  inStock: flag.optional(),
  material: z.string().trim().min(1).max(60).optional(),
  sort: productSearchSort.default('relevance'),
  /** `true`: search for `q` as typed, never for a spelling correction ("Search instead for"). */
  exact: flag.optional(),
});
export type ProductSearchQuery = z.infer<typeof productSearchQuery>;

const facetValue = z.object({ value: z.string(), label: z.string(), count: z.number().int() });
export type FacetValue = z.infer<typeof facetValue>;

/**
 * Counts per facet value. Each facet is counted with every other filter applied but its own,
 * so choosing a category still shows how many results the other categories would give.
 */
export const searchFacets = z.object({
  categories: z.array(facetValue),
  prices: z.array(facetValue),
  inStock: z.number().int(),
  materials: z.array(facetValue),
});
export type SearchFacets = z.infer<typeof searchFacets>;

/** A search result: with its variant when it has only one, so it can be carted from the list. */
export const productSearchItem = productSummary.extend({
  /** The product's one variant on sale; null when there is a choice to make on its page. */
  onlyVariantId: z.uuid().nullable(),
});
export type ProductSearchItem = z.infer<typeof productSearchItem>;

export const productSearchPage = pageOf(productSearchItem).extend({
  /** Whether ENABLE_ADVANCED_SEARCH was on: facets and typo tolerance. */
  advanced: z.boolean(),
  /** The query the results were found for when the typed one found nothing ("filamnet" → "filament"). */
  correctedQuery: z.string().nullable(),
  /**
   * A spelling that finds more when the typed query found only a few, offered beside its
   * results ("Did you mean …?"); null otherwise.
   */
  suggestedQuery: z.string().nullable(),
  /** Absent when advanced search is off. */
  facets: searchFacets.optional(),
});
export type ProductSearchPage = z.infer<typeof productSearchPage>;
