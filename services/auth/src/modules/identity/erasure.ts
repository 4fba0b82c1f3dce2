import type { Database } from '@makrx/db';
import { users } from '@makrx/db/schema';
import { eq, or, sql } from 'drizzle-orm';
import { endSessionsOf } from './sessions';
import {
  actionTokens,
  adminLocks,
  credentials,
  federatedIdentities,
  passkeys,
  sessionDevices,
  signInFailures,
  userRoles,
  webauthnChallenges,
} from './tables';

/** Challenges issued to the user, or holding their sign-up address until the passkey was made. */
const challengesOf = (userId: string, email: string) =>
  or(
    eq(webauthnChallenges.userId, userId),
    sql`lower(${webauthnChallenges.signUp}->>'email') = lower(${email})`,
  );

/** What the identity provider holds about a user, for their data export. */
export async function identityExportOf(db: Database, userId: string) {
  const [account] = await db
    .select({
      id: users.id,
      email: users.email,
      username: users.username,
      displayName: users.displayName,
      emailVerified: users.emailVerified,
      createdAt: users.createdAt,
    })
    .from(users)
    .where(eq(users.id, userId));
  const roles = await db
    .select({ role: userRoles.role, grantedAt: userRoles.grantedAt })
    .from(userRoles)
    .where(eq(userRoles.userId, userId));
  const linkedAccounts = await db
    .select({ provider: federatedIdentities.provider, linkedAt: federatedIdentities.linkedAt })
    .from(federatedIdentities)
    .where(eq(federatedIdentities.userId, userId));
  const [password] = await db
    .select({ changedAt: credentials.updatedAt })
    .from(credentials)
    .where(eq(credentials.userId, userId));
  // What each browser session was seen from; passkeys by name and dates, never their keys.
  const sessions = await db
    .select({
      userAgent: sessionDevices.userAgent,
      ipAddress: sessionDevices.ipAddress,
      signedInAt: sessionDevices.signedInAt,
      lastActiveAt: sessionDevices.lastActiveAt,
    })
    .from(sessionDevices)
    .where(eq(sessionDevices.userId, userId));
  const userPasskeys = await db
    .select({
      name: passkeys.name,
      deviceType: passkeys.deviceType,
      backedUp: passkeys.backedUp,
      createdAt: passkeys.createdAt,
      lastUsedAt: passkeys.lastUsedAt,
    })
    .from(passkeys)
    .where(eq(passkeys.userId, userId));
  const challenges = account
    ? await db
        .select({
          purpose: webauthnChallenges.purpose,
          signUp: webauthnChallenges.signUp,
          expiresAt: webauthnChallenges.expiresAt,
          usedAt: webauthnChallenges.usedAt,
        })
        .from(webauthnChallenges)
        .where(challengesOf(userId, account.email))
    : [];
  return {
    account,
    roles,
    linkedAccounts,
    hasPassword: password !== undefined,
    sessions,
    passkeys: userPasskeys,
    passkeyChallenges: challenges,
  };
}

/** What stands for a deleted person's name wherever a record of them is kept. */
export const DELETED = 'Deleted user';

/**
 * Closes a deleted account at once: marked erased (every service refuses its tokens from the
 * commit on: service-kit's erased-account gate), its sessions and grants end (refresh tokens
 * stop working), and its password, passkeys and their challenges (a sign-up's holds the
 * address), roles, links, one-time links and the devices its sessions were seen from go.
 * Safe to repeat.
 */
export async function closeIdentity(tx: Database, userId: string): Promise<void> {
  await tx
    .update(users)
    .set({ erasedAt: sql`coalesce(${users.erasedAt}, now())`, updatedAt: new Date() })
    .where(eq(users.id, userId));
  await endSessionsOf(tx, userId);
  for (const table of [
    credentials,
    userRoles,
    federatedIdentities,
    actionTokens,
    adminLocks,
    signInFailures,
    sessionDevices,
    passkeys,
  ])
    await tx.delete(table).where(eq(table.userId, userId));
  const [account] = await tx.select({ email: users.email }).from(users).where(eq(users.id, userId));
  if (account) await tx.delete(webauthnChallenges).where(challengesOf(userId, account.email));
}

/**
 * The last step of a deletion, once every service confirmed erasing its part (they may look up
 * copies by the address until then): the `users` row is kept, for the records the law keeps
 * point at it, but its name and email are replaced by a marker that names nobody.
 */
export async function anonymiseIdentity(tx: Database, userId: string): Promise<void> {
  const marker = `deleted-${userId}`;
  await tx
    .update(users)
    .set({
      email: `${marker}@deleted.makrx.invalid`,
      username: marker,
      displayName: DELETED,
      emailVerified: false,
      updatedAt: new Date(),
    })
    .where(eq(users.id, userId));
}

/** The address and name of an account being deleted, while it still has them. */
export async function contactOfAccount(
  db: Database,
  userId: string,
): Promise<{ email: string; name: string } | undefined> {
  const [row] = await db
    .select({ email: users.email, name: users.displayName })
    .from(users)
    .where(eq(users.id, userId));
  return row;
}
