import type { ActiveSession } from '@makrx/contracts';
import { AppError } from '@makrx/contracts';
import type { Database } from '@makrx/db';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type Provider from 'oidc-provider';
import type { KoaContextWithOIDC } from 'oidc-provider';
import { sendBackchannelLogout } from './backchannel-logout';
import { backchannelLogoutUris, type ClientSettings } from './clients';
import { endSessionsOf } from './sessions';
import { oidcModels, sessionDevices } from './tables';

/** What oidc-provider stores for a browser session (its Session model's payload). */
interface SessionPayload {
  uid: string;
  accountId?: string;
  loginTs?: number;
  authorizations?: Record<string, { sid?: string; grantId?: string }>;
}

/**
 * Notes what each signed-in browser session is seen from: its user agent and address at every
 * authorization (a sign-in, or an app's silent check), and its last use at every token grant.
 */
export function recordSessionActivity(provider: Provider, db: Database): void {
  provider.on('authorization.success', (ctx: KoaContextWithOIDC) => {
    const session = ctx.oidc.session;
    if (!session?.accountId) return;
    const seen = {
      userAgent: ctx.get('user-agent').slice(0, 512) || null,
      ipAddress: ctx.ip || null,
      lastActiveAt: new Date(),
    };
    void db
      .insert(sessionDevices)
      .values({ sessionUid: session.uid, userId: session.accountId, ...seen })
      .onConflictDoUpdate({ target: sessionDevices.sessionUid, set: seen })
      .catch(() => {});
  });
  provider.on('grant.success', (ctx: KoaContextWithOIDC) => {
    const entities = ctx.oidc.entities as { RefreshToken?: { sessionUid?: string } };
    const uid = entities.RefreshToken?.sessionUid;
    if (!uid) return;
    void db
      .update(sessionDevices)
      .set({ lastActiveAt: new Date() })
      .where(eq(sessionDevices.sessionUid, uid))
      .catch(() => {});
  });
}

async function sessionsOf(db: Database, userId: string, uid?: string) {
  return db
    .select({
      id: oidcModels.id,
      payload: oidcModels.payload,
      device: {
        userAgent: sessionDevices.userAgent,
        ipAddress: sessionDevices.ipAddress,
        signedInAt: sessionDevices.signedInAt,
        lastActiveAt: sessionDevices.lastActiveAt,
      },
    })
    .from(oidcModels)
    .leftJoin(sessionDevices, eq(sessionDevices.sessionUid, oidcModels.uid))
    .where(
      and(
        eq(oidcModels.model, 'Session'),
        sql`${oidcModels.payload}->>'accountId' = ${userId}`,
        sql`(${oidcModels.expiresAt} is null or ${oidcModels.expiresAt} > now())`,
        uid ? eq(oidcModels.uid, uid) : undefined,
      ),
    );
}

/** The user's signed-in browser sessions, most recently active first. */
export async function listActiveSessions(
  db: Database,
  userId: string,
  currentSessionUid: string | null,
): Promise<ActiveSession[]> {
  const rows = await sessionsOf(db, userId);
  return rows
    .map(({ payload, device }) => {
      const session = payload as unknown as SessionPayload;
      const signedIn = device?.signedInAt ?? new Date((session.loginTs ?? 0) * 1000);
      return {
        id: session.uid,
        userAgent: device?.userAgent ?? null,
        ipAddress: device?.ipAddress ?? null,
        signedInAt: signedIn.toISOString(),
        lastActiveAt: (device?.lastActiveAt ?? signedIn).toISOString(),
        current: session.uid === currentSessionUid,
        apps: Object.keys(session.authorizations ?? {}).sort(),
      };
    })
    .sort((a, b) => b.lastActiveAt.localeCompare(a.lastActiveAt));
}

export interface SessionEnding extends ClientSettings {
  issuer: string;
}

/**
 * Ends the user's browser sessions (one by its id, or all): their grants and refresh tokens are
 * revoked, so every app refreshing under them is refused, and the apps registered for
 * back-channel logout (the store) are told at once. Another user's session id is unknown here:
 * 404, as for one that never existed.
 */
export async function endActiveSessions(
  db: Database,
  settings: SessionEnding,
  userId: string,
  which: { sessionId: string } | 'all',
): Promise<number> {
  const rows = await sessionsOf(db, userId, which === 'all' ? undefined : which.sessionId);
  if (which !== 'all' && rows.length === 0) {
    throw new AppError(404, 'NOT_FOUND', 'No session of yours has this id.');
  }
  const uris = backchannelLogoutUris(settings.appUrls);
  const notices: Array<{ clientId: string; sid: string }> = [];
  const grantIds: string[] = [];
  for (const { payload } of rows) {
    const session = payload as unknown as SessionPayload;
    for (const [clientId, authorization] of Object.entries(session.authorizations ?? {})) {
      if (authorization.grantId) grantIds.push(authorization.grantId);
      if (uris[clientId] && authorization.sid) notices.push({ clientId, sid: authorization.sid });
    }
  }
  await db.transaction(async (tx) => {
    if (grantIds.length > 0) {
      await tx.delete(oidcModels).where(inArray(oidcModels.grantId, grantIds));
      await tx
        .delete(oidcModels)
        .where(and(eq(oidcModels.model, 'Grant'), inArray(oidcModels.id, grantIds)));
    }
    if (rows.length > 0) {
      await tx.delete(oidcModels).where(
        and(
          eq(oidcModels.model, 'Session'),
          inArray(
            oidcModels.id,
            rows.map((row) => row.id),
          ),
        ),
      );
    }
    // Everywhere also means tokens whose browser session is already gone.
    if (which === 'all') await endSessionsOf(tx, userId);
    const uids = rows.map((row) => (row.payload as unknown as SessionPayload).uid);
    if (uids.length > 0) {
      await tx.delete(sessionDevices).where(inArray(sessionDevices.sessionUid, uids));
    }
  });
  await Promise.all(
    notices.map(({ clientId, sid }) =>
      sendBackchannelLogout(db, {
        issuer: settings.issuer,
        clientId,
        uri: uris[clientId]!,
        sub: userId,
        sid,
      }),
    ),
  );
  return rows.length;
}
