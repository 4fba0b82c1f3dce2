import { sql, type SQL, type SQLWrapper } from 'drizzle-orm';

/**
 * PostgreSQL full-text search the way every service's search uses it: English stemming (so
 * "printers" finds "printer"), the web search syntax people type ("laser -wood", quotes),
 * and an excerpt around the words that matched.
 */
export function webSearchQuery(text: string): SQL {
  return sql`websearch_to_tsquery('english', ${text})`;
}

/** How well `document` (a tsvector expression) matches `query`, for ordering. */
export function searchRank(document: SQLWrapper, query: SQLWrapper): SQL<number> {
  return sql<number>`ts_rank(${document}, ${query})`;
}

/**
 * Cover density ranking (ts_rank_cd): how well, and how closely together, the query's words
 * occur in `document`, each occurrence counted by its weight (A 1.0, B 0.4, C 0.2, D 0.1), so
 * a word in a name outranks the same word in a description.
 */
export function searchCoverRank(document: SQLWrapper, query: SQLWrapper): SQL<number> {
  return sql<number>`ts_rank_cd(${document}, ${query})`;
}

/**
 * A type-ahead's query: every word of `text` as a prefix (`"pla fil"` finds "PLA Filament"), or
 * null when `text` has no word. Only letters and digits reach to_tsquery, so its operators
 * cannot be typed in.
 */
export function prefixSearchQuery(text: string): SQL | null {
  const words = text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  if (words.length === 0) return null;
  return sql`to_tsquery('english', ${words.map((word) => `${word}:*`).join(' & ')})`;
}

/** About 15–30 words of `source` around what matched, plain text (no markup). */
export function searchHeadline(source: SQLWrapper, query: SQLWrapper): SQL<string> {
  return sql<string>`ts_headline('english', ${source}, ${query}, 'MaxWords=30, MinWords=15, StartSel="", StopSel=""')`;
}

/** The headline with an ellipsis wherever it cuts `source` short. */
export function searchExcerpt(source: string, headline: string): string {
  const at = source.indexOf(headline);
  if (at < 0) return headline;
  return `${at > 0 ? '…' : ''}${headline}${at + headline.length < source.length ? '…' : ''}`;
}
