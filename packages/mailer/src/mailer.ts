import type { Database } from '@makrx/db';
import { createDevMailbox, type DevMail, type DevMailQuery } from './dev-mailbox';
import type { MailMessage, SentMail } from './mail-message';
import { createSmtpSender } from './smtp-sender';

/** A pino-compatible logger; services pass `app.log`. */
export interface MailLog {
  info(fields: Record<string, unknown>, message: string): void;
}

export interface MailerOptions {
  /** SMTP_URL: `smtp://` or `smtps://`, credentials in the URL if any. Unset → dev mailbox. */
  smtpUrl?: string | undefined;
  /** The From header, e.g. `MakrX <no-reply@makrx.org>`. */
  from: string;
  database: Database;
  log?: MailLog | undefined;
}

export interface Mailer {
  /** How mail leaves: services expose GET /dev/mail only over the dev mailbox. */
  readonly transport: 'smtp' | 'dev-mailbox';
  send(message: MailMessage): Promise<SentMail>;
  /** Mail stored in the dev mailbox, newest first. Throws when mail goes out over SMTP. */
  listDevMail(query: DevMailQuery): Promise<DevMail[]>;
  /** One stored mail by id, or undefined. Throws when mail goes out over SMTP. */
  findDevMail(id: string): Promise<DevMail | undefined>;
  /** Closes open SMTP connections; nothing to do for the dev mailbox. */
  close(): void;
}

/**
 * The one way services send mail (DESIGN "Two ways to run"): over SMTP when SMTP_URL is set,
 * otherwise into the dev mailbox table, where a developer reads it back.
 */
export function createMailer(options: MailerOptions): Mailer {
  return options.smtpUrl ? smtpMailer(options.smtpUrl, options.from) : devMailboxMailer(options);
}

function smtpMailer(smtpUrl: string, from: string): Mailer {
  const sender = createSmtpSender(smtpUrl, from);
  const mailboxOff = (): never => {
    throw new Error('The dev mailbox is off: mail goes out over SMTP because SMTP_URL is set.');
  };
  return {
    transport: 'smtp',
    send: (message) => sender.send(message),
    listDevMail: async () => mailboxOff(),
    findDevMail: async () => mailboxOff(),
    close: () => sender.close(),
  };
}

function devMailboxMailer({ from, database, log = consoleLog }: MailerOptions): Mailer {
  const mailbox = createDevMailbox(database);
  return {
    transport: 'dev-mailbox',
    send: async (message) => {
      const stored = await mailbox.store(from, message);
      log.info(
        { mailId: stored.id, to: stored.to, kind: stored.kind, link: firstLink(stored.text) },
        `dev mailbox: "${stored.subject}" to ${stored.to} (${stored.kind}, id ${stored.id})`,
      );
      return { messageId: stored.id };
    },
    listDevMail: (query) => mailbox.list(query),
    findDevMail: (id) => mailbox.find(id),
    close: () => undefined,
  };
}

/** The verification or reset link, so a developer can follow it straight from the log. */
function firstLink(text: string): string | undefined {
  return /https?:\/\/\S+/.exec(text)?.[0];
}

const consoleLog: MailLog = {
  info: (fields, message) => {
    const link = typeof fields.link === 'string' ? ` ${fields.link}` : '';
    console.info(`${message}${link}`);
  },
};
