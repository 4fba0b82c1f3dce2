/** One transactional mail, whichever way it leaves. */
export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html?: string | undefined;
  /** What the mail is for, e.g. 'email-verification', 'password-reset', 'invite'. */
  kind: string;
}

export interface SentMail {
  messageId: string;
}
