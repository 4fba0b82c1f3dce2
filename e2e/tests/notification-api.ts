import { expect, type Page } from '@playwright/test';
import { urls } from './urls';

/**
 * Marks every notice of the person signed in on `page` as read, as "Mark all as read" does,
 * so a test that watches the bell starts from an empty inbox whatever earlier tests left.
 */
export async function readAllNotifications(page: Page): Promise<void> {
  const token = await page.evaluate(
    () =>
      (JSON.parse(sessionStorage.getItem('makrx.auth.tokens')!) as { accessToken: string })
        .accessToken,
  );
  const read = await fetch(`${urls.authApi}/api/v1/notifications/read-all`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}` },
  });
  expect(read.ok, await read.clone().text()).toBe(true);
}
