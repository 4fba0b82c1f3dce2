import { expect, test } from '@playwright/test';
import { FIRST_PAGE_BUDGET, gzippedJavaScriptOf } from './javascript-budget';
import { expectAccessible, screenshot } from './page-checks';
import { urls } from './urls';

test.describe('MakrX.Store', () => {
  test('the catalog shows products from the store service', async ({ page }) => {
    await page.goto(urls.store);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(page.getByText('ESP32 DevKit V1')).toBeVisible();
    await expect(page.getByText('Digital Calipers, 150 mm')).toBeVisible();
    await expectAccessible(page);
    await screenshot(page, 'store-catalog');
  });

  test('a category narrows the catalog', async ({ page }) => {
    await page.goto(urls.store);
    await page
      .getByRole('link', { name: /^Resin/ })
      .first()
      .click();
    await expect(page.getByText('Standard Resin, Grey, 1 L')).toBeVisible();
    await expect(page.getByText('ESP32 DevKit V1')).toHaveCount(0);
  });

  test('a product page shows price, stock and specifications', async ({ page }) => {
    await page.goto(`${urls.store}/products/digital-calipers-150mm`);
    await expect(
      page.getByRole('heading', { level: 1, name: 'Digital Calipers, 150 mm' }),
    ).toBeVisible();
    await expect(page.getByText('$49.99').first()).toBeVisible();
    await expect(page.getByText('0.01 mm').first()).toBeVisible();
    await expectAccessible(page);
    await screenshot(page, 'store-product');
  });

  test('a product page is complete without JavaScript', async ({ request }) => {
    const html = await (await request.get(`${urls.store}/products/asa-filament-grey-1kg`)).text();
    expect(html).toContain('ASA Filament, Grey, 1 kg');
    expect(html).toContain('$34.99');
    expect(html).toMatch(/out of stock/i);
  });

  test('an unknown product answers 404 with a designed page', async ({ page }) => {
    const response = await page.goto(`${urls.store}/products/flux-capacitor`);
    expect(response?.status()).toBe(404);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  });

  test('the first page ships at most 150 KB of gzipped JavaScript', async ({ page }) => {
    expect(await gzippedJavaScriptOf(page, urls.store)).toBeLessThanOrEqual(FIRST_PAGE_BUDGET);
  });
});
