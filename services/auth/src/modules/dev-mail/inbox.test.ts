import { startTestIssuer, type TestIssuer } from '@makrx/auth/testing';
import { startTestService, testDrivers, type TestService } from '@makrx/service-kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authService } from '../../service';

describe.each(testDrivers)('the dev mailbox inbox pages over %s', (driver) => {
  let idp: TestIssuer;
  let auth: TestService;
  const ada = `ada-${crypto.randomUUID().slice(0, 8)}@example.org`;
  const grace = `grace-${crypto.randomUUID().slice(0, 8)}@example.org`;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    idp = await startTestIssuer();
    auth = await startTestService(authService, driver, { issuer: idp.issuer });
    const send = (to: string, subject: string, html?: string) =>
      auth.app.mailer.send({
        to,
        subject,
        text: `Open https://makrx.test/${subject.length}`,
        html,
        kind: 'test',
      });
    ids.welcome = (await send(ada, 'Welcome to MakrX')).messageId;
    ids.sneaky = (
      await send(
        ada,
        'Your <b>order</b>',
        '<html><head></head><body><script>alert(1)</script><a href="https://makrx.test/o">Track</a></body></html>',
      )
    ).messageId;
    ids.reset = (await send(grace, 'Reset your password')).messageId;
  });
  afterAll(async () => {
    await auth.close();
    await idp.close();
  });

  const page = (url: string) => auth.app.inject({ method: 'GET', url });

  it('lists the mail newest first as a page, with recipient and time, and filters by recipient', async () => {
    const all = await page('/dev/inbox');
    expect(all.statusCode).toBe(200);
    expect(all.headers['content-type']).toBe('text/html; charset=utf-8');
    const order = [ids.reset, ids.sneaky, ids.welcome].map((id) =>
      all.body.indexOf(`/dev/inbox/${id}`),
    );
    expect(order.every((at) => at > 0)).toBe(true);
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(all.body).toContain(`To ${grace}`);
    expect(all.body).toContain('Your &lt;b&gt;order&lt;/b&gt;');

    const adas = await page(`/dev/inbox?to=${encodeURIComponent(ada.toUpperCase())}`);
    expect(adas.body).toContain(`/dev/inbox/${ids.welcome}`);
    expect(adas.body).not.toContain(`/dev/inbox/${ids.reset}`);
  });

  it('says so when nothing was sent to an address, and refuses a malformed one naming the field', async () => {
    const none = await page('/dev/inbox?to=nobody%40example.org');
    expect(none.statusCode).toBe(200);
    expect(none.body).toContain('No mail to this address');

    const malformed = await page('/dev/inbox?to=%3Cscript%3E');
    expect(malformed.statusCode).toBe(400);
    expect(malformed.body).toContain('Recipient: enter a whole email address');
    expect(malformed.body).not.toContain('<script>');
  });

  it('shows one mail’s HTML only inside a sandboxed frame, with its text beside it', async () => {
    const opened = await page(`/dev/inbox/${ids.sneaky}`);
    expect(opened.statusCode).toBe(200);
    expect(opened.headers['content-security-policy']).toContain("default-src 'none'");
    expect(opened.body).toMatch(/<iframe sandbox="allow-top-navigation-by-user-activation"/);
    expect(opened.body).not.toContain('<script>');
    expect(opened.body).toContain(
      'srcdoc="&lt;html&gt;&lt;head&gt;&lt;base target=&quot;_top&quot;&gt;',
    );
    expect(opened.body).toContain('<a href="https://makrx.test/17" rel="noreferrer">');

    expect((await page('/dev/inbox/00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
    expect((await page('/dev/inbox/not-a-mail')).statusCode).toBe(404);
  });
});
