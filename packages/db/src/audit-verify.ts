import { and, asc, count, gt, gte, isNull, lt } from 'drizzle-orm';
import { auditRowHash, GENESIS_HASH } from './audit';
import { AUDIT_MAX_MERGE_DELAY_MS } from './audit-sequencer';
import type { Database } from './connect';
import { auditLogs } from './shared-tables';

export interface BrokenAuditRow {
  id: number;
  /**
   * `hash-mismatch`: the row's content no longer matches its hash (it was edited).
   * `chain-break`: the row's prev_hash is not the hash of the row before it in the chain (a
   * row before it was deleted, inserted or re-hashed).
   */
  reason: 'hash-mismatch' | 'chain-break';
}

/** A committed row still unsealed past the maximum merge delay. */
export interface OverdueAuditRow {
  id: number;
  occurredAt: Date;
}

export interface AuditChainReport {
  /** Sealed rows checked, in chain order. */
  checked: number;
  broken: BrokenAuditRow[];
  /** Unsealed rows younger than the maximum merge delay: on their way into the chain. */
  pending: number;
  /** Unsealed rows older than that: the sequencer is not running, or failing. */
  overdue: number;
  /** The first of them by id, at most OVERDUE_LISTED. */
  overdueRows: OverdueAuditRow[];
}

export interface VerifyOptions {
  /** The time unsealed rows are judged against; the clock by default. */
  now?: Date;
}

const BATCH = 1000;
const OVERDUE_LISTED = 100;

/**
 * Checks the audit log as of one snapshot: walks the sealed rows in chain order, in batches,
 * recomputing each row's hash and checking it links to the row before it (an edited row is a
 * `hash-mismatch`; a deleted row a `chain-break` at the row after it), then sorts the unsealed
 * rows into pending and overdue by AUDIT_MAX_MERGE_DELAY_MS.
 *
 * A row's occurred_at is when its change was made, a little before its commit; a transaction
 * held open for longer than the delay can show as overdue until the next sequencer round.
 */
export async function verifyAuditChain(
  db: Database,
  { now = new Date() }: VerifyOptions = {},
): Promise<AuditChainReport> {
  const dueBefore = new Date(now.getTime() - AUDIT_MAX_MERGE_DELAY_MS);
  return db.transaction(
    async (tx) => ({ ...(await walkChain(tx)), ...(await sortUnsealed(tx, dueBefore)) }),
    { isolationLevel: 'repeatable read', accessMode: 'read only' },
  );
}

async function walkChain(db: Database): Promise<Pick<AuditChainReport, 'checked' | 'broken'>> {
  const broken: BrokenAuditRow[] = [];
  let checked = 0;
  let expectedPrev = GENESIS_HASH;
  let afterPosition = 0;
  for (;;) {
    const rows = await db
      .select()
      .from(auditLogs)
      .where(gt(auditLogs.chainPosition, afterPosition))
      .orderBy(asc(auditLogs.chainPosition))
      .limit(BATCH);
    for (const row of rows) {
      // audit_logs_sealed_whole: a row with a position has both hashes.
      const [prevHash, hash] = [row.prevHash ?? '', row.hash ?? ''];
      afterPosition = row.chainPosition ?? afterPosition;
      checked += 1;
      if (auditRowHash({ ...row, prevHash }) !== hash) {
        broken.push({ id: row.id, reason: 'hash-mismatch' });
      } else if (prevHash !== expectedPrev) {
        broken.push({ id: row.id, reason: 'chain-break' });
      }
      expectedPrev = hash;
    }
    if (rows.length < BATCH) return { checked, broken };
  }
}

async function sortUnsealed(
  db: Database,
  dueBefore: Date,
): Promise<Pick<AuditChainReport, 'pending' | 'overdue' | 'overdueRows'>> {
  const unsealed = isNull(auditLogs.chainPosition);
  const countWhere = async (condition: ReturnType<typeof and>) =>
    (await db.select({ n: count() }).from(auditLogs).where(condition))[0]?.n ?? 0;
  const overdueRows = await db
    .select({ id: auditLogs.id, occurredAt: auditLogs.occurredAt })
    .from(auditLogs)
    .where(and(unsealed, lt(auditLogs.occurredAt, dueBefore)))
    .orderBy(asc(auditLogs.id))
    .limit(OVERDUE_LISTED);
  return {
    pending: await countWhere(and(unsealed, gte(auditLogs.occurredAt, dueBefore))),
    overdue: await countWhere(and(unsealed, lt(auditLogs.occurredAt, dueBefore))),
    overdueRows,
  };
}
