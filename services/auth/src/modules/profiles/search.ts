import type { SearchResult } from '@makrx/contracts';
import {
  searchExcerpt,
  searchHeadline,
  searchRank,
  webSearchQuery,
  type Database,
} from '@makrx/db';
import { users } from '@makrx/db/schema';
import { asc, desc, eq, sql } from 'drizzle-orm';
import { profileSearchDocument, profiles } from './tables';

/**
 * Maker profiles matching `text` (web search syntax), best first. The display name lives in
 * the shared users table, so it is matched beside the profile's own indexed words.
 */
export async function searchMakers(
  db: Database,
  text: string,
  limit: number,
): Promise<SearchResult[]> {
  const query = webSearchQuery(text);
  const document = profileSearchDocument(profiles);
  const name = sql`setweight(to_tsvector('english', ${users.displayName}), 'A')`;
  const source = sql<string>`${profiles.bio}`;
  const rows = await db
    .select({
      handle: profiles.handle,
      displayName: users.displayName,
      headline: profiles.headline,
      location: profiles.location,
      source,
      excerpt: searchHeadline(source, query),
    })
    .from(profiles)
    .innerJoin(users, eq(users.id, profiles.userId))
    .where(sql`${profiles.public} and (${document} @@ ${query} or ${name} @@ ${query})`)
    .orderBy(desc(searchRank(sql`${name} || ${document}`, query)), asc(users.displayName))
    .limit(limit);
  return rows.map((row) => ({
    kind: 'maker',
    id: row.handle,
    title: row.displayName,
    summary: [row.headline, row.location, row.source && searchExcerpt(row.source, row.excerpt)]
      .filter(Boolean)
      .join(' · '),
    url: `/makers/${row.handle}`,
  }));
}
