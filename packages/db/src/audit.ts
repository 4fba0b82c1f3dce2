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

/**
 * Appends one row to the shared audit log (DESIGN "Cross-domain rules"): who, what, when,
 * before and after. Pass the transaction that makes the change, so both commit together.
 */
export async function recordAudit(db: Database, entry: AuditEntry): Promise<void> {
  await db.insert(auditLogs).values({
    service: entry.service,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId,
    actorId: entry.actorId ?? null,
    before: entry.before ?? null,
    after: entry.after ?? null,
    requestId: entry.requestId ?? null,
  });
}
