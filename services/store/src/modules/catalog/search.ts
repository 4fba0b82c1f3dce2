import type { SearchResult } from '@makrx/contracts';
import {
  searchExcerpt,
  searchHeadline,
  searchRank,
  webSearchQuery,
  type Database,
} from '@makrx/db';
import { and, asc, desc, isNull, sql } from 'drizzle-orm';
import { productSearchDocument, products } from './tables';

/**
 * Products on sale matching `text` (web search syntax) by name, brand, SKU or description,
 * best first.
 */
export async function searchProducts(
  db: Database,
  text: string,
  limit: number,
): Promise<SearchResult[]> {
  const query = webSearchQuery(text);
  const document = productSearchDocument(products);
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
    .where(and(isNull(products.archivedAt), sql`${document} @@ ${query}`))
    .orderBy(desc(searchRank(document, query)), asc(products.name))
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
