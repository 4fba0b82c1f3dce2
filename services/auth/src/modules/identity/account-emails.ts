import type { Database } from '@makrx/db';
import { type Mailer, renderEmail } from '@makrx/mailer';
import { issueActionToken, linksMailedSince } from './action-tokens';

export interface AccountEmailSettings {
  mailer: Mailer;
  /** Absolute URL of the login-actions pages, where the links in these emails lead. */
  loginActionsUrl: string;
}

/**
 * Account emails one address receives in an hour at most, whoever asks and from wherever:
 * a script that rotates its client address still cannot flood someone's mailbox.
 */
export const ACCOUNT_MAILS_PER_HOUR = 5;

type Recipient = { id: string; email: string; displayName: string };

/** Whether `user` may be mailed another link now; each link mailed is an action token. */
async function mayMail(db: Database, user: Recipient): Promise<boolean> {
  const hourAgo = new Date(Date.now() - 3600_000);
  return (await linksMailedSince(db, user.id, hourAgo)) < ACCOUNT_MAILS_PER_HOUR;
}

export async function sendVerificationEmail(
  db: Database,
  settings: AccountEmailSettings,
  user: Recipient,
): Promise<void> {
  if (!(await mayMail(db, user))) return;
  const token = await issueActionToken(db, user.id, 'verify-email');
  const url = `${settings.loginActionsUrl}/action-token/verify-email?key=${token}`;
  const { html, text } = renderEmail({
    heading: `Welcome to MakrX, ${user.displayName}`,
    paragraphs: [
      'Confirm your email address so we can send you order updates, makerspace invitations and account notices.',
      'The link works for three days.',
    ],
    action: { label: 'Verify my email', url },
    footer: 'If you did not create a MakrX account, ignore this email.',
  });
  await settings.mailer.send({
    to: user.email,
    subject: 'Verify your email for MakrX',
    text,
    html,
    kind: 'email-verification',
  });
}

/** A link that lets the owner choose a new password: 30 minutes, once. */
async function passwordResetLink(db: Database, settings: AccountEmailSettings, user: Recipient) {
  const token = await issueActionToken(db, user.id, 'reset-password');
  return `${settings.loginActionsUrl}/reset-password?key=${token}`;
}

export async function sendPasswordResetEmail(
  db: Database,
  settings: AccountEmailSettings,
  user: Recipient,
): Promise<void> {
  if (!(await mayMail(db, user))) return;
  const url = await passwordResetLink(db, settings, user);
  const { html, text } = renderEmail({
    heading: 'Reset your MakrX password',
    paragraphs: [
      `Hi ${user.displayName}, someone asked to reset the password of your MakrX account.`,
      'The link works for 30 minutes, once.',
    ],
    action: { label: 'Choose a new password', url },
    footer: 'If it was not you, ignore this email: your password stays as it is.',
  });
  await settings.mailer.send({
    to: user.email,
    subject: 'Reset your MakrX password',
    text,
    html,
    kind: 'password-reset',
  });
}

/**
 * Someone signed up with the email of an existing account. The page they see is the one a new
 * account gets, so it reveals nothing; the owner learns of it here, with a way back in.
 */
export async function sendAlreadyRegisteredEmail(
  db: Database,
  settings: AccountEmailSettings,
  user: Recipient,
): Promise<void> {
  if (!(await mayMail(db, user))) return;
  const url = await passwordResetLink(db, settings, user);
  const { html, text } = renderEmail({
    heading: 'You already have a MakrX account',
    paragraphs: [
      `Hi ${user.displayName}, someone tried to create a MakrX account with this email address, which already has one.`,
      'If it was you, sign in with your password. Forgot it? Choose a new one with the link below; it works for 30 minutes, once.',
    ],
    action: { label: 'Choose a new password', url },
    footer: 'If it was not you, ignore this email: nothing about your account has changed.',
  });
  await settings.mailer.send({
    to: user.email,
    subject: 'You already have a MakrX account',
    text,
    html,
    kind: 'account-exists',
  });
}
