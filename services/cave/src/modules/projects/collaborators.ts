import {
  AppError,
  conflict,
  type CollaboratorRole,
  type ProjectCollaborator,
  type ProjectInvitation,
} from '@makrx/contracts';
import type { AuditRequester, Database } from '@makrx/db';
import { users } from '@makrx/db/schema';
import { requestNotification } from '@makrx/service-kit';
import { aliasedTable, and, desc, eq, sql } from 'drizzle-orm';
import { recordProjectActivity } from './activity';
import type { ProjectInRequest } from './project-access';
import { projectCollaborators, projects } from './tables';

/*
 * A project's collaborators (spec 3, "Project tracking and collaboration";
 * ENABLE_PROJECT_COLLABORATION): its owner invites people by handle as editors or viewers,
 * changes their role or removes them; an invitee accepts or declines. A role counts once the
 * invitation is accepted (project-access.ts).
 */

const roleWords = { editor: 'an editor', viewer: 'a viewer' };

const notAnInvitation = (slug: string) =>
  new AppError(404, 'PROJECT_INVITATION_NOT_FOUND', `You have no invitation to "${slug}".`);

/** A user by handle, or a refusal naming it. */
async function userByHandle(db: Database, handle: string) {
  const [user] = await db
    .select({ id: users.id, displayName: users.displayName, handle: users.username })
    .from(users)
    .where(sql`lower(${users.username}) = lower(${handle})`);
  if (!user) {
    throw new AppError(422, 'COLLABORATOR_UNKNOWN', `No one on MakrX has the handle "${handle}".`, {
      handle,
    });
  }
  return user;
}

/** A project's collaborators and invitees, most recently invited first. */
export async function collaboratorsOf(
  db: Database,
  projectId: string,
): Promise<ProjectCollaborator[]> {
  const rows = await db
    .select({
      handle: users.username,
      displayName: users.displayName,
      role: projectCollaborators.role,
      status: projectCollaborators.status,
      invitedAt: projectCollaborators.invitedAt,
      acceptedAt: projectCollaborators.acceptedAt,
    })
    .from(projectCollaborators)
    .innerJoin(users, eq(users.id, projectCollaborators.userId))
    .where(eq(projectCollaborators.projectId, projectId))
    .orderBy(desc(projectCollaborators.invitedAt), users.username);
  return rows.map((row) => ({
    ...row,
    invitedAt: row.invitedAt.toISOString(),
    acceptedAt: row.acceptedAt?.toISOString() ?? null,
  }));
}

/** The owner invites someone by handle; they hear of it in their notifications. */
export async function inviteCollaborator(
  db: Database,
  project: ProjectInRequest,
  invitation: { handle: string; role: CollaboratorRole },
  actor: AuditRequester,
  projectUrl: string,
): Promise<void> {
  const invitee = await userByHandle(db, invitation.handle);
  if (invitee.id === project.ownerId) {
    throw new AppError(422, 'COLLABORATOR_IS_OWNER', 'You own this project already.');
  }
  await db.transaction(async (tx) => {
    const [added] = await tx
      .insert(projectCollaborators)
      .values({
        projectId: project.id,
        userId: invitee.id,
        role: invitation.role,
        invitedBy: actor.userId,
      })
      .onConflictDoNothing()
      .returning({ userId: projectCollaborators.userId });
    if (!added) {
      throw conflict(
        'COLLABORATOR_EXISTS',
        `${invitee.displayName} is already invited to this project; change their role instead.`,
        { handle: invitee.handle },
      );
    }
    await recordProjectActivity(tx, {
      projectId: project.id,
      actorId: actor.userId,
      action: 'collaborator.invited',
      summary: `Invited ${invitee.displayName} as ${roleWords[invitation.role]}`,
      details: { handle: invitee.handle, role: invitation.role },
    });
    await requestNotification(tx, 'cave', {
      userId: invitee.id,
      kind: 'project.invitation',
      title: `You are invited to “${project.title}”`,
      body: `You are invited to collaborate as ${roleWords[invitation.role]}. Accept or decline under My projects in MakrCave.`,
      link: projectUrl,
    });
  });
}

