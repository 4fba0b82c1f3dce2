import type { Database } from '@makrx/db';
import { auditLogs } from '@makrx/db/schema';
import { desc, eq } from 'drizzle-orm';

/** How many of a person's own audited actions their export lists, newest first. */
const OWN_ACTIONS_IN_EXPORT = 1000;

/** The audited actions a user took (any service), for their export. */
export const ownAuditedActionsOf = (db: Database, userId: string) =>
  db
    .select({
      occurredAt: auditLogs.occurredAt,
      service: auditLogs.service,
      action: auditLogs.action,
      entityType: auditLogs.entityType,
      entityId: auditLogs.entityId,
    })
    .from(auditLogs)
    .where(eq(auditLogs.actorId, userId))
    .orderBy(desc(auditLogs.occurredAt))
    .limit(OWN_ACTIONS_IN_EXPORT);
