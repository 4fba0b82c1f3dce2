import { createHash } from 'node:crypto';
import { desc, sql } from 'drizzle-orm';
import type { Database } from './connect';
import { auditLogs } from './shared-tables';

export interface AuditEntry {
  service: 'auth' | 'cave' | 'store';
  action: string;
  entityType: string;
  entityId: string;
  actorId?: string | null;
  before?: unknown;
  after?: unknown;
  requestId?: string | null;
}

/** The `prev_hash` of the first row of the chain. */
export const GENESIS_HASH = '0'.repeat(64);

/**
 * One lock key for every writer of the audit log, on every service and instance: appending
 * is serialized, so each row's prev_hash is the hash of the row before it in id order.
 * (The ASCII of "mkxaudit".)
 */
const AUDIT_CHAIN_LOCK = sql`7885072470484183412`;

/** What a row's hash covers, exactly as it reads back from the database. */
export interface AuditHashInput {
  prevHash: string;
  id: number;
  occurredAt: Date;
  service: string;
  actorId: string | null;
  action: string;
  entityType: string;
  entityId: string;
  before: unknown;
  after: unknown;
  requestId: string | null;
}

/**
 * JSON with object keys sorted at every depth, so a jsonb round trip (which re-orders keys
 * and drops whitespace) gives the same text.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map((v) => canonicalJson(v)).join(',')}]`;
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record)
    .filter((k) => record[k] !== undefined)
    .sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(record[k])}`).join(',')}}`;
}

/** What jsonb stores for a value: Dates become strings, undefined becomes null. */
const asStoredJson = (value: unknown): unknown =>
  value === undefined || value === null ? null : (JSON.parse(JSON.stringify(value)) as unknown);

/** sha256 (hex) of the canonical serialization of a row. */
export function auditRowHash(row: AuditHashInput): string {
  const canonical = canonicalJson({
    prev_hash: row.prevHash,
    id: row.id,
    occurred_at: row.occurredAt.toISOString(),
    service: row.service,
    actor_id: row.actorId,
    action: row.action,
    entity_type: row.entityType,
    entity_id: row.entityId,
    before: row.before ?? null,
    after: row.after ?? null,
    request_id: row.requestId,
  });
  return createHash('sha256').update(canonical).digest('hex');
}

/**
 * Appends one row to the shared audit log (DESIGN "Cross-domain rules"): who, what, when,
 * before and after. Pass the transaction that makes the change, so both commit together.
 *
 * Rows are hash-chained: each carries the hash of the row before it and its own hash over
 * its content, so an edited or deleted row shows up in `verifyAuditChain`. Writers take a
 * transaction-scoped advisory lock, so the chain has one order; within a caller's transaction
 * this is a savepoint and the lock is held until that transaction ends.
 */
export async function recordAudit(db: Database, entry: AuditEntry): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK})`);
    const [last] = await tx
      .select({ hash: auditLogs.hash })
      .from(auditLogs)
      .orderBy(desc(auditLogs.id))
      .limit(1);
    const {
      rows: [next],
    } = await tx.execute<{ id: string | number }>(
      sql`select nextval(pg_get_serial_sequence('public.audit_logs', 'id')) as id`,
    );
    if (!next) throw new Error('audit_logs: no id from its sequence');
    const row = {
      prevHash: last?.hash ?? GENESIS_HASH,
      id: Number(next.id),
      // Milliseconds, as a JS Date reads back: the hash must survive the round trip.
      occurredAt: new Date(),
      service: entry.service,
      actorId: entry.actorId ?? null,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId,
      before: asStoredJson(entry.before),
      after: asStoredJson(entry.after),
      requestId: entry.requestId ?? null,
    };
    await tx.insert(auditLogs).values({ ...row, hash: auditRowHash(row) });
  });
}
