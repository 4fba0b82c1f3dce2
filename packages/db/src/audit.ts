import { createHash } from 'node:crypto';
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
 * The row goes in unsealed: a plain insert that waits for no other writer. The audit
 * sequencer (`./audit-sequencer.ts`) seals it into the hash chain once it has committed, within
 * AUDIT_MAX_MERGE_DELAY_MS; from then on an edit or a deletion shows up in `verifyAuditChain`.
 */
export async function recordAudit(db: Database, entry: AuditEntry): Promise<void> {
  await db.insert(auditLogs).values({
    // Milliseconds, all a JS Date holds: the hash, computed from the row as it reads back,
    // then covers the whole stored value (now() would store microseconds).
    occurredAt: new Date(),
    service: entry.service,
    actorId: entry.actorId ?? null,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId,
    before: entry.before ?? null,
    after: entry.after ?? null,
    requestId: entry.requestId ?? null,
  });
}
