import { expect, type Browser, type Page } from '@playwright/test';
import { urls } from './urls';

/** Signs in from the cave's header on `path`, and waits to be back there. */
export async function signInAtCave(page: Page, email: string, path = '/') {
  await page.goto(`${urls.cave}${path}`);
  await page.getByRole('banner').getByRole('button', { name: 'Sign in' }).click();
  await page.locator('input[name="username"]').fill(email);
  await page.locator('input[name="password"]').fill('makrx-demo');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(`${urls.cave}${path}`);
}

/** A page of its own for `email`: two people at once, each in their own browser session. */
export async function personAt(browser: Browser, email: string, path: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signInAtCave(page, email, path);
  return page;
}
