import type { AdminUser, AdminUserPage, AdminUserQuery, AssignableRole } from '@makrx/contracts';
import { recordAudit, type Database } from '@makrx/db';
import { users } from '@makrx/db/schema';
import { conflict, notFound, requestNotification } from '@makrx/service-kit';
import { and, asc, eq, sql } from 'drizzle-orm';
import { accountColumns } from '../identity/accounts';
import { endSessionsOf } from '../identity/sessions';
import { credentials, userRoles } from '../identity/tables';

/** How the notifications name each role. */
const roleLabels: Record<AssignableRole, string> = {
  super_admin: 'super admin',
  admin: 'admin',
  'admin:org': 'MakrX.org admin',
  'admin:cave': 'MakrCave admin',
  'admin:store': 'MakrX.Store admin',
  store_customer: 'store customer',
};

/** Far enough to mean "until an admin unlocks it". */
const LOCKED_BY_ADMIN = new Date('9999-12-31T00:00:00Z');

const adminUserColumns = {
  ...accountColumns,
  lockedUntil: credentials.lockedUntil,
  createdAt: users.createdAt,
  lastSignInAt: credentials.lastSignInAt,
};

type Row = Omit<AdminUser, 'lockedUntil' | 'createdAt' | 'lastSignInAt'> & {
  lockedUntil: Date | null;
  createdAt: Date;
  lastSignInAt: Date | null;
};

const toAdminUser = (row: Row): AdminUser => ({
  ...row,
  lockedUntil:
    row.lockedUntil && row.lockedUntil > new Date() ? row.lockedUntil.toISOString() : null,
  createdAt: row.createdAt.toISOString(),
  lastSignInAt: row.lastSignInAt?.toISOString() ?? null,
});

export async function searchUsers(db: Database, query: AdminUserQuery): Promise<AdminUserPage> {
  const pattern = query.q ? `%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : undefined;
  const where = pattern
    ? sql`(${users.email} ilike ${pattern} or ${users.username} ilike ${pattern} or ${users.displayName} ilike ${pattern})`
    : undefined;
  const rows = await db
    .select({ ...adminUserColumns, total: sql<number>`cast(count(*) over () as integer)` })
    .from(users)
    .leftJoin(credentials, eq(credentials.userId, users.id))
    .where(where)
    .orderBy(asc(users.displayName), asc(users.email))
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize);
  const total = rows[0]?.total ?? 0;
  return {
    items: rows.map(({ total: _total, ...row }) => toAdminUser(row)),
    page: query.page,
    pageSize: query.pageSize,
    total,
    totalPages: Math.ceil(total / query.pageSize),
  };
}

export async function findAdminUser(db: Database, userId: string): Promise<AdminUser> {
  const [row] = await db
    .select(adminUserColumns)
    .from(users)
    .leftJoin(credentials, eq(credentials.userId, users.id))
    .where(eq(users.id, userId));
  if (!row) throw notFound('That user');
  return toAdminUser(row);
}

interface Change {
  actorId: string;
  requestId: string;
}

export async function grantRole(
  db: Database,
  userId: string,
  role: AssignableRole,
  change: Change,
): Promise<AdminUser> {
  const before = await findAdminUser(db, userId);
  if (before.roles.includes(role)) return before;
  await db.transaction(async (tx) => {
    await tx.insert(userRoles).values({ userId, role }).onConflictDoNothing();
    await recordAudit(tx, {
      service: 'auth',
      action: 'role.granted',
      entityType: 'user',
      entityId: userId,
      actorId: change.actorId,
      before: { roles: before.roles },
      after: { roles: [...before.roles, role].sort() },
      requestId: change.requestId,
    });
    await requestNotification(tx, 'auth', {
      userId,
      kind: 'account.roles_changed',
      title: `You now have the ${roleLabels[role]} role`,
      body: `A MakrX super admin gave you the ${roleLabels[role]} role. It applies the next time you sign in or your session refreshes.`,
    });
  });
  return findAdminUser(db, userId);
}

export async function revokeRole(
  db: Database,
  userId: string,
  role: AssignableRole,
  change: Change,
): Promise<AdminUser> {
  if (userId === change.actorId && role === 'super_admin') {
    throw conflict(
      'CANNOT_DEMOTE_SELF',
      'You cannot remove your own super admin role; ask another super admin.',
    );
  }
  const before = await findAdminUser(db, userId);
  if (!before.roles.includes(role)) return before;
  await db.transaction(async (tx) => {
    await tx.delete(userRoles).where(and(eq(userRoles.userId, userId), eq(userRoles.role, role)));
    await recordAudit(tx, {
      service: 'auth',
      action: 'role.revoked',
      entityType: 'user',
      entityId: userId,
      actorId: change.actorId,
      before: { roles: before.roles },
      after: { roles: before.roles.filter((r) => r !== role) },
      requestId: change.requestId,
    });
    await requestNotification(tx, 'auth', {
      userId,
      kind: 'account.roles_changed',
      title: `Your ${roleLabels[role]} role was removed`,
      body: `A MakrX super admin took away your ${roleLabels[role]} role. Ask them if you think this is a mistake.`,
    });
  });
  return findAdminUser(db, userId);
}

/** Locks an account until an admin unlocks it, and signs it out everywhere. */
export async function lockUser(db: Database, userId: string, change: Change): Promise<AdminUser> {
  if (userId === change.actorId)
    throw conflict('CANNOT_LOCK_SELF', 'You cannot lock your own account.');
  const before = await findAdminUser(db, userId);
  await db.transaction(async (tx) => {
    const locked = await tx
      .update(credentials)
      .set({ lockedUntil: LOCKED_BY_ADMIN, updatedAt: new Date() })
      .where(eq(credentials.userId, userId))
      .returning({ userId: credentials.userId });
    if (locked.length === 0)
      throw conflict('NO_PASSWORD', 'This account signs in elsewhere and has no password to lock.');
    await endSessionsOf(tx, userId);
    await recordAudit(tx, {
      service: 'auth',
      action: 'account.locked_by_admin',
      entityType: 'user',
      entityId: userId,
      actorId: change.actorId,
      before: { lockedUntil: before.lockedUntil },
      after: { lockedUntil: LOCKED_BY_ADMIN.toISOString() },
      requestId: change.requestId,
    });
    await requestNotification(tx, 'auth', {
      userId,
      kind: 'account.locked',
      title: 'Your MakrX account was locked',
      body: 'A MakrX super admin locked your account and signed it out everywhere. Contact support to have it unlocked.',
    });
  });
  return findAdminUser(db, userId);
}

export async function unlockUser(db: Database, userId: string, change: Change): Promise<AdminUser> {
  const before = await findAdminUser(db, userId);
  await db.transaction(async (tx) => {
    await tx
      .update(credentials)
      .set({ lockedUntil: null, failedAttempts: 0, updatedAt: new Date() })
      .where(eq(credentials.userId, userId));
    await recordAudit(tx, {
      service: 'auth',
      action: 'account.unlocked',
      entityType: 'user',
      entityId: userId,
      actorId: change.actorId,
      before: { lockedUntil: before.lockedUntil },
      after: { lockedUntil: null },
      requestId: change.requestId,
    });
    await requestNotification(tx, 'auth', {
      userId,
      kind: 'account.locked',
      title: 'Your MakrX account was unlocked',
      body: 'A MakrX super admin unlocked your account. You can sign in again.',
    });
  });
  return findAdminUser(db, userId);
}
