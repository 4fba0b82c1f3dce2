import type { SearchResult } from '@makrx/contracts';
import {
  searchExcerpt,
  searchHeadline,
  searchRank,
  webSearchQuery,
  type Database,
} from '@makrx/db';
import { and, asc, desc, eq, sql } from 'drizzle-orm';
import { makerspaceSearchDocument, makerspaces } from './tables';

/** Public makerspaces matching `text` (web search syntax), best first. */
export async function searchMakerspaces(
  db: Database,
  text: string,
  limit: number,
): Promise<SearchResult[]> {
  const query = webSearchQuery(text);
  const document = makerspaceSearchDocument(makerspaces);
  const source = sql<string>`${makerspaces.tagline} || ' ' || ${makerspaces.description}`;
  const rows = await db
    .select({
      id: makerspaces.id,
      slug: makerspaces.slug,
      name: makerspaces.name,
      city: makerspaces.city,
      source,
      headline: searchHeadline(source, query),
    })
    .from(makerspaces)
    .where(and(eq(makerspaces.isPublic, true), sql`${document} @@ ${query}`))
    .orderBy(desc(searchRank(document, query)), asc(makerspaces.name))
    .limit(limit);
  return rows.map((row) => ({
    kind: 'makerspace',
    id: row.id,
    title: row.name,
    summary: `${row.city} · ${searchExcerpt(row.source, row.headline)}`,
    url: `/makerspaces/${row.slug}`,
  }));
}
