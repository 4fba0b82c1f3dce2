import { readFileSync } from 'node:fs';
import { expect, test, type Page } from './fixtures';
import { verificationLinkFor } from './newcomer';
import { expectAccessible, screenshot } from './page-checks';
import { urls } from './urls';

/*
 * A maker's own data, as they would look after it: a newcomer signs up on MakrX.org, sets their
 * preferences, downloads everything MakrX holds about them as one file, and deletes their
 * account behind its danger zone. Afterwards the account no longer signs in.
 */

const unique = crypto.randomUUID().slice(0, 8);
const NEWCOMER = {
  email: `leaving.maker.${unique}@example.org`,
  name: `Lee Leaving ${unique}`,
  password: 'a-long-new-password',
};

async function signIn(page: Page) {
  await page.getByRole('main').getByRole('button', { name: 'Sign in' }).click();
  await page.locator('input[name="username"]').fill(NEWCOMER.email);
  await page.locator('input[name="password"]').fill(NEWCOMER.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

test('a newcomer downloads their data and deletes their account', async ({ page }) => {
  test.slow();
  // A guest is asked to sign in, not shown an empty form.
  await page.goto(`${urls.gateway}/account`);
  await expect(
    page.getByRole('heading', { level: 1, name: 'Sign in to manage your account' }),
  ).toBeVisible();
  await screenshot(page, 'gateway-account-signed-out');

  // Sign up from there, and land back in the account area.
  await page.getByRole('main').getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('link', { name: 'Create an account' }).click();
  await page.locator('input[name="email"]').fill(NEWCOMER.email);
  await page.locator('input[name="displayName"]').fill(NEWCOMER.name);
  await page.locator('input[name="password"]').fill(NEWCOMER.password);
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.getByRole('heading', { name: 'Check your email' })).toBeVisible();
  // The address is confirmed from the mailed link, then the newcomer signs in.
  await page.goto(await verificationLinkFor(NEWCOMER.email));
  await page.goto(`${urls.gateway}/account`);
  await signIn(page);
  await expect(page).toHaveURL(`${urls.gateway}/account`);
  await expect(page.getByRole('heading', { level: 1, name: 'Your account' })).toBeVisible();
  const sections = page.getByRole('navigation', { name: 'Your account' });
  await expect(sections.getByRole('link', { name: 'Overview' })).toHaveAttribute(
    'aria-current',
    'page',
  );
  await expectAccessible(page);
  await screenshot(page, 'gateway-account-overview');

  // Preferences: the defaults, changed and kept.
  await sections.getByRole('link', { name: 'Preferences' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Preferences' })).toBeVisible();
  await expect(page.getByLabel('Units')).toHaveValue('metric');
  await page.getByLabel('Units').selectOption('imperial');
  await page.getByLabel('Currency').selectOption('EUR');
  await page.getByLabel('Time zone').selectOption('Europe/Berlin');
  await page.getByRole('button', { name: 'Save preferences' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible();
  await page.reload();
  await expect(page.getByLabel('Units')).toHaveValue('imperial');
  await expect(page.getByLabel('Currency')).toHaveValue('EUR');
  await expect(page.getByLabel('Time zone')).toHaveValue('Europe/Berlin');
  await expectAccessible(page);
  await screenshot(page, 'gateway-account-preferences');

  // Your data: one JSON file with a section from each service and what deletion keeps.
  await sections.getByRole('link', { name: 'Your data' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Your data' })).toBeVisible();
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download my data' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^makrx-data-\d{4}-\d{2}-\d{2}\.json$/);
  const data = JSON.parse(readFileSync((await download.path())!, 'utf8'));
  expect(data.auth.account).toMatchObject({ email: NEWCOMER.email, displayName: NEWCOMER.name });
  expect(data.auth.preferences).toMatchObject({ units: 'imperial', currency: 'EUR' });
  expect(data.cave).toHaveProperty('memberships');
  expect(data.cave).toHaveProperty('bookings');
  expect(data.cave).toHaveProperty('projects');
  expect(data.store).toHaveProperty('orders');
  expect(data.retained.length).toBeGreaterThan(0);
  await expect(page.getByText(`Saved as ${download.suggestedFilename()}.`)).toBeVisible();
  await expectAccessible(page);
  await screenshot(page, 'gateway-account-your-data');

  // The danger zone: a wrong address deletes nothing; the right one deletes the account.
  await page.getByRole('button', { name: 'Delete my account…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Delete your MakrX account?' });
  await dialog.getByLabel('Your email address').fill('someone.else@example.org');
  await dialog.getByRole('button', { name: 'Delete my account' }).click();
  await expect(dialog.getByRole('alert')).toContainText('Type the email address you sign in with');
  await screenshot(page, 'gateway-account-delete-dialog', { fullPage: false });
  await dialog.getByLabel('Your email address').fill(NEWCOMER.email);
  await dialog.getByRole('button', { name: 'Delete my account' }).click();
  await expect(page.getByRole('heading', { name: 'Account deleted' })).toBeVisible();
  await expect(page.getByText('Your account is deleted.')).toBeVisible();
  await screenshot(page, 'gateway-account-deleted');
  await page.getByRole('button', { name: 'Finish and leave' }).click();
  await expect(page.getByRole('banner').getByRole('button', { name: 'Sign in' })).toBeVisible();

  // The account is gone: its password no longer signs in.
  await page.goto(`${urls.gateway}/account`);
  await signIn(page);
  await expect(page.getByText(/invalid|incorrect|wrong/i).first()).toBeVisible();
});
