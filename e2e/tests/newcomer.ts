import { expect, type Page } from './fixtures';
import { urls } from './urls';

/** The link in the verification mail to `email`, waited on until it arrives. */
export async function verificationLinkFor(email: string): Promise<string> {
  let link = '';
  await expect
    .poll(async () => {
      const response = await fetch(`${urls.authApi}/dev/mail?to=${encodeURIComponent(email)}`);
      const mails = ((await response.json()) as { items: { subject: string; text: string }[] })
        .items;
      const mail = mails.find((m) => m.subject === 'Verify your email for MakrX');
      link = mail?.text.match(/https?:\/\/\S+verify-email\?key=[\w-]+/)?.[0] ?? '';
      return link;
    })
    .not.toBe('');
  return link;
}

/**
 * A person new to MakrX, with nothing of their own anywhere: signs up at the gateway from a
 * signed-in-only page at `path`, confirms their email and signs in, landing back on `path`.
 * Specs share one stack, so a demo user's "empty" state is whatever earlier specs left; a
 * newcomer's is truly empty.
 */
export async function signUpNewcomerAt(page: Page, path: string): Promise<{ email: string }> {
  const unique = crypto.randomUUID().slice(0, 8);
  const email = `new.maker.${unique}@example.org`;
  const password = 'a-long-new-password';
  await page.goto(`${urls.gateway}${path}`);
  await page.getByRole('main').getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('link', { name: 'Create an account' }).click();
  await page.locator('input[name="email"]').fill(email);
  await page.locator('input[name="displayName"]').fill(`Nia Newcomer ${unique}`);
  await page.locator('input[name="password"]').fill(password);
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.getByRole('heading', { name: 'Check your email' })).toBeVisible();
  await page.goto(await verificationLinkFor(email));
  await page.goto(`${urls.gateway}${path}`);
  await page.getByRole('main').getByRole('button', { name: 'Sign in' }).click();
  await page.locator('input[name="username"]').fill(email);
  await page.locator('input[name="password"]').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(`${urls.gateway}${path}`);
  return { email };
}
