import type { AssignableRole } from '@makrx/contracts';
import type { Database } from '@makrx/db';
import { users } from '@makrx/db/schema';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { accountColumns, clearSignInFailures } from './accounts';
import { endSessionsOf } from './sessions';
import { adminLocks, credentials, userRoles } from './tables';

/*
 * Accounts as a super admin manages them. Credentials and roles are the identity module's:
 * user administration decides who may change what and records it, and changes them here.
 */

const adminAccountColumns = {
  ...accountColumns,
  lockedByAdminAt: adminLocks.lockedAt,
  createdAt: users.createdAt,
  lastSignInAt: credentials.lastSignInAt,
};

const accountsWithCredentials = (db: Database) =>
  db
    .select(adminAccountColumns)
    .from(users)
    .leftJoin(credentials, eq(credentials.userId, users.id))
    .leftJoin(adminLocks, eq(adminLocks.userId, users.id));

/** Accounts whose email, username or name contain `q`, by name, a page at a time. */
export async function searchAccounts(
  db: Database,
  query: { q?: string | undefined; page: number; pageSize: number },
) {
  const pattern = query.q ? `%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : undefined;
  const where = pattern
    ? sql`(${users.email} ilike ${pattern} or ${users.username} ilike ${pattern} or ${users.displayName} ilike ${pattern})`
    : undefined;
  const rows = await db
    .select({ ...adminAccountColumns, total: sql<number>`cast(count(*) over () as integer)` })
    .from(users)
    .leftJoin(credentials, eq(credentials.userId, users.id))
    .leftJoin(adminLocks, eq(adminLocks.userId, users.id))
    .where(where)
    .orderBy(asc(users.displayName), asc(users.email))
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize);
  return { rows: rows.map(({ total: _total, ...row }) => row), total: rows[0]?.total ?? 0 };
}

export type AdminAccountRow = Awaited<ReturnType<typeof searchAccounts>>['rows'][number];

export async function findAdminAccount(
  db: Database,
  userId: string,
): Promise<AdminAccountRow | undefined> {
  const [row] = await accountsWithCredentials(db).where(eq(users.id, userId));
  return row;
}

export async function addRole(tx: Database, userId: string, role: AssignableRole) {
  await tx.insert(userRoles).values({ userId, role }).onConflictDoNothing();
}

export async function removeRole(tx: Database, userId: string, role: AssignableRole) {
  await tx.delete(userRoles).where(and(eq(userRoles.userId, userId), eq(userRoles.role, role)));
}

/**
 * Locks an account until an admin unlocks it, however it signs in (password or an upstream
 * provider), and signs it out everywhere. A password reset does not lift it.
 */
export async function lockAccount(tx: Database, userId: string, lockedBy: string): Promise<void> {
  await tx.insert(adminLocks).values({ userId, lockedBy }).onConflictDoNothing();
  await endSessionsOf(tx, userId);
}

/** Lifts an admin's lock, and forgets wrong passwords so the owner starts afresh. */
export async function unlockAccount(tx: Database, userId: string) {
  await tx.delete(adminLocks).where(eq(adminLocks.userId, userId));
  await clearSignInFailures(tx, userId);
}

/** How many accounts there are; with `roles`, those holding any of them. */
export async function countAccounts(db: Database, roles?: readonly string[]): Promise<number> {
  if (roles && roles.length > 0) {
    const [row] = await db
      .select({ count: sql<number>`cast(count(distinct ${userRoles.userId}) as integer)` })
      .from(userRoles)
      .where(inArray(userRoles.role, [...roles]));
    return row?.count ?? 0;
  }
  const [row] = await db.select({ count: sql<number>`cast(count(*) as integer)` }).from(users);
  return row?.count ?? 0;
}

/** The accounts holding any of `roles`: who is asked when something needs their approval. */
export async function accountsHoldingRoles(
  db: Database,
  roles: readonly AssignableRole[],
): Promise<string[]> {
  const rows = await db
    .selectDistinct({ userId: userRoles.userId })
    .from(userRoles)
    .where(inArray(userRoles.role, [...roles]));
  return rows.map((row) => row.userId);
}
