import { z } from 'zod';
import { makerspaceRole } from './makerspace-memberships';

/**
 * Invite-only membership (spec 4 and flow "Invite & Join Makerspace"): a makerspace admin
 * invites an email with a role; the invitee accepts the mailed link once, within 24 hours.
 */

/** Where an invite stands; `expired` is a pending invite past its 24 hours. */
export const inviteStatus = z.enum(['pending', 'used', 'expired', 'revoked']);
export type InviteStatus = z.infer<typeof inviteStatus>;

/** `POST /api/v1/makerspaces/:makerspaceId/invites` */
export const inviteCreate = z.object({
  email: z
    .email()
    .max(254)
    .transform((email) => email.toLowerCase()),
  role: makerspaceRole,
});
export type InviteCreate = z.infer<typeof inviteCreate>;

/** An invite as its makerspace's admins see it; the token itself is never shown again. */
export const makerspaceInvite = z.object({
  id: z.uuid(),
  email: z.string(),
  role: makerspaceRole,
  status: inviteStatus,
  expiresAt: z.iso.datetime(),
  createdAt: z.iso.datetime(),
  usedAt: z.iso.datetime().nullable(),
  revokedAt: z.iso.datetime().nullable(),
});
export type MakerspaceInvite = z.infer<typeof makerspaceInvite>;

export const makerspaceInviteList = z.object({ items: z.array(makerspaceInvite) });
export type MakerspaceInviteList = z.infer<typeof makerspaceInviteList>;

/** `POST /api/v1/invites/validate` (spec 7): the token from the mailed link. */
export const inviteValidation = z.object({ token: z.string().min(1).max(512) });
export type InviteValidation = z.infer<typeof inviteValidation>;

/**
 * What the identity provider learns of a pending invite it was handed during sign-up: the
 * address it was mailed to (which the link therefore proves) and where it leads. Spec 7,
 * between backends only.
 */
export const pendingInvite = z.object({
  email: z.email(),
  makerspace: z.object({ slug: z.string(), name: z.string() }),
  role: makerspaceRole,
});
export type PendingInvite = z.infer<typeof pendingInvite>;

/** The makerspace the invitee joined, so the app lands them on its dashboard. */
export const inviteAccepted = z.object({
  makerspace: z.object({ id: z.uuid(), slug: z.string(), name: z.string() }),
  role: makerspaceRole,
});
export type InviteAccepted = z.infer<typeof inviteAccepted>;

/** Where a member stands in a makerspace (Guest → Invited → Member → Admin → Removed). */
export const memberStatus = z.enum(['active', 'suspended']);
export type MemberStatus = z.infer<typeof memberStatus>;

/** One person in a makerspace's member list. */
export const makerspaceMember = z.object({
  userId: z.uuid(),
  email: z.string(),
  displayName: z.string(),
  roles: z.array(makerspaceRole),
  status: memberStatus,
  joinedAt: z.iso.datetime(),
});
export type MakerspaceMember = z.infer<typeof makerspaceMember>;

export const makerspaceMemberList = z.object({ items: z.array(makerspaceMember) });
export type MakerspaceMemberList = z.infer<typeof makerspaceMemberList>;

/** `PUT /api/v1/makerspaces/:makerspaceId/members/:userId/role`: promote or demote. */
export const memberRoleChange = z.object({ role: makerspaceRole });
export type MemberRoleChange = z.infer<typeof memberRoleChange>;
