import { createHash, randomBytes } from 'node:crypto';
import type { MakerspaceRole } from '@makrx/auth';
import type {
  InviteAccepted,
  InviteCreate,
  InviteStatus,
  MakerspaceInvite,
  PendingInvite,
} from '@makrx/contracts';
import { recordAudit, type Database } from '@makrx/db';
import { AppError, conflict, notFound, requestNotification } from '@makrx/service-kit';
import { and, desc, eq, gt, isNull, sql } from 'drizzle-orm';
import { makerspacesById } from '../makerspaces/service';
import { joinMakerspace } from '../memberships/service';
import { invites } from './tables';

/** Spec flow "Invite & Join Makerspace": a mailed invite works for 24 hours. */
export const INVITE_LIFETIME_HOURS = 24;

/** Who asked for a change, for the audit log. */
export interface InviteChange {
  actorId: string;
  requestId: string;
}

/** A new token for the mail (256 random bits) and the only thing the database keeps of it. */
function newToken(): { token: string; tokenHash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, tokenHash: hashOf(token) };
}

const hashOf = (token: string) => createHash('sha256').update(token, 'utf8').digest('hex');

const expiresIn24Hours = sql`now() + make_interval(hours => ${INVITE_LIFETIME_HOURS})`;

/** Where an invite stands, judged by the database's clock like the conditional update. */
const statusColumn = sql<InviteStatus>`case
  when ${invites.revokedAt} is not null then 'revoked'
  when ${invites.usedAt} is not null then 'used'
  when ${invites.expiresAt} <= now() then 'expired'
  else 'pending' end`;

const inviteColumns = {
  id: invites.id,
  makerspaceId: invites.makerspaceId,
  email: invites.email,
  role: invites.role,
  status: statusColumn,
  expiresAt: invites.expiresAt,
  createdAt: invites.createdAt,
  usedAt: invites.usedAt,
  revokedAt: invites.revokedAt,
};

type InviteRow = Awaited<ReturnType<typeof selectInvites>>[number];

function selectInvites(db: Database) {
  return db.select(inviteColumns).from(invites);
}

const toInvite = ({ makerspaceId: _space, ...row }: InviteRow): MakerspaceInvite => ({
  ...row,
  expiresAt: row.expiresAt.toISOString(),
  createdAt: row.createdAt.toISOString(),
  usedAt: row.usedAt?.toISOString() ?? null,
  revokedAt: row.revokedAt?.toISOString() ?? null,
});

/** A makerspace's invites, newest first, each with where it stands. */
export async function listInvites(db: Database, makerspaceId: string): Promise<MakerspaceInvite[]> {
  const rows = await selectInvites(db)
    .where(eq(invites.makerspaceId, makerspaceId))
    .orderBy(desc(invites.createdAt), desc(invites.id));
  return rows.map(toInvite);
}

/** One invite of one makerspace: another makerspace's invite is not found. */
async function findInvite(db: Database, makerspaceId: string, inviteId: string) {
  const [row] = await selectInvites(db).where(
    and(eq(invites.id, inviteId), eq(invites.makerspaceId, makerspaceId)),
  );
  if (!row) throw notFound('That invite');
  return row;
}

async function makerspaceOf(db: Database, makerspaceId: string) {
  const [space] = await makerspacesById(db, [makerspaceId]);
  if (!space) throw notFound('That makerspace');
  return space;
}

/** What the invite mail needs: whom to write to, and the token only they will ever see. */
export interface InviteToMail {
  email: string;
  role: MakerspaceRole;
  token: string;
  makerspace: { name: string; slug: string };
}

/**
 * Records an invite and returns it with the token to mail; the invite and its audit row
 * commit together. Invitees may not have an account yet, so they hear of it by mail only.
 */
