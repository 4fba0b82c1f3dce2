import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, test, type Page } from './fixtures';
import { setFlag, superAdminToken } from './flag-api';
import { expectAccessible, screenshot } from './page-checks';
import { urls } from './urls';

const headerBox = (page: Page) =>
  page.getByRole('banner').getByRole('combobox', { name: 'Search the store' });
const results = (page: Page) => page.getByRole('heading', { level: 2, name: /\d+ results?/ });

test.describe('MakrX.Store search', () => {
  test('a typo finds filament, says what it searched for, and searches as typed on request', async ({
    page,
    browser,
  }) => {
    const token = await superAdminToken(browser);
    await setFlag(token, 'ENABLE_ADVANCED_SEARCH', true, 'End-to-end check of "did you mean".');
    try {
      await page.setViewportSize({ width: 1280, height: 900 });
      await page.goto(urls.store);
      await headerBox(page).fill('filamnet');
      await headerBox(page).press('Enter');
      await expect(page).toHaveURL(`${urls.store}/search?q=filamnet`);

      const main = page.locator('#main-content');
      await expect(main.getByText('Showing results for filament.')).toBeVisible();
      await expect(results(page)).toBeVisible();
      await expect(
        main.getByRole('link', { name: 'Galaxy PLA Filament', exact: true }),
      ).toBeVisible();
      await expectAccessible(page);
      await screenshot(page, 'store-search-did-you-mean');

      await main.getByRole('link', { name: 'filamnet', exact: true }).click();
      await expect(page).toHaveURL(`${urls.store}/search?q=filamnet&exact=true`);
      await expect(
        page.getByRole('heading', { name: 'Nothing found for “filamnet”' }),
      ).toBeVisible();
      await expect(main.getByText('Showing results for')).toHaveCount(0);
    } finally {
      await setFlag(token, 'ENABLE_ADVANCED_SEARCH', false, 'Back to the demo default.');
    }
  });

  test('type-ahead offers products and categories; the keyboard opens one', async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(urls.store);
    const box = headerBox(page);
    await box.fill('nozz');
    const list = page.getByRole('banner').getByRole('listbox', { name: 'Suggestions' });
    await expect(list).toBeVisible();
    await expect(box).toHaveAttribute('aria-expanded', 'true');
    await expect(list.getByRole('option', { name: /Brass Nozzle Assortment/ })).toBeVisible();
    await expect(list.getByRole('option', { name: /Hardened Steel Nozzle Set/ })).toContainText(
      '$',
    );
    await expectAccessible(page);
    await screenshot(page, 'store-search-type-ahead', { fullPage: false });

    await box.press('Escape');
    await expect(list).toBeHidden();
    await expect(box).toHaveAttribute('aria-expanded', 'false');

    await box.fill('filam');
    await expect(list.getByRole('group', { name: 'Categories' })).toContainText('Filament');
    await box.press('ArrowDown');
    const first = list.getByRole('option').first();
    await expect(first).toHaveAttribute('aria-selected', 'true');
    await expect(box).toHaveAttribute('aria-activedescendant', (await first.getAttribute('id'))!);
    const name = (await first.innerText()).split('\n')[0]!.trim();
    await box.press('Enter');
    await expect(page).toHaveURL(new RegExp(`^${urls.store}/products/`));
    await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  });

  test('on a phone the type-ahead works from the menu', async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(urls.store);
    await page.getByRole('button', { name: 'Open menu' }).click();
    await headerBox(page).fill('solder');
    const option = page.getByRole('option', { name: /Soldering Station/ });
    await expect(option).toBeVisible();
    const screenshots = fileURLToPath(new URL('../screenshots/', import.meta.url));
    mkdirSync(screenshots, { recursive: true });
    await page.screenshot({ path: `${screenshots}store-search-type-ahead-menu-phone.png` });
    await option.click();
    await expect(page).toHaveURL(`${urls.store}/products/soldering-station-60w`);
  });

  test('a result with one variant goes into the cart from the list; one with a choice leads to it', async ({
    page,
  }) => {
    await page.goto(`${urls.store}/search?q=filament`);
    const main = page.locator('#main-content');
    await expect(
      main.getByRole('link', { name: 'Choose options: PETG Filament', exact: true }),
    ).toBeVisible();
    await page.goto(`${urls.store}/search?q=soldering`);
    await main.getByRole('button', { name: 'Add to cart: Soldering Station, 60 W' }).click();
    await expect(page).toHaveURL(`${urls.store}/cart?added=1`);
    await expect(main.getByRole('link', { name: /Soldering Station, 60 W/ }).first()).toBeVisible();
  });

  test('"printer" puts printer parts first, and the results link on to all of MakrX', async ({
    page,
  }) => {
    await page.goto(`${urls.store}/search?q=printer`);
    const main = page.locator('#main-content');
    await expect(results(page)).toBeVisible();
    await expect(main.locator('article').first()).toContainText('Printer parts');
    await main.getByRole('link', { name: 'Search all of MakrX for “printer”' }).click();
    await expect(page).toHaveURL(`${urls.gateway}/search?q=printer`);
    await expect(
      page.getByRole('heading', { level: 1, name: 'Results for “printer”' }),
    ).toBeVisible();
  });
});