/** The owner changes a collaborator's (or invitee's) role. */
export async function changeCollaboratorRole(
  db: Database,
  project: ProjectInRequest,
  handle: string,
  role: CollaboratorRole,
  actor: AuditRequester,
): Promise<void> {
  const person = await userByHandle(db, handle);
  await db.transaction(async (tx) => {
    const [changed] = await tx
      .update(projectCollaborators)
      .set({ role })
      .where(
        and(
          eq(projectCollaborators.projectId, project.id),
          eq(projectCollaborators.userId, person.id),
        ),
      )
      .returning({ userId: projectCollaborators.userId });
    if (!changed) throw new AppError(404, 'NOT_FOUND', `${handle} is not on this project.`);
    await recordProjectActivity(tx, {
      projectId: project.id,
      actorId: actor.userId,
      action: 'collaborator.role-changed',
      summary: `Made ${person.displayName} ${roleWords[role]}`,
      details: { handle: person.handle, role },
    });
  });
}

/** The owner removes a collaborator, or withdraws an invitation. */
export async function removeCollaborator(
  db: Database,
  project: ProjectInRequest,
  handle: string,
  actor: AuditRequester,
): Promise<void> {
  const person = await userByHandle(db, handle);
  await db.transaction(async (tx) => {
    const [removed] = await tx
      .delete(projectCollaborators)
      .where(
        and(
          eq(projectCollaborators.projectId, project.id),
          eq(projectCollaborators.userId, person.id),
        ),
      )
      .returning({ userId: projectCollaborators.userId });
    if (!removed) throw new AppError(404, 'NOT_FOUND', `${handle} is not on this project.`);
    await recordProjectActivity(tx, {
      projectId: project.id,
      actorId: actor.userId,
      action: 'collaborator.removed',
      summary: `Removed ${person.displayName} from the project`,
      details: { handle: person.handle },
    });
  });
}

const inviter = aliasedTable(users, 'inviter');

/** The invitations waiting for a user's answer, newest first. */
export async function pendingInvitations(
  db: Database,
  userId: string,
): Promise<ProjectInvitation[]> {
  const rows = await db
    .select({
      slug: projects.slug,
      title: projects.title,
      role: projectCollaborators.role,
      invitedAt: projectCollaborators.invitedAt,
      inviterName: inviter.displayName,
      inviterHandle: inviter.username,
    })
    .from(projectCollaborators)
    .innerJoin(projects, eq(projects.id, projectCollaborators.projectId))
    .leftJoin(inviter, eq(inviter.id, projectCollaborators.invitedBy))
    .where(and(eq(projectCollaborators.userId, userId), eq(projectCollaborators.status, 'invited')))
    .orderBy(desc(projectCollaborators.invitedAt));
  return rows.map((row) => ({
    project: { slug: row.slug, title: row.title },
    role: row.role,
    invitedBy:
      row.inviterName !== null && row.inviterHandle !== null
        ? { displayName: row.inviterName, handle: row.inviterHandle }
        : null,
    invitedAt: row.invitedAt.toISOString(),
  }));
}

/** The invitee answers: accepting makes the role count, declining removes the invitation. */
export async function answerInvitation(
  db: Database,
  slug: string,
  userId: string,
  accept: boolean,
): Promise<void> {
  await db.transaction(async (tx) => {
    const [invited] = await tx
      .select({ projectId: projects.id, role: projectCollaborators.role })
      .from(projectCollaborators)
      .innerJoin(projects, eq(projects.id, projectCollaborators.projectId))
      .where(
        and(
          eq(projects.slug, slug),
          eq(projectCollaborators.userId, userId),
          eq(projectCollaborators.status, 'invited'),
        ),
      )
      .for('update');
    if (!invited) throw notAnInvitation(slug);
    const mine = and(
      eq(projectCollaborators.projectId, invited.projectId),
      eq(projectCollaborators.userId, userId),
    );
    if (accept) {
      await tx
        .update(projectCollaborators)
        .set({ status: 'accepted', acceptedAt: sql`now()` })
        .where(mine);
    } else {
      await tx.delete(projectCollaborators).where(mine);
    }
    await recordProjectActivity(tx, {
      projectId: invited.projectId,
      actorId: userId,
      action: accept ? 'collaborator.accepted' : 'collaborator.declined',
      summary: accept
        ? `Joined the project as ${roleWords[invited.role]}`
        : 'Declined the invitation',
    });
  });
}
