import { setFlag, superAdminToken } from './flag-api';
import { expect, test } from './fixtures';
import { expectAccessible, screenshot } from './page-checks';
import { urls } from './urls';

/*
 * Issue "Fabrication", item 6: with ENABLE_SERVICE_MARKETPLACE on, the store lists the print
 * providers publicly (their printers, materials, lead times and ratings); off, the page says
 * it is coming soon and nothing links to it.
 */

const FLAG = 'ENABLE_SERVICE_MARKETPLACE';

test.describe('the print providers’ list in the store', () => {
  test('off (the default): coming soon, and no link to it', async ({ page }) => {
    await page.goto(`${urls.store}/print/providers`);
    await expect(
      page.getByRole('heading', { name: 'The print providers’ list is coming soon' }),
    ).toBeVisible();
    await expect(page.getByRole('article', { name: 'MakrX Hub Bengaluru' })).toHaveCount(0);
    await page.goto(`${urls.store}/print`);
    await expect(page.getByRole('link', { name: /See the providers/ })).toHaveCount(0);
    await expect(
      page.getByRole('banner').getByRole('link', { name: 'Print providers' }),
    ).toHaveCount(0);
    await expectAccessible(page);
  });

  test('on: a guest reads the demo providers, their printers, materials and ratings', async ({
    page,
    browser,
  }) => {
    const token = await superAdminToken(browser);
    await setFlag(token, FLAG, true, 'Showing the providers in the store.');
    try {
      await page.goto(`${urls.store}/print`);
      await page.getByRole('link', { name: /See the providers/ }).click();
      await expect(page).toHaveURL(`${urls.store}/print/providers`);
      await expect(
        page.getByRole('heading', { name: '3D printing providers', level: 1 }),
      ).toBeVisible();

      const hub = page.getByRole('article', { name: 'MakrX Hub Bengaluru' });
      await expect(hub).toBeVisible();
      await expect(hub).toContainText('Bengaluru, India');
      await expect(hub.getByRole('list', { name: 'Printers' })).toContainText('Prusa MK4 #1');
      await expect(hub).toContainText('Formlabs Form 3+');
      await expect(hub).toContainText('Standard resin');
      await expect(hub).toContainText(/build volume \d+ × \d+ × \d+ mm/);
      await expect(hub).toContainText(/Ready in|Ships today/);

      const pune = page.getByRole('article', { name: 'TinkerWorks Pune' });
      await expect(pune).toContainText('Pune, India');
      await expect(pune).toContainText('Creality K1 Max');
      await expect(pune).toContainText('PLA');
      await expect(pune).toContainText('PETG');
      // A rating as stars and a count, or "New provider" before the first.
      for (const provider of [hub, pune]) {
        await expect(
          provider
            .getByText('New provider')
            .or(provider.getByRole('img', { name: /out of 5 stars/ })),
        ).toBeVisible();
      }

      await expect(
        page.getByRole('banner').getByRole('link', { name: 'Print providers' }),
      ).toBeVisible();
      await expectAccessible(page);
      await screenshot(page, 'store-print-providers');
    } finally {
      await setFlag(token, FLAG, false, 'Back to its default.');
    }
  });
});
