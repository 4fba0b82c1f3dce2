import type { Database } from '@makrx/db';
import { eq, inArray, sql, type SQL } from 'drizzle-orm';
import { categories, products, productVariants } from './tables';

/**
 * What the rest of the store reads about variants: the cart shows them, checkout prices them,
 * the cave finds them by code. Read here so no other module joins the catalog's tables.
 */
export interface VariantView {
  variantId: string;
  productId: string;
  sku: string;
  options: Record<string, string>;
  priceCents: number;
  /** Units that can still be sold now; taken for real only by `takeStock`. */
  stock: number;
  productName: string;
  productSlug: string;
  /** The variant's own picture, or its product's. */
  imageUrl: string;
  currency: string;
  /** False once it or its product was archived: it can no longer be carted, quoted or ordered. */
  onSale: boolean;
}

const viewColumns = {
  variantId: productVariants.id,
  productId: productVariants.productId,
  sku: productVariants.sku,
  options: productVariants.options,
  priceCents: productVariants.priceCents,
  stock: productVariants.stock,
  productName: products.name,
  productSlug: products.slug,
  imageUrl: sql<string>`coalesce(${productVariants.imageUrl}, ${products.imageUrl})`,
  currency: products.currency,
  onSale: sql<boolean>`${products.archivedAt} is null and ${productVariants.archivedAt} is null`,
};

const variantsWhere = (db: Database, where: SQL) =>
  db
    .select(viewColumns)
    .from(productVariants)
    .innerJoin(products, eq(products.id, productVariants.productId))
    .where(where);

/** The variants of these ids that exist, on sale or not, in no particular order. */
export async function variantsById(db: Database, ids: readonly string[]): Promise<VariantView[]> {
  if (ids.length === 0) return [];
  return variantsWhere(db, inArray(productVariants.id, [...ids]));
}

/** Variants by SKU, for the cave's codes (product SKUs are their first variant's). */
export async function variantsBySku(db: Database, skus: readonly string[]): Promise<VariantView[]> {
  if (skus.length === 0) return [];
  return variantsWhere(db, inArray(productVariants.sku, [...skus]));
}

/** Products by id: their names as an order line keeps them, and the currency they sell in. */
export async function productsById(db: Database, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return db
    .select({
      id: products.id,
      name: products.name,
      slug: products.slug,
      currency: products.currency,
    })
    .from(products)
    .where(inArray(products.id, [...new Set(ids)]));
}

/** Each variant's category slug, for telling MakrX.org what kinds of things were bought. */
export async function categoryOfVariants(
  db: Database,
  variantIds: readonly string[],
): Promise<Map<string, string>> {
  if (variantIds.length === 0) return new Map();
  const rows = await db
    .select({ variantId: productVariants.id, categorySlug: categories.slug })
    .from(productVariants)
    .innerJoin(products, eq(products.id, productVariants.productId))
    .innerJoin(categories, eq(categories.id, products.categoryId))
    .where(inArray(productVariants.id, [...new Set(variantIds)]));
  return new Map(rows.map((row) => [row.variantId, row.categorySlug]));
}
