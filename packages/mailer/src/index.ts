export { createMailer } from './mailer';
export type { MailLog, Mailer, MailerOptions } from './mailer';
export type { MailMessage, SentMail } from './mail-message';
export type { DevMail, DevMailQuery } from './dev-mailbox';
export { MailDeliveryError } from './smtp-sender';
export { renderEmail } from './render-email';
export type { EmailContent, RenderedEmail } from './render-email';
export { mailEnv } from './mail-env';
export type { MailConfig } from './mail-env';
