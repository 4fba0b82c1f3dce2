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

/** One buyable form of a product: a colour and spool size of a filament, say. */
export const productVariant = z.object({
  id: z.uuid(),
  sku: z.string(),
  /** What tells it apart from its siblings, e.g. `{ colour: 'Galaxy Black', size: '1 kg' }`. */
  options: z.record(z.string(), z.string()),
  priceCents: z.number().int(),
  stock: z.number().int(),
  inStock: z.boolean(),
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

export const product = productSummary.extend({
  description: z.string(),
  specs: z.record(z.string(), z.string()),
  /** At least one, in display order; the first carries the product's own SKU. */
  variants: z.array(productVariant).min(1),
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
