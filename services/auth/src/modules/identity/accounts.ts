import { recordAudit, type Database } from '@makrx/db';
import { users } from '@makrx/db/schema';
import argon2 from 'argon2';
import { and, eq, or, sql } from 'drizzle-orm';
import { adminLocks, credentials, signInFailures, userRoles } from './tables';

export interface BruteForcePolicy {
  /** Wrong passwords in a row from one address that lock that address out (Keycloak: "Max Login Failures"). */
  maxFailures: number;
  /** The first lock's length; each further lock doubles it, up to `maxWaitSeconds`. */
  waitSeconds: number;
  maxWaitSeconds: number;
}

/**
 * Wrong passwords in a row, from all addresses together, after which the account itself is
 * throttled: enough for an owner's typos and one guesser's lock, too few for a spread-out attack.
 */
const accountThrottleAfter = (policy: BruteForcePolicy) => policy.maxFailures * 4;

export type SignInResult =
  | { ok: true; userId: string }
  | { ok: false; reason: 'invalid' }
  | { ok: false; reason: 'locked'; until: Date }
  | { ok: false; reason: 'throttled'; until: Date };

export interface Account {
  id: string;
  email: string;
  username: string;
  displayName: string;
  emailVerified: boolean;
  roles: string[];
}

export const hashPassword = (password: string) => argon2.hash(password, { type: argon2.argon2id });

const growingWait = (policy: BruteForcePolicy, lockouts: number) =>
  Math.min(policy.waitSeconds * 2 ** lockouts, policy.maxWaitSeconds);

/**
 * Checks a password following OWASP's authentication guidance. Wrong passwords lock out the
 * address that sent them, for a growing wait; the account as a whole is only slowed down
 * (one check per growing wait once many addresses have failed), so a stranger cannot keep its
 * owner out. A right password clears the account's count and this address's. The credential
 * row is locked for the check, so parallel guesses are counted one by one.
 */
export async function signInWithPassword(
  db: Database,
  login: string,
  password: string,
  policy: BruteForcePolicy,
  client: { address: string; requestId?: string },
): Promise<SignInResult> {
  const normalized = login.trim().toLowerCase();
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select({
        userId: users.id,
        hash: credentials.passwordHash,
        failedAttempts: credentials.failedAttempts,
        throttledUntil: credentials.lockedUntil,
      })
      .from(credentials)
      .innerJoin(users, eq(users.id, credentials.userId))
      .where(or(sql`lower(${users.email}) = ${normalized}`, eq(users.username, normalized)))
      .for('update');
    if (!row) {
      // Spend the same time as a real check, so a stranger cannot tell which logins exist.
      await argon2.verify(DUMMY_HASH, password).catch(() => false);
      return { ok: false, reason: 'invalid' } as const;
    }
    const audit = (action: string, after: unknown) =>
      recordAudit(tx as unknown as Database, {
        service: 'auth',
        action,
        entityType: 'user',
        entityId: row.userId,
        actorId: row.userId,
        after,
        requestId: client.requestId,
      });
    const fromHere = and(
      eq(signInFailures.userId, row.userId),
      eq(signInFailures.clientAddress, client.address),
    );
    const [here] = await tx.select().from(signInFailures).where(fromHere);
    const now = new Date();
    if (here?.lockedUntil && here.lockedUntil > now) {
      await audit('sign_in.refused_locked', {
        lockedUntil: here.lockedUntil,
        clientAddress: client.address,
      });
      return { ok: false, reason: 'locked', until: here.lockedUntil } as const;
    }
    if (row.throttledUntil && row.throttledUntil > now) {
      await audit('sign_in.refused_throttled', { throttledUntil: row.throttledUntil });
      return { ok: false, reason: 'throttled', until: row.throttledUntil } as const;
    }
    if (await argon2.verify(row.hash, password)) {
      await tx
        .update(credentials)
        .set({ failedAttempts: 0, lockedUntil: null, lastSignInAt: now })
        .where(eq(credentials.userId, row.userId));
      await tx.delete(signInFailures).where(fromHere);
      await audit('sign_in.succeeded', null);
      return { ok: true, userId: row.userId } as const;
    }

    const accountFailures = row.failedAttempts + 1;
    const overThreshold = accountFailures - accountThrottleAfter(policy);
    await tx
      .update(credentials)
      .set({
        failedAttempts: accountFailures,
        lockedUntil:
          overThreshold >= 0 ? new Date(now.getTime() + throttleWait(policy, overThreshold)) : null,
      })
      .where(eq(credentials.userId, row.userId));

    const failures = (here?.failures ?? 0) + 1;
    const lockouts = here?.lockouts ?? 0;
    const locks = failures >= policy.maxFailures;
    const until = locks ? new Date(now.getTime() + growingWait(policy, lockouts) * 1000) : null;
    await tx
      .insert(signInFailures)
      .values({
        userId: row.userId,
        clientAddress: client.address,
        failures: locks ? 0 : failures,
        lockouts: locks ? lockouts + 1 : lockouts,
        lockedUntil: until,
      })
      .onConflictDoUpdate({
        target: [signInFailures.userId, signInFailures.clientAddress],
        set: {
          failures: locks ? 0 : failures,
          lockouts: locks ? lockouts + 1 : lockouts,
          lockedUntil: until,
          updatedAt: now,
        },
      });
    await audit('sign_in.failed', {
      failedAttempts: failures,
      accountFailedAttempts: accountFailures,
      clientAddress: client.address,
    });
    if (!until) return { ok: false, reason: 'invalid' } as const;
    await audit('account.locked', {
      lockedUntil: until,
      waitSeconds: growingWait(policy, lockouts),
      clientAddress: client.address,
    });
    return { ok: false, reason: 'locked', until } as const;
  });
}

