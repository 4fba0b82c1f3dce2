import type { SearchResult, SearchSuggestions } from '@makrx/contracts';
import {
  prefixSearchQuery,
  searchCoverRank,
  searchExcerpt,
  searchHeadline,
  webSearchQuery,
  type Database,
} from '@makrx/db';
import { and, asc, desc, eq, isNull, sql } from 'drizzle-orm';
import { catalogDocument } from './product-search';
import { shownImageUrl, variantTotals } from './products';
import { categories, categoryNameDocument, products } from './tables';

/**
 * Products on sale matching `text` (web search syntax) by name, brand, SKU, description or
 * category name, best first.
 */
export async function searchProducts(
  db: Database,
  text: string,
  limit: number,
): Promise<SearchResult[]> {
  const query = webSearchQuery(text);
  const document = catalogDocument();
  const source = sql<string>`${products.summary} || ' ' || ${products.description}`;
  const rows = await db
    .select({
      id: products.id,
      slug: products.slug,
      name: products.name,
      brand: products.brand,
      imageUrl: products.imageUrl,
      source,
      headline: searchHeadline(source, query),
    })
    .from(products)
    .innerJoin(categories, eq(products.categoryId, categories.id))
    .where(and(isNull(products.archivedAt), sql`${document} @@ ${query}`))
    .orderBy(desc(searchCoverRank(document, query)), asc(products.name))
    .limit(limit);
  return rows.map((row) => ({
    kind: 'product',
    id: row.id,
    title: row.name,
    summary: `${row.brand} · ${searchExcerpt(row.source, row.headline)}`,
    url: `/products/${row.slug}`,
    imageUrl: row.imageUrl,
  }));
}

const SUGGESTED_PRODUCTS = 6;
const SUGGESTED_CATEGORIES = 3;

/**
 * What the header's search box offers as a shopper types: the products and categories whose
 * words begin with what was typed ("fila" → Filament), best first.
 */
export async function suggestSearches(db: Database, text: string): Promise<SearchSuggestions> {
  const query = prefixSearchQuery(text);
  if (!query) return { products: [], categories: [] };
  const document = catalogDocument();
  const totals = variantTotals(db);
  const [found, shelves] = await Promise.all([
    db
      .select({
        slug: products.slug,
        name: products.name,
        priceCents: totals.priceCents,
        currency: products.currency,
        imageUrl: shownImageUrl,
      })
      .from(products)
      .innerJoin(categories, eq(products.categoryId, categories.id))
      .innerJoin(totals, eq(totals.productId, products.id))
      .where(and(isNull(products.archivedAt), sql`${document} @@ ${query}`))
      .orderBy(desc(searchCoverRank(document, query)), asc(products.name))
      .limit(SUGGESTED_PRODUCTS),
    db
      .select({ slug: categories.slug, name: categories.name })
      .from(categories)
      .where(sql`${categoryNameDocument(categories)} @@ ${query}`)
      .orderBy(asc(categories.position), asc(categories.name))
      .limit(SUGGESTED_CATEGORIES),
  ]);
  return { products: found, categories: shelves };
}