export async function issueInvite(
  db: Database,
  makerspaceId: string,
  request: InviteCreate,
  change: InviteChange,
): Promise<{ invite: MakerspaceInvite; mail: InviteToMail }> {
  const space = await makerspaceOf(db, makerspaceId);
  const { token, tokenHash } = newToken();
  const id = await db.transaction(async (tx) => {
    const [row] = await tx
      .insert(invites)
      .values({
        makerspaceId,
        email: request.email,
        role: request.role,
        tokenHash,
        expiresAt: expiresIn24Hours,
        invitedBy: change.actorId,
      })
      .returning({ id: invites.id });
    await recordAudit(tx, {
      service: 'cave',
      action: 'invite.sent',
      entityType: 'makerspace_invite',
      entityId: row!.id,
      actorId: change.actorId,
      after: { makerspaceId, email: request.email, role: request.role },
      requestId: change.requestId,
    });
    return row!.id;
  });
  const invite = toInvite(await findInvite(db, makerspaceId, id));
  return { invite, mail: { email: invite.email, role: invite.role, token, makerspace: space } };
}

/**
 * Sends a pending or expired invite again with a new token and 24 new hours. The old token's
 * hash is overwritten, so the link mailed before no longer opens anything.
 */
export async function resendInvite(
  db: Database,
  target: { makerspaceId: string; inviteId: string },
  change: InviteChange,
): Promise<{ invite: MakerspaceInvite; mail: InviteToMail }> {
  const space = await makerspaceOf(db, target.makerspaceId);
  const { token, tokenHash } = newToken();
  await db.transaction(async (tx) => {
    const before = await findInvite(tx, target.makerspaceId, target.inviteId);
    const [renewed] = await tx
      .update(invites)
      .set({ tokenHash, expiresAt: expiresIn24Hours })
      .where(
        and(eq(invites.id, target.inviteId), isNull(invites.usedAt), isNull(invites.revokedAt)),
      )
      .returning({ id: invites.id });
    if (!renewed) throw notPending(before.status);
    await recordAudit(tx, {
      service: 'cave',
      action: 'invite.resent',
      entityType: 'makerspace_invite',
      entityId: target.inviteId,
      actorId: change.actorId,
      before: { status: before.status, expiresAt: before.expiresAt.toISOString() },
      after: { status: 'pending' },
      requestId: change.requestId,
    });
  });
  const invite = toInvite(await findInvite(db, target.makerspaceId, target.inviteId));
  return { invite, mail: { email: invite.email, role: invite.role, token, makerspace: space } };
}

/** Revokes an invite that has not been used: its token then answers INVITE_REVOKED. */
export async function revokeInvite(
  db: Database,
  target: { makerspaceId: string; inviteId: string },
  change: InviteChange,
): Promise<MakerspaceInvite> {
  await db.transaction(async (tx) => {
    const before = await findInvite(tx, target.makerspaceId, target.inviteId);
    const [revoked] = await tx
      .update(invites)
      .set({ revokedAt: new Date() })
      .where(
        and(eq(invites.id, target.inviteId), isNull(invites.usedAt), isNull(invites.revokedAt)),
      )
      .returning({ id: invites.id });
    if (!revoked) throw notPending(before.status);
    await recordAudit(tx, {
      service: 'cave',
      action: 'invite.revoked',
      entityType: 'makerspace_invite',
      entityId: target.inviteId,
      actorId: change.actorId,
      before: { status: before.status },
      after: { status: 'revoked' },
      requestId: change.requestId,
    });
  });
  return toInvite(await findInvite(db, target.makerspaceId, target.inviteId));
}

const notPending = (status: InviteStatus) =>
  conflict(
    'INVITE_NOT_PENDING',
    `The invite is ${status}: only a pending or expired one can change.`,
    {
      status,
    },
  );

/** The signed-in person accepting an invite. */
export interface Invitee {
  userId: string;
  email: string;
  requestId: string;
}

/** Where the welcome notification leads: the makerspace in the cave app. */
export type MakerspaceLink = (slug: string) => string;

/**
 * Spec 7, `POST /api/v1/invites/validate`: the invitee's token, checked, becomes their
 * membership. Marking the invite used is a conditional update in the membership's transaction,
 * so of two validations at once exactly one joins and the other finds the invite used.
 * Every refusal changes nothing.
 */
