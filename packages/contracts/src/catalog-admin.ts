import { z } from 'zod';
import { productImage, productVariant } from './catalog';
import { pageOf, pageQuery } from './pagination';

const slug = z
  .string()
  .regex(/^[a-z0-9-]+$/, 'lowercase letters, digits and dashes')
  .max(120);
const sku = z
  .string()
  .regex(/^[A-Z0-9][A-Z0-9-]*$/, 'capital letters, digits and dashes')
  .max(64);
const options = z.record(z.string().trim().min(1).max(40), z.string().trim().min(1).max(80));
const specs = z.record(z.string().trim().min(1).max(60), z.string().trim().max(200));

export const adminSku = sku;
export const adminSlug = slug;

export const categoryCreate = z.object({
  slug,
  name: z.string().trim().min(1).max(80),
  description: z.string().trim().max(500).default(''),
  parentSlug: slug.nullable().default(null),
});
export type CategoryCreate = z.infer<typeof categoryCreate>;

export const categoryUpdate = categoryCreate.omit({ slug: true }).partial();
export type CategoryUpdate = z.infer<typeof categoryUpdate>;

export const variantCreate = z.object({
  sku,
  options: options.default({}),
  priceCents: z.number().int().min(0).max(10_000_000),
  stock: z.number().int().min(0).max(1_000_000).default(0),
});
export type VariantCreate = z.infer<typeof variantCreate>;

/** Stock is changed only by adjustments, which carry a reason. */
export const variantUpdate = variantCreate
  .omit({ sku: true, stock: true })
  .partial()
  .extend({
    position: z.number().int().min(0).max(1000).optional(),
    /** True takes the variant off sale (not shown, carted or ordered); false puts it back. */
    archived: z.boolean().optional(),
  });
export type VariantUpdate = z.infer<typeof variantUpdate>;

export const productCreate = z.object({
  slug,
  name: z.string().trim().min(1).max(160),
  brand: z.string().trim().max(80).default(''),
  summary: z.string().trim().max(300).default(''),
  description: z.string().trim().max(5000).default(''),
  categorySlug: slug,
  specs: specs.default({}),
  variants: z.array(variantCreate).min(1).max(100),
});
export type ProductCreate = z.infer<typeof productCreate>;

export const productUpdate = productCreate
  .omit({ slug: true, variants: true })
  .partial()
  .extend({ archived: z.boolean().optional() });
export type ProductUpdate = z.infer<typeof productUpdate>;

/** Either a change (+5, −2) or the count found on the shelf; always with a reason. */
export const stockAdjustment = z
  .object({
    delta: z.number().int().min(-1_000_000).max(1_000_000).optional(),
    setTo: z.number().int().min(0).max(1_000_000).optional(),
    reason: z.string().trim().min(3).max(300),
  })
  .refine((value) => (value.delta === undefined) !== (value.setTo === undefined), {
    message: 'give either delta or setTo',
    path: ['delta'],
  });
export type StockAdjustment = z.infer<typeof stockAdjustment>;

export const imageUpdate = z.object({
  alt: z.string().trim().max(200).optional(),
  position: z.number().int().min(0).max(100).optional(),
});
export type ImageUpdate = z.infer<typeof imageUpdate>;

/** What the admin product list may show: on sale, or taken off sale. */
export const adminProductStatuses = ['active', 'archived'] as const;

export const adminProductListQuery = pageQuery.extend({
  q: z.string().trim().max(120).default(''),
  /** A category's slug: its products and those of its subcategories. */
  category: z
    .string()
    .trim()
    .max(100)
    .regex(/^[a-z0-9-]+$/, 'A category slug: lower-case letters, digits and dashes.')
    .optional(),
  status: z.enum(adminProductStatuses).optional(),
});
export type AdminProductListQuery = z.infer<typeof adminProductListQuery>;

export const adminProductRow = z.object({
  id: z.uuid(),
  slug: z.string(),
  sku: z.string(),
  name: z.string(),
  categoryName: z.string(),
  imageUrl: z.string(),
  /** The lowest price of its variants on sale (of any variant when none is). */
  priceCents: z.number().int(),
  currency: z.string().length(3),
  variantCount: z.number().int(),
  stock: z.number().int(),
  /** Variants with fewer than 5 units left (out of stock included). */
  lowStockVariants: z.number().int(),
  archived: z.boolean(),
});
export type AdminProductRow = z.infer<typeof adminProductRow>;
export const adminProductPage = pageOf(adminProductRow);
export type AdminProductPage = z.infer<typeof adminProductPage>;

export const adminProduct = z.object({
  id: z.uuid(),
  slug: z.string(),
  sku: z.string(),
  name: z.string(),
  brand: z.string(),
  summary: z.string(),
  description: z.string(),
  categorySlug: z.string(),
  currency: z.string(),
  imageUrl: z.string(),
  specs: z.record(z.string(), z.string()),
  archived: z.boolean(),
  variants: z.array(productVariant.extend({ position: z.number().int(), archived: z.boolean() })),
  images: z.array(productImage),
});
export type AdminProduct = z.infer<typeof adminProduct>;

export const rejectedRow = z.object({
  /** The line of the file, counting the header as line 1. */
  line: z.number().int(),
  sku: z.string().nullable(),
  reason: z.string(),
});
export type RejectedRow = z.infer<typeof rejectedRow>;

export const catalogImportReport = z.object({
  dryRun: z.boolean(),
  rows: z.number().int(),
  productsCreated: z.number().int(),
  productsUpdated: z.number().int(),
  variantsCreated: z.number().int(),
  variantsUpdated: z.number().int(),
  rejected: z.array(rejectedRow),
});
export type CatalogImportReport = z.infer<typeof catalogImportReport>;