/** Milliseconds between checks of a throttled account: 5 s, doubling, at most the first lock's wait. */
const throttleWait = (policy: BruteForcePolicy, overThreshold: number) =>
  Math.min(5000 * 2 ** Math.min(overThreshold, 20), policy.waitSeconds * 1000);

/** What the failure history is cleared to when a password is set anew (a reset). */
export async function clearSignInFailures(db: Database, userId: string): Promise<void> {
  await db
    .update(credentials)
    .set({ failedAttempts: 0, lockouts: 0, lockedUntil: null })
    .where(eq(credentials.userId, userId));
  await db.delete(signInFailures).where(eq(signInFailures.userId, userId));
}

const DUMMY_HASH =
  '$argon2id$v=19$m=65536,t=3,p=4$c29tZXNhbHRzb21lc2FsdA$T0bXXHTQTCWIn2ae8I6ISEpPbd7ULGU1nD4OJJq9L0c';

/** A user's identity and global roles, as selected columns (reused by user administration). */
export const accountColumns = {
  id: users.id,
  email: users.email,
  username: users.username,
  displayName: users.displayName,
  emailVerified: users.emailVerified,
  roles: sql<
    string[]
  >`coalesce((select array_agg(${userRoles.role} order by ${userRoles.role}) from ${userRoles} where ${userRoles.userId} = ${users.id}), '{}')`,
};

export async function findAccount(db: Database, userId: string): Promise<Account | undefined> {
  const [user] = await db
    .select({
      ...accountColumns,
    })
    .from(users)
    .where(eq(users.id, userId));
  return user;
}

/** Creates a user with a password and the role everyone gets (spec: store customer). */
export async function createAccountWithPassword(
  db: Database,
  input: {
    email: string;
    username: string;
    displayName: string;
    password: string;
    emailVerified?: boolean;
  },
): Promise<string> {
  const passwordHash = await hashPassword(input.password);
  return db.transaction(async (tx) => {
    const [user] = await tx
      .insert(users)
      .values({
        email: input.email.trim(),
        username: input.username,
        displayName: input.displayName,
        emailVerified: input.emailVerified ?? false,
      })
      .returning({ id: users.id });
    await tx.insert(credentials).values({ userId: user!.id, passwordHash });
    await tx.insert(userRoles).values({ userId: user!.id, role: 'store_customer' });
    return user!.id;
  });
}

/** A username from an email's local part, made unique with a number when taken. */
export async function uniqueUsername(db: Database, email: string): Promise<string> {
  const base =
    email
      .split('@')[0]!
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 24) || 'maker';
  const taken = await db
    .select({ username: users.username })
    .from(users)
    .where(sql`${users.username} = ${base} or ${users.username} like ${base + '-%'}`);
  const names = new Set(taken.map((row) => row.username));
  if (!names.has(base)) return base;
  for (let n = 2; ; n++) if (!names.has(`${base}-${n}`)) return `${base}-${n}`;
}

export type SignInStanding = 'ok' | 'locked_by_admin' | 'unverified';

/**
 * Whether an account may be signed in at all, however it proved who it is (password, an
 * upstream provider, a session kept from before): not while a super admin locks it, and not
 * before its owner verified its email (Keycloak: "Verify email" as a required action).
 */
export async function signInStanding(db: Database, userId: string): Promise<SignInStanding> {
  const [row] = await db
    .select({
      emailVerified: users.emailVerified,
      lockedByAdmin: sql<boolean>`exists (select 1 from ${adminLocks} where ${adminLocks.userId} = ${users.id})`,
    })
    .from(users)
    .where(eq(users.id, userId));
  if (!row || row.lockedByAdmin) return 'locked_by_admin';
  return row.emailVerified ? 'ok' : 'unverified';
}
