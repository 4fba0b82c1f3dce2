import type {
  Category,
  Product,
  ProductListQuery,
  ProductPage,
  ProductSort,
} from '@makrx/contracts';
import type { Database } from '@makrx/db';
import { asc, desc, eq, sql, type SQL } from 'drizzle-orm';
import { categories, products } from './tables';

const ORDER: Record<ProductSort, SQL[]> = {
  featured: [sql`${products.featuredRank} asc nulls last`, asc(products.name)],
  'price-asc': [asc(products.priceCents), asc(products.name)],
  'price-desc': [desc(products.priceCents), asc(products.name)],
  name: [asc(products.name)],
  newest: [desc(products.createdAt), asc(products.name)],
};

const summaryColumns = {
  id: products.id,
  sku: products.sku,
  slug: products.slug,
  name: products.name,
  brand: products.brand,
  summary: products.summary,
  priceCents: products.priceCents,
  currency: products.currency,
  stock: products.stock,
  imageUrl: products.imageUrl,
  categorySlug: categories.slug,
  categoryName: categories.name,
};

type SummaryRow = { [K in keyof typeof summaryColumns]: (typeof summaryColumns)[K]['_']['data'] };

function toSummary(row: SummaryRow) {
  const { categorySlug, categoryName, ...rest } = row;
  return { ...rest, inStock: row.stock > 0, category: { slug: categorySlug, name: categoryName } };
}

/** One page of the catalog, with the total in the same query (a window count). */
export async function listProducts(db: Database, query: ProductListQuery): Promise<ProductPage> {
  const rows = await db
    .select({ ...summaryColumns, total: sql<number>`cast(count(*) over () as integer)` })
    .from(products)
    .innerJoin(categories, eq(products.categoryId, categories.id))
    .where(query.category ? eq(categories.slug, query.category) : undefined)
    .orderBy(...ORDER[query.sort])
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
  const [row] = await db
    .select({ ...summaryColumns, description: products.description, specs: products.specs })
    .from(products)
    .innerJoin(categories, eq(products.categoryId, categories.id))
    .where(eq(products.slug, slug));
  if (!row) return undefined;
  const { description, specs, ...summary } = row;
  return { ...toSummary(summary), description, specs };
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
