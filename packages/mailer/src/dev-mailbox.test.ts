import type { DatabaseHandle } from '@makrx/db';
import { createTestDatabase, testDrivers } from '@makrx/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMailer, type MailLog, type Mailer } from './index';

describe.each(testDrivers)('the dev mailbox (SMTP_URL unset) over %s', (driver) => {
  let database: DatabaseHandle;
  let mailer: Mailer;
  const logLines: string[] = [];
  const log: MailLog = { info: (_fields, message) => logLines.push(message) };

  beforeAll(async () => {
    database = await createTestDatabase(driver);
    mailer = createMailer({ from: 'MakrX <no-reply@makrx.test>', database: database.db, log });
  });
  afterAll(() => database.close());

  it('stores each mail instead of sending it, and logs it in one line', async () => {
    const sent = await mailer.send({
      to: 'Ada@Example.org',
      subject: 'Verify your email',
      text: 'Open http://localhost:3000/verify?token=abc',
      html: '<p>Verify</p>',
      kind: 'email-verification',
    });

    expect(mailer.transport).toBe('dev-mailbox');
    expect(await mailer.findDevMail(sent.messageId)).toEqual({
      id: sent.messageId,
      sentAt: expect.any(Date),
      to: 'Ada@Example.org',
      from: 'MakrX <no-reply@makrx.test>',
      subject: 'Verify your email',
      text: 'Open http://localhost:3000/verify?token=abc',
      html: '<p>Verify</p>',
      kind: 'email-verification',
    });
    expect(logLines).toEqual([
      `dev mailbox: "Verify your email" to Ada@Example.org (email-verification, id ${sent.messageId})`,
    ]);
  });

  it('lists the mail of one recipient newest first, in any letter case', async () => {
    const first = await mailer.send({
      to: 'grace@example.org',
      subject: 'Welcome',
      text: 'Hello',
      kind: 'welcome',
    });
    const second = await mailer.send({
      to: 'GRACE@example.org',
      subject: 'Reset your password',
      text: 'Reset at http://localhost:3000/reset?token=xyz',
      kind: 'password-reset',
    });

    const listed = await mailer.listDevMail({ to: 'Grace@Example.ORG', limit: 10 });

    expect(listed.map((m) => [m.id, m.subject, m.html])).toEqual([
      [second.messageId, 'Reset your password', null],
      [first.messageId, 'Welcome', null],
    ]);
  });

  it('lists everyone’s mail newest first, up to the limit', async () => {
    const all = await mailer.listDevMail({ limit: 10 });
    const latestTwo = await mailer.listDevMail({ limit: 2 });

    expect(all.map((m) => m.kind)).toEqual(['password-reset', 'welcome', 'email-verification']);
    expect(latestTwo).toEqual(all.slice(0, 2));
    expect(await mailer.listDevMail({ to: 'nobody@example.org', limit: 10 })).toEqual([]);
  });

  it('finds nothing for an unknown or malformed id', async () => {
    expect(await mailer.findDevMail('00000000-0000-4000-8000-000000000000')).toBeUndefined();
    expect(await mailer.findDevMail('not-a-uuid')).toBeUndefined();
  });
});
