import type { Product, ProductListQuery, ProductPage, ProductSort } from '@makrx/contracts';
import type { Database } from '@makrx/db';
import { and, asc, desc, eq, isNull, sql, type SQL } from 'drizzle-orm';
import { inCategorySubtree, loadCategoryTree } from './category-tree';
import { categories, productImages, products, productVariants } from './tables';

/** Per product: its lowest price and the stock of its variants on sale together. */
export const variantTotals = (db: Database) =>
  db
    .select({
      productId: productVariants.productId,
      priceCents: sql<number>`cast(min(${productVariants.priceCents}) as integer)`.as(
        'price_cents',
      ),
      stock: sql<number>`cast(sum(${productVariants.stock}) as integer)`.as('stock'),
    })
    .from(productVariants)
    .where(isNull(productVariants.archivedAt))
    .groupBy(productVariants.productId)
    .as('variant_totals');

export type VariantTotals = ReturnType<typeof variantTotals>;

const ORDER: Record<ProductSort, (totals: VariantTotals) => SQL[]> = {
  featured: () => [sql`${products.featuredRank} asc nulls last`, asc(products.name)],
  'price-asc': (totals) => [asc(totals.priceCents), asc(products.name)],
  'price-desc': (totals) => [desc(totals.priceCents), asc(products.name)],
  name: () => [asc(products.name)],
  newest: () => [desc(products.createdAt), asc(products.name)],
};

/** The first uploaded image when there is one, else the product's own `image_url`. */
export const shownImageUrl = sql<string>`coalesce((
  select '/media/images/' || substr(pi.storage_key, length('products/') + 1)
  from store.product_images pi where pi.product_id = ${products.id}
  order by pi.position, pi.created_at limit 1), ${products.imageUrl})`;

export const summaryColumns = (totals: VariantTotals) => ({
  id: products.id,
  sku: products.sku,
  slug: products.slug,
  name: products.name,
  brand: products.brand,
  summary: products.summary,
  priceCents: totals.priceCents,
  currency: products.currency,
  stock: totals.stock,
  imageUrl: shownImageUrl,
  categorySlug: categories.slug,
  categoryName: categories.name,
});

export interface SummaryRow {
  id: string;
  sku: string;
  slug: string;
  name: string;
  brand: string;
  summary: string;
  priceCents: number;
  currency: string;
  stock: number;
  imageUrl: string;
  categorySlug: string;
  categoryName: string;
}

export function toSummary(row: SummaryRow) {
  const { categorySlug, categoryName, ...rest } = row;
  return { ...rest, inStock: row.stock > 0, category: { slug: categorySlug, name: categoryName } };
}

/** What a guest may see: products on sale, in the category's subtree when one is given. */
function listedProducts(category: string | undefined): SQL | undefined {
  return and(
    isNull(products.archivedAt),
    category ? inCategorySubtree(products.categoryId, category) : undefined,
  );
}

/**
 * One page of the catalog, with the total in the same query (a window count). A product shows
 * its lowest variant price ("from") and the stock of all its variants. A category lists the
 * products of its descendants too.
 */
export async function listProducts(db: Database, query: ProductListQuery): Promise<ProductPage> {
  const totals = variantTotals(db);
  const rows = await db
    .select({ ...summaryColumns(totals), total: sql<number>`cast(count(*) over () as integer)` })
    .from(products)
    .innerJoin(categories, eq(products.categoryId, categories.id))
    .innerJoin(totals, eq(totals.productId, products.id))
    .where(listedProducts(query.category))
    .orderBy(...ORDER[query.sort](totals))
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize);
  const total = rows[0]?.total ?? (query.page > 1 ? await countProducts(db, query.category) : 0);
  return {
    items: rows.map(({ total: _total, ...row }) => toSummary(row)),
    page: query.page,
    pageSize: query.pageSize,
    total,
    totalPages: Math.ceil(total / query.pageSize),
  };
}

async function countProducts(db: Database, category: string | undefined): Promise<number> {
  const [row] = await db
    .select({ total: sql<number>`cast(count(*) as integer)` })
    .from(products)
    .innerJoin(categories, eq(products.categoryId, categories.id))
    .where(listedProducts(category));
  return row?.total ?? 0;
}

export async function findProduct(db: Database, slug: string): Promise<Product | undefined> {
  const totals = variantTotals(db);
  const [row] = await db
    .select({
      ...summaryColumns(totals),
      description: products.description,
      specs: products.specs,
      categoryId: products.categoryId,
    })
    .from(products)
    .innerJoin(categories, eq(products.categoryId, categories.id))
    .innerJoin(totals, eq(totals.productId, products.id))
    .where(and(eq(products.slug, slug), isNull(products.archivedAt)));
  if (!row) return undefined;
  const { description, specs, categoryId, ...summary } = row;
  const [tree, images] = await Promise.all([loadCategoryTree(db), listProductImages(db, row.id)]);
  const variants = await db
    .select({
      id: productVariants.id,
      sku: productVariants.sku,
      options: productVariants.options,
      priceCents: productVariants.priceCents,
      stock: productVariants.stock,
      imageUrl: productVariants.imageUrl,
    })
    .from(productVariants)
    .where(and(eq(productVariants.productId, row.id), isNull(productVariants.archivedAt)))
    .orderBy(asc(productVariants.position), asc(productVariants.sku));
  return {
    ...toSummary(summary),
    description,
    specs,
    categoryPath: tree.pathTo(categoryId),
    images,
    variants: variants.map((variant) => ({ ...variant, inStock: variant.stock > 0 })),
  };
}

/** The product's uploaded images in display order, with the public URLs they are served at. */
export async function listProductImages(db: Database, productId: string) {
  const rows = await db
    .select({
      id: productImages.id,
      storageKey: productImages.storageKey,
      alt: productImages.alt,
      position: productImages.position,
    })
    .from(productImages)
    .where(eq(productImages.productId, productId))
    .orderBy(asc(productImages.position), asc(productImages.createdAt));
  return rows.map(({ storageKey, ...image }) => ({ ...image, url: imageUrlOf(storageKey) }));
}

/** Images are public: `/media/images/<key without the bucket folder>` (decision 0006). */
export function imageUrlOf(storageKey: string): string {
  return `/media/images/${storageKey.replace(/^products\//, '')}`;
}
