import type { AddressInfo } from 'node:net';
import type { Database } from '@makrx/db';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer, type SMTPServerOptions } from 'smtp-server';
import { afterEach, describe, expect, it } from 'vitest';
import { createMailer, MailDeliveryError, type Mailer } from './index';

/** A real SMTP server on a free loopback port that keeps what it receives. */
interface TestSmtpServer {
  port: number;
  received: { mail: ParsedMail; user: string | undefined; secure: boolean }[];
  stop(): Promise<void>;
}

async function startSmtpServer(
  options: { users?: Record<string, string>; secure?: boolean; port?: number } = {},
): Promise<TestSmtpServer> {
  const received: TestSmtpServer['received'] = [];
  const users = options.users;
  const serverOptions: SMTPServerOptions = {
    secure: options.secure ?? false,
    logger: false,
    // STARTTLS would offer smtp-server's self-signed certificate, which nodemailer refuses.
    disabledCommands: users ? ['STARTTLS'] : ['STARTTLS', 'AUTH'],
    authOptional: !users,
    allowInsecureAuth: true,
    onAuth: (auth, _session, callback) => {
      const known = users?.[auth.username ?? ''];
      if (known !== undefined && known === auth.password) {
        callback(null, { user: auth.username });
      } else {
        callback(new Error('Invalid username or password'));
      }
    },
    onData: (stream, session, callback) => {
      simpleParser(stream)
        .then((mail) => {
          received.push({ mail, user: session.user as string | undefined, secure: session.secure });
          callback();
        })
        .catch(callback);
    },
  };
  const server = new SMTPServer(serverOptions);
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  let stopped = false;
  return {
    port,
    received,
    stop: () =>
      stopped
        ? Promise.resolve()
        : new Promise<void>((resolve) => {
            stopped = true;
            server.close(() => resolve());
          }),
  };
}

// The SMTP path never touches the database; the dev mailbox tests cover that side.
const noDatabase = {} as Database;
const FROM = 'MakrX <no-reply@makrx.test>';

const verification = {
  to: 'ada@example.org',
  subject: 'Verify your email for MakrX',
  text: 'Open http://localhost:3000/verify?token=abc to verify.',
  html: '<p>Open <a href="http://localhost:3000/verify?token=abc">this link</a>.</p>',
  kind: 'email-verification',
};

