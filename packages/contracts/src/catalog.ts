import { z } from 'zod';
import { pageOf, pageQuery } from './pagination';

export const categorySummary = z.object({
  slug: z.string(),
  name: z.string(),
});

export const category = categorySummary.extend({
  description: z.string(),
  productCount: z.number().int(),
});
export type Category = z.infer<typeof category>;

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

export const product = productSummary.extend({
  description: z.string(),
  specs: z.record(z.string(), z.string()),
});
export type Product = z.infer<typeof product>;

export const productSort = z.enum(['featured', 'price-asc', 'price-desc', 'name', 'newest']);
export type ProductSort = z.infer<typeof productSort>;

export const productListQuery = pageQuery.extend({
  category: z
    .string()
    .regex(/^[a-z0-9-]+$/, 'a category slug: lowercase letters, digits and dashes')
    .optional(),
  sort: productSort.default('featured'),
});
export type ProductListQuery = z.infer<typeof productListQuery>;

export const productPage = pageOf(productSummary);
export type ProductPage = z.infer<typeof productPage>;
