import type { MakerspaceRole } from '@makrx/auth';
import { renderEmail, type Mailer } from '@makrx/mailer';
import { INVITE_LIFETIME_HOURS, type InviteToMail } from './service';

const roleLabels: Record<MakerspaceRole, string> = {
  makerspace_admin: 'an admin',
  service_provider: 'a service provider',
  member: 'a member',
};

/** The cave app's page that signs the invitee in (or up) and validates the token. */
export const acceptInviteUrl = (caveUrl: string, token: string) => {
  const url = new URL('/invites/accept', caveUrl);
  url.searchParams.set('token', token);
  return url.toString();
};

/** The invite mail: the one place the token is ever written, in the link it carries. */
export async function mailInvite(
  mailer: Mailer,
  caveUrl: string,
  { email, role, token, makerspace }: InviteToMail,
): Promise<void> {
  const { html, text } = renderEmail({
    heading: `You are invited to ${makerspace.name}`,
    paragraphs: [
      `An admin of ${makerspace.name} invited you to join MakrCave as ${roleLabels[role]}.`,
      `Sign in, or create a MakrX account with this email address, to accept. The link works once, for ${INVITE_LIFETIME_HOURS} hours.`,
    ],
    action: { label: 'Accept the invite', url: acceptInviteUrl(caveUrl, token) },
    footer: 'If you did not expect this invite, ignore this email: nothing happens without you.',
  });
  await mailer.send({
    to: email,
    subject: `Your invite to ${makerspace.name} on MakrCave`,
    text,
    html,
    kind: 'invite',
  });
}
