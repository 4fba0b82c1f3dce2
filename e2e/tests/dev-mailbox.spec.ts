import { expect, test } from './fixtures';
import { expectAccessible, screenshot } from './page-checks';
import { urls } from './urls';

test('the dev mailbox inbox lists mail newest first, filters by recipient, and shows a mail safely', async ({
  page,
}) => {
  test.slow();
  // Someone signs up: the identity provider mails them a verification link.
  const email = `inbox.reader.${crypto.randomUUID().slice(0, 8)}@example.org`;
  await page.goto(`${urls.store}/auth/login`);
  await page.getByRole('link', { name: 'Create an account' }).click();
  await page.locator('input[name="email"]').fill(email);
  await page.locator('input[name="displayName"]').fill('Ines Inbox');
  await page.locator('input[name="password"]').fill('a-long-new-password');
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.getByRole('heading', { name: 'Check your email' })).toBeVisible();

  await page.goto(`${urls.authApi}/dev/inbox`);
  await expect(page.getByRole('heading', { level: 1, name: 'Inbox' })).toBeVisible();
  const mails = page.getByRole('list', { name: 'Mail' }).getByRole('listitem');
  await expect(mails.first()).toBeVisible();
  await expectAccessible(page);
  await screenshot(page, 'dev-inbox');

  await page.getByLabel('Recipient').fill(email);
  await page.getByRole('button', { name: 'Filter' }).click();
  await expect(page.getByText(`Mail to ${email}, newest first.`)).toBeVisible();
  await expect(mails).toHaveCount(1);
  await expect(mails.first()).toContainText('Verify your email for MakrX');
  await expect(mails.first()).toContainText(`To ${email}`);

  await mails.first().getByRole('link').click();
  await expect(
    page.getByRole('heading', { level: 1, name: 'Verify your email for MakrX' }),
  ).toBeVisible();
  const body = page.frameLocator('iframe[title^="The mail"]');
  await expect(body.getByRole('link', { name: 'Verify my email' })).toBeVisible();
  await expect(page.locator('pre')).toContainText('verify-email?key=');
  // The mail's own HTML runs no scripts in its frame; its renderer's tests cover its markup.
  await expectAccessible(page, { exclude: ['iframe'] });
  await screenshot(page, 'dev-inbox-mail');

  // The mail's own button opens its link in the tab, as it would from a mail client.
  await body.getByRole('link', { name: 'Verify my email' }).click();
  await expect(page).toHaveURL(/verify-email\?key=/);

  await page.goto(`${urls.authApi}/dev/inbox?to=${encodeURIComponent('nobody.here@example.org')}`);
  await expect(page.getByText('No mail to this address')).toBeVisible();
  await expectAccessible(page);
  await screenshot(page, 'dev-inbox-empty');

  await page.goto(`${urls.authApi}/dev/inbox?to=not-an-address`);
  await expect(page.getByRole('alert')).toContainText('Recipient: enter a whole email address');
});