describe('mail over SMTP (SMTP_URL set)', () => {
  const cleanups: (() => Promise<void> | void)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  async function serverAndMailer(
    options: Parameters<typeof startSmtpServer>[0],
    url: (port: number) => string,
  ): Promise<{ server: TestSmtpServer; mailer: Mailer }> {
    const server = await startSmtpServer(options);
    cleanups.push(() => server.stop());
    const mailer = createMailer({ smtpUrl: url(server.port), from: FROM, database: noDatabase });
    cleanups.push(() => mailer.close());
    return { server, mailer };
  }

  it('delivers subject, recipient, text and html to a server without AUTH', async () => {
    const { server, mailer } = await serverAndMailer({}, (port) => `smtp://127.0.0.1:${port}`);

    const sent = await mailer.send(verification);

    expect(mailer.transport).toBe('smtp');
    expect(sent.messageId).toMatch(/^<.+@.+>$/);
    expect(server.received).toHaveLength(1);
    const { mail, user } = server.received[0]!;
    expect(user).toBeUndefined();
    expect(mail.messageId).toBe(sent.messageId);
    expect(mail.subject).toBe(verification.subject);
    expect(mail.to).toMatchObject({ value: [{ address: 'ada@example.org' }] });
    expect(mail.from).toMatchObject({ value: [{ name: 'MakrX', address: 'no-reply@makrx.test' }] });
    expect(mail.text?.trim()).toBe(verification.text);
    expect(mail.html).toBe(verification.html);
    expect(mail.headers.get('x-makrx-mail-kind')).toBe('email-verification');
  });

  it('signs in with the user and password of smtp://user:pass@host:port', async () => {
    const users = { 'mailer@makrx.test': 's3cret:pass' };
    const { server, mailer } = await serverAndMailer(
      { users },
      (port) => `smtp://mailer%40makrx.test:s3cret%3Apass@127.0.0.1:${port}`,
    );

    await mailer.send({ ...verification, html: undefined });
    await mailer.send({ ...verification, to: 'grace@example.org', html: undefined });

    expect(server.received.map((r) => r.user)).toEqual(['mailer@makrx.test', 'mailer@makrx.test']);
    expect(server.received.map((r) => r.mail.html)).toEqual([false, false]);
    expect(server.received[1]?.mail.to).toMatchObject({
      value: [{ address: 'grace@example.org' }],
    });
  });

  it('speaks TLS from the first byte for smtps://', async () => {
    // smtp-server's built-in certificate is self-signed; the URL's tls.* options reach nodemailer.
    const { server, mailer } = await serverAndMailer(
      { secure: true },
      (port) => `smtps://127.0.0.1:${port}?tls.rejectUnauthorized=false`,
    );

    await mailer.send(verification);

    expect(server.received[0]?.secure).toBe(true);
    expect(server.received[0]?.mail.subject).toBe(verification.subject);
  });

  it('rejects wrong credentials with an error naming the server but not the password', async () => {
    const { server, mailer } = await serverAndMailer(
      { users: { mailer: 'right' } },
      (port) => `smtp://mailer:wrong-password@127.0.0.1:${port}`,
    );

    const failure = mailer.send(verification);

    await expect(failure).rejects.toBeInstanceOf(MailDeliveryError);
    await expect(failure).rejects.toThrow(
      new RegExp(`SMTP server smtp://127\\.0\\.0\\.1:${server.port} is not usable: .*Invalid`),
    );
    await expect(failure).rejects.not.toThrow(/wrong-password/);
    expect(server.received).toHaveLength(0);
  });

  it('rejects with a clear error when the connection is refused (server stopped)', async () => {
    const { server, mailer } = await serverAndMailer({}, (port) => `smtp://127.0.0.1:${port}`);
    await server.stop();

    const failure = mailer.send(verification);

    await expect(failure).rejects.toMatchObject({ code: 'MAIL_DELIVERY_FAILED' });
    await expect(failure).rejects.toThrow(
      `SMTP server smtp://127.0.0.1:${server.port} is not usable: connect ECONNREFUSED`,
    );
  });

  it('starts while the mail server is down and delivers once it is back', async () => {
    const gone = await startSmtpServer();
    await gone.stop();
    const mailer = createMailer({
      smtpUrl: `smtp://127.0.0.1:${gone.port}`,
      from: FROM,
      database: noDatabase,
    });
    cleanups.push(() => mailer.close());
    await expect(mailer.send(verification)).rejects.toThrow(/ECONNREFUSED/);

    const back = await startSmtpServer({ port: gone.port });
    cleanups.push(() => back.stop());
    await mailer.send(verification);

    expect(back.received.map((r) => r.mail.subject)).toEqual([verification.subject]);
  });

  it('rejects a send after the server went away, naming the mail and the server', async () => {
    const { server, mailer } = await serverAndMailer({}, (port) => `smtp://127.0.0.1:${port}`);
    await mailer.send(verification);
    await server.stop();

    await expect(mailer.send({ ...verification, kind: 'password-reset' })).rejects.toThrow(
      `Sending the password-reset mail to ada@example.org through smtp://127.0.0.1:${server.port} failed: connect ECONNREFUSED`,
    );
  });

  it.each([
    ['http://mail.example.org', /must start with smtp:\/\/ or smtps:\/\/ \(got http:\/\/\)/],
    ['mail.example.org:25', /must start with smtp:\/\/ or smtps:\/\//],
    ['not a url', /SMTP_URL is not a URL/],
  ])('refuses SMTP_URL %s at start', (smtpUrl, message) => {
    expect(() => createMailer({ smtpUrl, from: FROM, database: noDatabase })).toThrow(message);
  });

  it('has no dev mailbox to read', async () => {
    const mailer = createMailer({
      smtpUrl: 'smtp://127.0.0.1:1',
      from: FROM,
      database: noDatabase,
    });
    cleanups.push(() => mailer.close());

    await expect(mailer.listDevMail({ limit: 10 })).rejects.toThrow(/dev mailbox is off/);
    await expect(mailer.findDevMail('x')).rejects.toThrow(/dev mailbox is off/);
  });
});
