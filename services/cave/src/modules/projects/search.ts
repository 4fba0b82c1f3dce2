import type { SearchResult } from '@makrx/contracts';
import {
  searchExcerpt,
  searchHeadline,
  searchRank,
  webSearchQuery,
  type Database,
} from '@makrx/db';
import { and, asc, desc, eq, sql } from 'drizzle-orm';
import { projectSearchDocument, projects } from './tables';

/** Public projects matching `text` (web search syntax), best first; private ones never. */
export async function searchProjects(
  db: Database,
  text: string,
  limit: number,
): Promise<SearchResult[]> {
  const query = webSearchQuery(text);
  const document = projectSearchDocument(projects);
  const source = sql<string>`${projects.summary} || ' ' || ${projects.description}`;
  const rows = await db
    .select({
      id: projects.id,
      slug: projects.slug,
      title: projects.title,
      source,
      headline: searchHeadline(source, query),
    })
    .from(projects)
    .where(and(eq(projects.visibility, 'public'), sql`${document} @@ ${query}`))
    .orderBy(desc(searchRank(document, query)), asc(projects.title))
    .limit(limit);
  return rows.map((row) => ({
    kind: 'project',
    id: row.id,
    title: row.title,
    summary: searchExcerpt(row.source, row.headline),
    url: `/projects/${row.slug}`,
  }));
}
