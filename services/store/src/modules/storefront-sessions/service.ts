import type { Database } from '@makrx/db';
import type { VerifiedLogout } from '@makrx/auth';
import { and, eq, lt, sql } from 'drizzle-orm';
import { endedStorefrontSessions } from './tables';

/**
 * Records that a store session ended. A token naming no sid (every session of a user) has
 * nothing to record: the store registers `backchannel_logout_session_required`, and the
 * provider's revoked refresh tokens end those sessions at their next refresh.
 */
export async function recordEndedSession(db: Database, logout: VerifiedLogout): Promise<boolean> {
  if (!logout.sid || !logout.sub) return false;
  const inserted = await db
    .insert(endedStorefrontSessions)
    .values({ sid: logout.sid, sub: logout.sub, jti: logout.jti })
    .onConflictDoNothing()
    .returning({ sid: endedStorefrontSessions.sid });
  return inserted.length > 0;
}

/** Whether `userId`'s store session `sid` has ended; another user's sid reads as not ended. */
export async function hasSessionEnded(db: Database, userId: string, sid: string) {
  const [row] = await db
    .select({ sid: endedStorefrontSessions.sid })
    .from(endedStorefrontSessions)
    .where(and(eq(endedStorefrontSessions.sid, sid), eq(endedStorefrontSessions.sub, userId)));
  return row !== undefined;
}

/** Forgets ended sessions older than any store session cookie can be (30 days). */
export async function forgetOldEndedSessions(db: Database): Promise<number> {
  const removed = await db
    .delete(endedStorefrontSessions)
    .where(lt(endedStorefrontSessions.endedAt, sql`now() - interval '31 days'`))
    .returning({ sid: endedStorefrontSessions.sid });
  return removed.length;
}
