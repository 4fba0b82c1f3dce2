import type { Database } from '@makrx/db';
import { and, eq, inArray, sql, type SQL } from 'drizzle-orm';
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

/**
 * A product by its slug, on sale or not, with every variant's id: what a buyer may have bought
 * it as (reviews ask the orders about those variants). Undefined when there is no such product.
 */
export async function productWithVariantsBySlug(db: Database, slug: string) {
  const rows = await db
    .select({
      id: products.id,
      name: products.name,
      slug: products.slug,
      variantId: productVariants.id,
    })
    .from(products)
    .leftJoin(productVariants, eq(productVariants.productId, products.id))
    .where(eq(products.slug, slug));
  const [first] = rows;
  if (!first) return undefined;
  const variantIds = rows.flatMap((row) => (row.variantId ? [row.variantId] : []));
  return { id: first.id, name: first.name, slug: first.slug, variantIds };
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

/**
 * Which of these products sit in one of these categories or anywhere below them (a discount
 * code limited to categories applies to their subcategories too).
 */
export async function productsUnderCategories(
  db: Database,
  categoryIds: readonly string[],
  productIds: readonly string[],
): Promise<Set<string>> {
  if (categoryIds.length === 0 || productIds.length === 0) return new Set();
  const wanted = sql.join(
    [...new Set(categoryIds)].map((id) => sql`${id}::uuid`),
    sql`, `,
  );
  const rows = await db
    .select({ id: products.id })
    .from(products)
    .where(
      and(
        inArray(products.id, [...new Set(productIds)]),
        sql`${products.categoryId} in (
          with recursive under(id) as (
            select id from ${categories} where id in (${wanted})
            union
            select c.id from ${categories} c join under on c.parent_id = under.id
          )
          select id from under)`,
      ),
    );
  return new Set(rows.map((row) => row.id));
}

/** Categories by slug or by id, for forms and lists that name them. */
export async function categoriesNamed(
  db: Database,
  which: { slugs: readonly string[] } | { ids: readonly string[] },
): Promise<{ id: string; slug: string; name: string }[]> {
  const list = 'slugs' in which ? which.slugs : which.ids;
  if (list.length === 0) return [];
  return db
    .select({ id: categories.id, slug: categories.slug, name: categories.name })
    .from(categories)
    .where(inArray('slugs' in which ? categories.slug : categories.id, [...new Set(list)]));
}
