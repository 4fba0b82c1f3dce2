import type { MakerspaceRole } from '@makrx/auth';
import type { MakerspaceMember, MakerspaceMembership, MyMakerspace } from '@makrx/contracts';
import { recordAudit, type Database } from '@makrx/db';
import { users } from '@makrx/db/schema';
import { conflict, notFound, requestNotification } from '@makrx/service-kit';
import { and, asc, eq, inArray, isNull, ne, sql } from 'drizzle-orm';
import { makerspacePlacesById, makerspacesById } from '../makerspaces/service';
import { memberships } from './tables';

/**
 * The makerspaces a user belongs to, by name, with their roles in each. A suspended
 * membership holds no role until it is reinstated, so the guard does not count it.
 */
export async function membershipsOf(db: Database, userId: string): Promise<MakerspaceMembership[]> {
  const rows = await db
    .select({
      makerspaceId: memberships.makerspaceId,
      roles: sql<MakerspaceRole[]>`array_agg(${memberships.role} order by ${memberships.role})`,
    })
    .from(memberships)
    .where(and(eq(memberships.userId, userId), isNull(memberships.suspendedAt)))
    .groupBy(memberships.makerspaceId);
  const rolesIn = new Map(rows.map((row) => [row.makerspaceId, row.roles]));
  const spaces = await makerspacesById(db, [...rolesIn.keys()]);
  return spaces.map((makerspace) => ({ makerspace, roles: rolesIn.get(makerspace.id)! }));
}

/**
 * The makerspaces of several users at once (one page of the admin users list), each user in the
 * order asked, with the same rules as `membershipsOf`: suspended memberships left out.
 */
export async function membershipsOfUsers(
  db: Database,
  userIds: readonly string[],
): Promise<{ userId: string; makerspaces: MakerspaceMembership[] }[]> {
  const rows = await db
    .select({
      userId: memberships.userId,
      makerspaceId: memberships.makerspaceId,
      roles: sql<MakerspaceRole[]>`array_agg(${memberships.role} order by ${memberships.role})`,
    })
    .from(memberships)
    .where(and(inArray(memberships.userId, [...userIds]), isNull(memberships.suspendedAt)))
    .groupBy(memberships.userId, memberships.makerspaceId);
  const spaces = new Map(
    (await makerspacesById(db, [...new Set(rows.map((row) => row.makerspaceId))])).map((m) => [
      m.id,
      m,
    ]),
  );
  return [...new Set(userIds)].map((userId) => ({
    userId,
    makerspaces: rows
      .filter((row) => row.userId === userId && spaces.has(row.makerspaceId))
      .map((row) => ({ makerspace: spaces.get(row.makerspaceId)!, roles: row.roles }))
      .sort((a, b) => a.makerspace.name.localeCompare(b.makerspace.name)),
  }));
}

/** The role that decides what a user sees in a makerspace, the most a member holds there. */
const rolePrecedence: MakerspaceRole[] = ['makerspace_admin', 'service_provider', 'member'];

/**
 * The cave's home: the makerspaces the user belongs to, by name, with each one's city and their
 * role there. Suspended memberships are left out, as the guard leaves them out.
 */
export async function myMakerspaces(db: Database, userId: string): Promise<MyMakerspace[]> {
  const mine = await membershipsOf(db, userId);
  const places = new Map(
    (
      await makerspacePlacesById(
        db,
        mine.map((m) => m.makerspace.id),
      )
    ).map((p) => [p.id, p]),
  );
  return mine.map(({ makerspace, roles }) => ({
    makerspace: { ...makerspace, city: places.get(makerspace.id)!.city },
    roles,
    role: rolePrecedence.find((role) => roles.includes(role))!,
  }));
}

/** Who made a change to a membership, for the audit log. */
export interface MemberChange {
  actorId: string;
  requestId: string;
}

/** How the notifications name each role. */
const roleLabels: Record<MakerspaceRole, string> = {
  makerspace_admin: 'makerspace admin',
  service_provider: 'service provider',
  member: 'member',
};

/**
 * Makes an invitee a member with the invited role, in the transaction that uses their invite
 * (the invites module's only way in: nobody joins without an invite). A role they already hold
 * there is kept as it is, and a suspended member stays suspended: an invite lifts nothing.
 */
export async function joinMakerspace(
  tx: Database,
  { makerspaceId, userId, role }: { makerspaceId: string; userId: string; role: MakerspaceRole },
): Promise<void> {
  await tx.execute(sql`
    insert into ${memberships} (makerspace_id, user_id, role, suspended_at)
    values (${makerspaceId}, ${userId}, ${role}, (
      select max(suspended_at) from ${memberships}
      where makerspace_id = ${makerspaceId} and user_id = ${userId}))
    on conflict do nothing`);
}

