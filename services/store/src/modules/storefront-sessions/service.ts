import type { Database } from '@makrx/db';
import type { VerifiedLogout } from '@makrx/auth';
import { and, desc, eq, lt, sql } from 'drizzle-orm';
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

/** The user's ended store sessions, newest first: what the store was told, and when. */
export async function endedSessionsOf(db: Database, userId: string, limit = 50) {
  const rows = await db
    .select({ endedAt: endedStorefrontSessions.endedAt })
    .from(endedStorefrontSessions)
    .where(eq(endedStorefrontSessions.sub, userId))
    .orderBy(desc(endedStorefrontSessions.endedAt))
    .limit(limit);
  return rows.map((row) => ({ endedAt: row.endedAt.toISOString() }));
}

/** Forgets a deleted account's ended sessions (its tokens are refused by the erased-account gate). */
export async function eraseEndedSessionsOf(tx: Database, userId: string): Promise<number> {
  return (
    await tx
      .delete(endedStorefrontSessions)
      .where(eq(endedStorefrontSessions.sub, userId))
      .returning({ sid: endedStorefrontSessions.sid })
  ).length;
}

/** Forgets ended sessions older than any store session cookie can be (30 days). */
export async function forgetOldEndedSessions(db: Database): Promise<number> {
  const removed = await db
    .delete(endedStorefrontSessions)
    .where(lt(endedStorefrontSessions.endedAt, sql`now() - interval '31 days'`))
    .returning({ sid: endedStorefrontSessions.sid });
  return removed.length;
}
