import type { Database } from '@makrx/db';
import { type Mailer, renderEmail } from '@makrx/mailer';
import { issueActionToken } from './action-tokens';

export interface AccountEmailSettings {
  mailer: Mailer;
  /** Absolute URL of the login-actions pages, where the links in these emails lead. */
  loginActionsUrl: string;
}

export async function sendVerificationEmail(
  db: Database,
  settings: AccountEmailSettings,
  user: { id: string; email: string; displayName: string },
): Promise<void> {
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

export async function sendPasswordResetEmail(
  db: Database,
  settings: AccountEmailSettings,
  user: { id: string; email: string; displayName: string },
): Promise<void> {
  const token = await issueActionToken(db, user.id, 'reset-password');
  const url = `${settings.loginActionsUrl}/reset-password?key=${token}`;
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
