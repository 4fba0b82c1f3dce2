import type { AdminUser, AdminUserQuery, AssignableRole, Page } from '@makrx/contracts';
import { recordAudit, type Database } from '@makrx/db';
import { conflict, notFound, requestNotification } from '@makrx/service-kit';
import {
  addRole,
  findAdminAccount,
  lockAccount,
  removeRole,
  searchAccounts,
  unlockAccount,
  type AdminAccountRow,
} from '../identity/service';

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

const toAdminUser = ({ lockedByAdminAt, ...row }: AdminAccountRow): AdminUser => ({
  ...row,
  lockedUntil: lockedByAdminAt ? LOCKED_BY_ADMIN.toISOString() : null,
  createdAt: row.createdAt.toISOString(),
  lastSignInAt: row.lastSignInAt?.toISOString() ?? null,
});

/** One page of accounts; the route adds their makerspaces, which are the cave's. */
export async function searchUsers(db: Database, query: AdminUserQuery): Promise<Page<AdminUser>> {
  const { rows, total } = await searchAccounts(db, query);
  return {
    items: rows.map(toAdminUser),
    page: query.page,
    pageSize: query.pageSize,
    total,
    totalPages: Math.ceil(total / query.pageSize),
  };
}

export async function findAdminUser(db: Database, userId: string): Promise<AdminUser> {
  const row = await findAdminAccount(db, userId);
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
    await addRole(tx, userId, role);
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
    await removeRole(tx, userId, role);
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
    await lockAccount(tx, userId, change.actorId);
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
    await unlockAccount(tx, userId);
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
