import nodemailer from 'nodemailer';
import type { MailMessage, SentMail } from './mail-message';

/** Mail could not be handed to the SMTP server. The message names the server, never its password. */
export class MailDeliveryError extends Error {
  readonly code = 'MAIL_DELIVERY_FAILED';

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'MailDeliveryError';
  }
}

/**
 * Defaults that fail a send within seconds when the server is gone, instead of nodemailer's
 * minutes. Query parameters of SMTP_URL (`?connectionTimeout=…`) take precedence.
 */
const TIMEOUTS = { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 };

export function createSmtpSender(smtpUrl: string, from: string) {
  const server = describeServer(smtpUrl);
  const transporter = nodemailer.createTransport({ ...TIMEOUTS, url: smtpUrl });

  // Verified on the first send rather than at start, so a service starts while the mail
  // server is down; a failed check is retried on the next send.
  let verified: Promise<void> | undefined;
  const verify = (): Promise<void> =>
    (verified ??= transporter.verify().then(
      () => undefined,
      (err: unknown) => {
        verified = undefined;
        throw new MailDeliveryError(`SMTP server ${server} is not usable: ${reason(err)}`, {
          cause: err,
        });
      },
    ));

  return {
    async send(message: MailMessage): Promise<SentMail> {
      await verify();
      try {
        const info = await transporter.sendMail({
          from,
          to: message.to,
          subject: message.subject,
          text: message.text,
          html: message.html,
          headers: { 'X-MakrX-Mail-Kind': message.kind },
        });
        return { messageId: info.messageId };
      } catch (err) {
        throw new MailDeliveryError(
          `Sending the ${message.kind} mail to ${message.to} through ${server} failed: ${reason(err)}`,
          { cause: err },
        );
      }
    },
    close: () => transporter.close(),
  };
}

/** `smtp://host:port` without credentials, for messages and logs. */
function describeServer(smtpUrl: string): string {
  let url: URL;
  try {
    url = new URL(smtpUrl);
  } catch {
    throw new Error('SMTP_URL is not a URL; expected smtp://[user:pass@]host[:port].');
  }
  if (url.protocol !== 'smtp:' && url.protocol !== 'smtps:') {
    throw new Error(`SMTP_URL must start with smtp:// or smtps:// (got ${url.protocol}//).`);
  }
  if (!url.hostname) throw new Error('SMTP_URL names no host; expected smtp://host[:port].');
  const port = url.port || (url.protocol === 'smtps:' ? '465' : '587');
  return `${url.protocol}//${url.hostname}:${port}`;
}

function reason(err: unknown): string {
  if (!(err instanceof Error)) return String(err);
  const code = (err as { code?: unknown }).code;
  return typeof code === 'string' && !err.message.includes(code)
    ? `${err.message} (${code})`
    : err.message;
}
