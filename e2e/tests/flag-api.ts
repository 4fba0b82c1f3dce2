import { expect, type Browser } from '@playwright/test';
import { urls } from './urls';

/** A super admin's access token, taken from the gateway tab they signed in at. */
export async function superAdminToken(browser: Browser): Promise<string> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(urls.gateway);
  await page.getByRole('banner').getByRole('button', { name: 'Sign in' }).click();
  await page.locator('input[name="username"]').fill('superadmin@demo.makrx.org');
  await page.locator('input[name="password"]').fill('makrx-demo');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(`${urls.gateway}/`);
  const token = await page.evaluate(() => {
    const stored = sessionStorage.getItem('makrx.auth.tokens');
    return stored ? (JSON.parse(stored) as { accessToken: string }).accessToken : '';
  });
  await context.close();
  return token;
}

/**
 * Turns a flag on or off at once through the flags API: a super admin's emergency change, as the
 * flag screen makes it (other changes go through the change process's proposals).
 */
export async function setFlag(token: string, key: string, enabled: boolean, why: string) {
  const response = await fetch(`${urls.authApi}/api/v1/flags/${key}`, {
    method: 'PATCH',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ enabled, justification: why }),
  });
  expect(response.status, await response.clone().text()).toBe(200);
}