export async function acceptInvite(
  db: Database,
  token: string,
  invitee: Invitee,
  linkTo: MakerspaceLink,
): Promise<InviteAccepted> {
  const tokenHash = hashOf(token);
  const invite = await inviteByToken(db, tokenHash);
  refuseUnusable(invite.status);
  if (invite.email !== invitee.email.toLowerCase()) {
    throw new AppError(
      403,
      'INVITE_OTHER_EMAIL',
      'This invite was sent to another email address. Sign in with the account for that address.',
    );
  }
  const space = await makerspaceOf(db, invite.makerspaceId);
  await db.transaction(async (tx) => {
    const [used] = await tx
      .update(invites)
      .set({ usedAt: new Date(), usedBy: invitee.userId })
      .where(
        and(
          eq(invites.tokenHash, tokenHash),
          isNull(invites.usedAt),
          isNull(invites.revokedAt),
          gt(invites.expiresAt, sql`now()`),
        ),
      )
      .returning({ id: invites.id });
    // Someone else's validation, a revocation or the clock got there first.
    if (!used) refuseUnusable((await inviteByToken(tx, tokenHash)).status);
    await joinMakerspace(tx, {
      makerspaceId: invite.makerspaceId,
      userId: invitee.userId,
      role: invite.role,
    });
    await recordAudit(tx, {
      service: 'cave',
      action: 'invite.accepted',
      entityType: 'makerspace_invite',
      entityId: invite.id,
      actorId: invitee.userId,
      before: { status: 'pending' },
      after: { status: 'used', makerspaceId: invite.makerspaceId, role: invite.role },
      requestId: invitee.requestId,
    });
    await requestNotification(tx, 'cave', {
      userId: invitee.userId,
      kind: 'makerspace.update',
      title: `Welcome to ${space.name}`,
      body: `You joined ${space.name} as a ${roleLabels[invite.role]}. Its dashboard is your place to start.`,
      link: linkTo(space.slug),
    });
  });
  return { makerspace: space, role: invite.role };
}

/**
 * A pending invite by its token, for the identity provider: an invitee who signs up from the
 * mailed link has shown they read that mailbox. Reading changes nothing; only
 * `acceptInvite` uses the token up.
 */
export async function pendingInviteByToken(db: Database, token: string): Promise<PendingInvite> {
  const invite = await inviteByToken(db, hashOf(token));
  refuseUnusable(invite.status);
  const space = await makerspaceOf(db, invite.makerspaceId);
  return {
    email: invite.email,
    makerspace: { slug: space.slug, name: space.name },
    role: invite.role,
  };
}

const roleLabels: Record<MakerspaceRole, string> = {
  makerspace_admin: 'makerspace admin',
  service_provider: 'service provider',
  member: 'member',
};

async function inviteByToken(db: Database, tokenHash: string): Promise<InviteRow> {
  const [row] = await selectInvites(db).where(eq(invites.tokenHash, tokenHash));
  if (!row) {
    throw new AppError(
      404,
      'INVITE_NOT_FOUND',
      'This invite link is not valid. Check that it was copied whole, or ask for a new invite.',
    );
  }
  return row;
}

/** The clear refusal for an invite that cannot be accepted; a pending one passes. */
function refuseUnusable(status: InviteStatus): void {
  if (status === 'used') {
    throw new AppError(409, 'INVITE_USED', 'This invite was already accepted; it works once.');
  }
  if (status === 'revoked') {
    throw new AppError(410, 'INVITE_REVOKED', 'This invite was revoked by the makerspace.');
  }
  if (status === 'expired') {
    throw new AppError(
      410,
      'INVITE_EXPIRED',
      'This invite has expired (invites last 24 hours). Ask the makerspace to send it again.',
    );
  }
}

/** A makerspace's pending invites that expire within `hours`, soonest first (its dashboard). */
export async function invitesExpiringWithin(
  db: Database,
  makerspaceId: string,
  hours: number,
): Promise<MakerspaceInvite[]> {
  const rows = await selectInvites(db)
    .where(
      and(
        eq(invites.makerspaceId, makerspaceId),
        isNull(invites.usedAt),
        isNull(invites.revokedAt),
        gt(invites.expiresAt, sql`now()`),
        sql`${invites.expiresAt} <= now() + make_interval(hours => ${hours})`,
      ),
    )
    .orderBy(invites.expiresAt);
  return rows.map(toInvite);
}
export { eraseInvites } from './privacy';