/**
 * Makes the person who opened a makerspace its admin, in the transaction that creates it. Only
 * an account the auth service holds can belong anywhere, so a caller without one (a service)
 * founds the makerspace without joining it.
 */
export async function makeFounderAdmin(
  tx: Database,
  { makerspaceId, userId }: { makerspaceId: string; userId: string },
): Promise<void> {
  await tx.execute(sql`
    insert into ${memberships} (makerspace_id, user_id, role)
    select ${makerspaceId}, ${users.id}, 'makerspace_admin' from ${users} where ${users.id} = ${userId}
    on conflict do nothing`);
}

/** Everyone in a makerspace, with their roles and whether they are suspended, by name. */
export async function listMembers(db: Database, makerspaceId: string): Promise<MakerspaceMember[]> {
  const rows = await db
    .select({
      userId: memberships.userId,
      email: users.email,
      displayName: users.displayName,
      roles: sql<MakerspaceRole[]>`array_agg(${memberships.role} order by ${memberships.role})`,
      suspended: sql<boolean>`bool_or(${memberships.suspendedAt} is not null)`,
      joinedAt: sql<string>`min(${memberships.joinedAt})`,
    })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.makerspaceId, makerspaceId))
    .groupBy(memberships.userId, users.email, users.displayName)
    .orderBy(asc(users.displayName), asc(users.email));
  return rows.map(({ suspended, joinedAt, ...row }) => ({
    ...row,
    status: suspended ? 'suspended' : 'active',
    joinedAt: new Date(joinedAt).toISOString(),
  }));
}

async function findMember(db: Database, makerspaceId: string, userId: string) {
  const member = (await listMembers(db, makerspaceId)).find((m) => m.userId === userId);
  if (!member) throw notFound('That member');
  return member;
}

/**
 * Locks the makerspace's admin rows for the rest of the transaction and refuses a change that
 * would leave no active admin besides `userId`. Two admins demoting each other at once are
 * taken one after the other, so the second sees the first's change and is refused.
 */
async function keepAnAdmin(tx: Database, makerspaceId: string, userId: string): Promise<void> {
  const admins = await tx
    .select({ userId: memberships.userId, suspendedAt: memberships.suspendedAt })
    .from(memberships)
    .where(
      and(eq(memberships.makerspaceId, makerspaceId), eq(memberships.role, 'makerspace_admin')),
    )
    .for('update');
  const isAdmin = admins.some((admin) => admin.userId === userId && !admin.suspendedAt);
  const others = admins.filter((admin) => admin.userId !== userId && !admin.suspendedAt);
  if (isAdmin && others.length === 0) {
    throw conflict(
      'LAST_MAKERSPACE_ADMIN',
      'This is the makerspace’s last admin: promote another member to admin first.',
    );
  }
}

/**
 * One audited, notified change to a member, in one transaction: the change, its audit row and
 * the member's notification commit together or not at all.
 */
async function changeMember(
  db: Database,
  target: { makerspaceId: string; userId: string },
  change: MemberChange,
  step: {
    action: string;
    keepAnAdmin: boolean;
    apply: (tx: Database) => Promise<void>;
    after: (before: MakerspaceMember) => Partial<MakerspaceMember> | null;
    notice: (space: string) => { title: string; body: string };
  },
): Promise<MakerspaceMember | null> {
  const before = await findMember(db, target.makerspaceId, target.userId);
  const [space] = await makerspacesById(db, [target.makerspaceId]);
  if (!space) throw notFound('That makerspace');
  await db.transaction(async (tx) => {
    if (step.keepAnAdmin) await keepAnAdmin(tx, target.makerspaceId, target.userId);
    await step.apply(tx);
    await recordAudit(tx, {
      service: 'cave',
      action: step.action,
      entityType: 'makerspace_membership',
      entityId: `${target.makerspaceId}:${target.userId}`,
      actorId: change.actorId,
      before: { roles: before.roles, status: before.status },
      after: step.after(before),
      requestId: change.requestId,
    });
    await requestNotification(tx, 'cave', {
      userId: target.userId,
      kind: 'makerspace.update',
      ...step.notice(space.name),
    });
  });
  const after = await listMembers(db, target.makerspaceId);
  return after.find((m) => m.userId === target.userId) ?? null;
}

const ofMember = (makerspaceId: string, userId: string) =>
  and(eq(memberships.makerspaceId, makerspaceId), eq(memberships.userId, userId));

