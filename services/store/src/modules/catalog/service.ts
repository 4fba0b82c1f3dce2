import type {
  Category,
  Product,
  ProductListQuery,
  ProductPage,
  ProductSort,
} from '@makrx/contracts';
import type { Database } from '@makrx/db';
import { asc, desc, eq, sql, type SQL } from 'drizzle-orm';
import { categories, products, productVariants } from './tables';

/** Per product: its lowest variant price and the stock of all its variants together. */
const variantTotals = (db: Database) =>
  db
    .select({
      productId: productVariants.productId,
      priceCents: sql<number>`cast(min(${productVariants.priceCents}) as integer)`.as(
        'price_cents',
      ),
      stock: sql<number>`cast(sum(${productVariants.stock}) as integer)`.as('stock'),
    })
    .from(productVariants)
    .groupBy(productVariants.productId)
    .as('variant_totals');

type VariantTotals = ReturnType<typeof variantTotals>;

const ORDER: Record<ProductSort, (totals: VariantTotals) => SQL[]> = {
  featured: () => [sql`${products.featuredRank} asc nulls last`, asc(products.name)],
  'price-asc': (totals) => [asc(totals.priceCents), asc(products.name)],
  'price-desc': (totals) => [desc(totals.priceCents), asc(products.name)],
  name: () => [asc(products.name)],
  newest: () => [desc(products.createdAt), asc(products.name)],
};

const summaryColumns = (totals: VariantTotals) => ({
  id: products.id,
  sku: products.sku,
  slug: products.slug,
  name: products.name,
  brand: products.brand,
  summary: products.summary,
  priceCents: totals.priceCents,
  currency: products.currency,
  stock: totals.stock,
  imageUrl: products.imageUrl,
  categorySlug: categories.slug,
  categoryName: categories.name,
});

interface SummaryRow {
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

function toSummary(row: SummaryRow) {
  const { categorySlug, categoryName, ...rest } = row;
  return { ...rest, inStock: row.stock > 0, category: { slug: categorySlug, name: categoryName } };
}

/**
 * One page of the catalog, with the total in the same query (a window count). A product shows
 * its lowest variant price ("from") and the stock of all its variants.
 */
export async function listProducts(db: Database, query: ProductListQuery): Promise<ProductPage> {
  const totals = variantTotals(db);
  const rows = await db
    .select({ ...summaryColumns(totals), total: sql<number>`cast(count(*) over () as integer)` })
    .from(products)
    .innerJoin(categories, eq(products.categoryId, categories.id))
    .innerJoin(totals, eq(totals.productId, products.id))
    .where(query.category ? eq(categories.slug, query.category) : undefined)
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
    .where(category ? eq(categories.slug, category) : undefined);
  return row?.total ?? 0;
}

export async function findProduct(db: Database, slug: string): Promise<Product | undefined> {
  const totals = variantTotals(db);
  const [row] = await db
    .select({
      ...summaryColumns(totals),
      description: products.description,
      specs: products.specs,
    })
    .from(products)
    .innerJoin(categories, eq(products.categoryId, categories.id))
    .innerJoin(totals, eq(totals.productId, products.id))
    .where(eq(products.slug, slug));
  if (!row) return undefined;
  const { description, specs, ...summary } = row;
  const variants = await db
    .select({
      id: productVariants.id,
      sku: productVariants.sku,
      options: productVariants.options,
      priceCents: productVariants.priceCents,
      stock: productVariants.stock,
    })
    .from(productVariants)
    .where(eq(productVariants.productId, row.id))
    .orderBy(asc(productVariants.position), asc(productVariants.sku));
  return {
    ...toSummary(summary),
    description,
    specs,
    variants: variants.map((variant) => ({ ...variant, inStock: variant.stock > 0 })),
  };
}

export async function listCategories(db: Database): Promise<Category[]> {
  return db
    .select({
      slug: categories.slug,
      name: categories.name,
      description: categories.description,
      productCount: sql<number>`cast(count(${products.id}) as integer)`,
    })
    .from(categories)
    .leftJoin(products, eq(products.categoryId, categories.id))
    .groupBy(categories.id)
    .orderBy(asc(categories.position), asc(categories.name));
}
