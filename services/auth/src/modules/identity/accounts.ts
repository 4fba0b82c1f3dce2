import { recordAudit, type Database } from '@makrx/db';
import { users } from '@makrx/db/schema';
import argon2 from 'argon2';
import { eq, or, sql } from 'drizzle-orm';
import { credentials, userRoles } from './tables';

export interface BruteForcePolicy {
  /** Failed sign-ins in a row that lock the account (Keycloak: "Max Login Failures"). */
  maxFailures: number;
  /** The first lock's length; each further lock doubles it, up to `maxWaitSeconds`. */
  waitSeconds: number;
  maxWaitSeconds: number;
}

export type SignInResult =
  | { ok: true; userId: string }
  | { ok: false; reason: 'invalid' }
  | { ok: false; reason: 'locked'; until: Date };

export interface Account {
  id: string;
  email: string;
  username: string;
  displayName: string;
  emailVerified: boolean;
  roles: string[];
}

export const hashPassword = (password: string) => argon2.hash(password, { type: argon2.argon2id });

/**
 * Checks a password the way Keycloak's brute-force detection does: a locked account is
 * refused even with the right password; failures in a row lock it for a growing wait. The
 * credential row is locked for the check, so parallel guesses are counted one by one.
 */
export async function signInWithPassword(
  db: Database,
  login: string,
  password: string,
  policy: BruteForcePolicy,
  requestId?: string,
): Promise<SignInResult> {
  const normalized = login.trim().toLowerCase();
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select({
        userId: users.id,
        hash: credentials.passwordHash,
        failedAttempts: credentials.failedAttempts,
        lockouts: credentials.lockouts,
        lockedUntil: credentials.lockedUntil,
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
        requestId,
      });
    if (row.lockedUntil && row.lockedUntil > new Date()) {
      await audit('sign_in.refused_locked', { lockedUntil: row.lockedUntil });
      return { ok: false, reason: 'locked', until: row.lockedUntil } as const;
    }
    if (await argon2.verify(row.hash, password)) {
      await tx
        .update(credentials)
        .set({ failedAttempts: 0, lockedUntil: null, lastSignInAt: new Date() })
        .where(eq(credentials.userId, row.userId));
      await audit('sign_in.succeeded', null);
      return { ok: true, userId: row.userId } as const;
    }
    const failures = row.failedAttempts + 1;
    if (failures < policy.maxFailures) {
      await tx
        .update(credentials)
        .set({ failedAttempts: failures })
        .where(eq(credentials.userId, row.userId));
      await audit('sign_in.failed', { failedAttempts: failures });
      return { ok: false, reason: 'invalid' } as const;
    }
    const wait = Math.min(policy.waitSeconds * 2 ** row.lockouts, policy.maxWaitSeconds);
    const until = new Date(Date.now() + wait * 1000);
    await tx
      .update(credentials)
      .set({ failedAttempts: 0, lockouts: row.lockouts + 1, lockedUntil: until })
      .where(eq(credentials.userId, row.userId));
    await audit('sign_in.failed', { failedAttempts: failures });
    await audit('account.locked', { lockedUntil: until, waitSeconds: wait });
    return { ok: false, reason: 'locked', until } as const;
  });
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
