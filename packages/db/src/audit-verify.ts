import { asc, gt } from 'drizzle-orm';
import { auditRowHash, GENESIS_HASH } from './audit';
import type { Database } from './connect';
import { auditLogs } from './shared-tables';

export interface BrokenAuditRow {
  id: number;
  /**
   * `hash-mismatch`: the row's content no longer matches its hash (it was edited).
   * `chain-break`: the row's prev_hash is not the hash of the row before it (a row before it
   * was deleted, inserted or re-hashed).
   */
  reason: 'hash-mismatch' | 'chain-break';
}

export interface AuditChainReport {
  /** Rows checked: every chained row (rows from before the chain existed are skipped). */
  checked: number;
  broken: BrokenAuditRow[];
}

const BATCH = 1000;

/**
 * Walks the audit log in id order, in batches, recomputing each row's hash and checking it
 * links to the row before it. An edited row is reported as `hash-mismatch`; a deleted row as a
 * `chain-break` at the row after it.
 */
export async function verifyAuditChain(db: Database): Promise<AuditChainReport> {
  const broken: BrokenAuditRow[] = [];
  let checked = 0;
  let expectedPrev = GENESIS_HASH;
  let chainStarted = false;
  let afterId = 0;
  for (;;) {
    const rows = await db
      .select()
      .from(auditLogs)
      .where(gt(auditLogs.id, afterId))
      .orderBy(asc(auditLogs.id))
      .limit(BATCH);
    for (const row of rows) {
      afterId = row.id;
      if (row.hash === null || row.prevHash === null) {
        // Rows from before the chain may only precede it.
        if (chainStarted) {
          checked += 1;
          broken.push({ id: row.id, reason: 'hash-mismatch' });
        }
        continue;
      }
      chainStarted = true;
      checked += 1;
      const actual = auditRowHash({ ...row, prevHash: row.prevHash });
      if (actual !== row.hash) broken.push({ id: row.id, reason: 'hash-mismatch' });
      else if (row.prevHash !== expectedPrev) broken.push({ id: row.id, reason: 'chain-break' });
      expectedPrev = row.hash;
    }
    if (rows.length < BATCH) break;
  }
  return { checked, broken };
}