/** Promotes or demotes a member: their roles there become exactly `role`. */
export async function changeMemberRole(
  db: Database,
  target: { makerspaceId: string; userId: string },
  role: MakerspaceRole,
  change: MemberChange,
): Promise<MakerspaceMember> {
  const member = await findMember(db, target.makerspaceId, target.userId);
  if (member.roles.length === 1 && member.roles[0] === role) return member;
  const changed = await changeMember(db, target, change, {
    action: 'member.role_changed',
    keepAnAdmin: role !== 'makerspace_admin',
    apply: async (tx) => {
      // The new role row keeps when they joined and whether they are suspended.
      await tx.execute(sql`
        insert into ${memberships} (makerspace_id, user_id, role, joined_at, suspended_at)
        select makerspace_id, user_id, ${role}, min(joined_at), max(suspended_at)
        from ${memberships}
        where makerspace_id = ${target.makerspaceId} and user_id = ${target.userId}
        group by makerspace_id, user_id
        on conflict do nothing`);
      await tx
        .delete(memberships)
        .where(and(ofMember(target.makerspaceId, target.userId), ne(memberships.role, role)));
    },
    after: () => ({ roles: [role] }),
    notice: (space) => ({
      title: `You are now a ${roleLabels[role]} of ${space}`,
      body: `An admin of ${space} made you a ${roleLabels[role]} there.`,
    }),
  });
  return changed!;
}

/** Suspends a member: they keep their place but hold no role there until reinstated. */
export async function suspendMember(
  db: Database,
  target: { makerspaceId: string; userId: string },
  change: MemberChange,
): Promise<MakerspaceMember> {
  const member = await findMember(db, target.makerspaceId, target.userId);
  if (member.status === 'suspended') return member;
  const changed = await changeMember(db, target, change, {
    action: 'member.suspended',
    keepAnAdmin: true,
    apply: async (tx) => {
      await tx
        .update(memberships)
        .set({ suspendedAt: new Date() })
        .where(ofMember(target.makerspaceId, target.userId));
    },
    after: (before) => ({ roles: before.roles, status: 'suspended' }),
    notice: (space) => ({
      title: `Your membership of ${space} is suspended`,
      body: `An admin of ${space} suspended your membership. Ask them if you think this is a mistake.`,
    }),
  });
  return changed!;
}

export async function reinstateMember(
  db: Database,
  target: { makerspaceId: string; userId: string },
  change: MemberChange,
): Promise<MakerspaceMember> {
  const member = await findMember(db, target.makerspaceId, target.userId);
  if (member.status === 'active') return member;
  const changed = await changeMember(db, target, change, {
    action: 'member.reinstated',
    keepAnAdmin: false,
    apply: async (tx) => {
      await tx
        .update(memberships)
        .set({ suspendedAt: null })
        .where(ofMember(target.makerspaceId, target.userId));
    },
    after: (before) => ({ roles: before.roles, status: 'active' }),
    notice: (space) => ({
      title: `Your membership of ${space} is active again`,
      body: `An admin of ${space} reinstated your membership.`,
    }),
  });
  return changed!;
}

/** Removes a member; coming back takes a new invite. */
export async function removeMember(
  db: Database,
  target: { makerspaceId: string; userId: string },
  change: MemberChange,
): Promise<void> {
  await changeMember(db, target, change, {
    action: 'member.removed',
    keepAnAdmin: true,
    apply: async (tx) => {
      await tx.delete(memberships).where(ofMember(target.makerspaceId, target.userId));
    },
    after: () => null,
    notice: (space) => ({
      title: `You are no longer a member of ${space}`,
      body: `An admin of ${space} removed you from the makerspace. Joining again takes a new invite.`,
    }),
  });
}

/**
 * How many people joined the makerspace in each local month (`YYYY-MM`) of `[startsAt,
 * endsAt)`: each counted once, at their first role there, for analytics.
 */
export async function newMembersByMonth(
  db: Database,
  makerspaceId: string,
  period: { startsAt: string; endsAt: string; timeZone: string },
): Promise<{ month: string; newMembers: number }[]> {
  const { rows } = await db.execute<{ month: string; newMembers: number }>(sql`
    with joined as (
      select ${memberships.userId}, min(${memberships.joinedAt}) as at
      from ${memberships}
      where ${memberships.makerspaceId} = ${makerspaceId}
      group by ${memberships.userId}
    )
    select to_char(at at time zone ${period.timeZone}, 'YYYY-MM') as month,
      count(*)::int as "newMembers"
    from joined
    where at >= ${period.startsAt}::timestamptz and at < ${period.endsAt}::timestamptz
    group by 1
    order by 1`);
  return rows;
}

export { rosterOf } from './roster';
export { eraseMemberships, membershipsExportOf } from './privacy';
