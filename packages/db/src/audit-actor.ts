import { eq } from 'drizzle-orm';
import { recordAudit, type AuditEntry } from './audit';
import type { Database } from './connect';
import { users } from './shared-tables';

/**
 * The audit log's actor must be a known account; a token's subject that the shared users
 * table does not hold yet (a first purchase right after sign-up) is kept in `after` instead.
 */
export async function auditActor(db: Database, userId: string | null): Promise<string | null> {
  if (!userId) return null;
  const [known] = await db.select({ id: users.id }).from(users).where(eq(users.id, userId));
  return known?.id ?? null;
}

/** Who asked for a change: the signed-in user and the request that carried it. */
export interface AuditRequester {
  userId: string;
  requestId: string;
}

/**
 * Audits a change a signed-in request made: the actor when the users table knows them,
 * otherwise their id kept beside the change in `after`.
 */
export async function recordAuditBy(
  db: Database,
  requester: AuditRequester,
  entry: Omit<AuditEntry, 'actorId' | 'requestId'>,
): Promise<void> {
  const actorId = await auditActor(db, requester.userId);
  await recordAudit(db, {
    ...entry,
    actorId,
    requestId: requester.requestId,
    ...(actorId ? {} : { after: { ...(entry.after as object), byUserId: requester.userId } }),
  });
}
