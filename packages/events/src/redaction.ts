import type { Database } from '@makrx/db';
import { and, eq, sql } from 'drizzle-orm';
import { outboxEvents } from './tables';

const regexSpecials = /[.*+?^${}()|[\]\\]/g;

/**
 * Replaces words (a deleted account's email and names) wherever they appear in the payloads of
 * one service's outbox events, whatever their case, so a deleted person is not left in events
 * kept after delivery. The payload stays valid JSON: a word is matched as it is written inside
 * a JSON string, and the replacement holds no character JSON would escape.
 */
export async function redactEventPayloads(
  tx: Database,
  source: string,
  words: readonly string[],
  replacement: string,
): Promise<number> {
  let changed = 0;
  for (const word of words.filter((w) => w.trim().length >= 3)) {
    const inJson = JSON.stringify(word).slice(1, -1);
    const pattern = inJson.replace(regexSpecials, '\\$&');
    const rows = await tx
      .update(outboxEvents)
      .set({
        payload: sql`regexp_replace(${outboxEvents.payload}::text, ${pattern}, ${replacement}, 'gi')::jsonb`,
      })
      .where(
        and(
          eq(outboxEvents.source, source),
          sql`${outboxEvents.payload}::text ilike ${'%' + inJson.replace(/[%_\\]/g, '\\$&') + '%'}`,
        ),
      )
      .returning({ id: outboxEvents.id });
    changed += rows.length;
  }
  return changed;
}
