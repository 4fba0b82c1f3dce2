import type { InviteStatus, MakerspaceInvite } from '@makrx/contracts';
import type { BadgeTone } from '@makrx/ui';

export const inviteStatusDisplay: Record<InviteStatus, { label: string; tone: BadgeTone }> = {
  pending: { label: 'Pending', tone: 'accent' },
  used: { label: 'Accepted', tone: 'success' },
  expired: { label: 'Expired', tone: 'warning' },
  revoked: { label: 'Revoked', tone: 'neutral' },
};

/** Pending and expired invites can still be resent or revoked; the rest are history. */
export function isOpenInvite(invite: Pick<MakerspaceInvite, 'status'>): boolean {
  return invite.status === 'pending' || invite.status === 'expired';
}

/** "expires in 5 hours", "expires in 40 minutes", "expired". */
export function expiryText(expiresAt: string, now: Date): string {
  const minutes = Math.round((Date.parse(expiresAt) - now.getTime()) / 60_000);
  if (minutes <= 0) return 'expired';
  if (minutes < 60) return `expires in ${minutes} ${minutes === 1 ? 'minute' : 'minutes'}`;
  const hours = Math.round(minutes / 60);
  return `expires in ${hours} ${hours === 1 ? 'hour' : 'hours'}`;
}
