import { ApiError } from '@makrx/spa-kit';

export interface InviteRefusal {
  title: string;
  description: string;
  /** Signing in with another account is the way out. */
  otherAccount?: boolean;
}

/** What the person holding the link can do about each way the service refuses it. */
export function inviteRefusalOf(error: unknown): InviteRefusal {
  const code = error instanceof ApiError ? error.code : undefined;
  switch (code) {
    case 'INVITE_EXPIRED':
      return {
        title: 'This invite has expired',
        description: 'Invites work for 24 hours. Ask the makerspace’s admin to send you a new one.',
      };
    case 'INVITE_USED':
      return {
        title: 'This invite has already been used',
        description:
          'Each invite works once. If it was you, the makerspace is already among yours; otherwise ask for a new invite.',
      };
    case 'INVITE_REVOKED':
      return {
        title: 'This invite was withdrawn',
        description: 'The makerspace’s admin withdrew it. Ask them if you think that is a mistake.',
      };
    case 'INVITE_NOT_FOUND':
      return {
        title: 'This invite link does not work',
        description:
          'It may be incomplete, or a newer invite replaced it. Open the link in the latest invite mail.',
      };
    case 'INVITE_OTHER_EMAIL':
      return {
        title: 'This invite is for another email address',
        description:
          'Sign out and sign in (or create an account) with the address the invite was sent to.',
        otherAccount: true,
      };
    default:
      return {
        title: 'The invite could not be checked',
        description: 'MakrCave could not be reached. Try again in a moment.',
      };
  }
}
