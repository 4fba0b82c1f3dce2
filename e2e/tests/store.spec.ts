import { expect, test, type Page } from './fixtures';
import { FIRST_PAGE_BUDGET, gzippedJavaScriptOf } from './javascript-budget';
import { expectAccessible, screenshot } from './page-checks';
import { urls } from './urls';

const phone = { width: 390, height: 844 };

/** Nothing sticks out sideways: the page is exactly as wide as the phone's screen. */
async function expectFitsPhone(page: Page) {
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBe(phone.width);
}

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
    expect(html).toContain('ASA Filament');
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

  test('on a phone, the catalog, the cart and the admin import fit the screen, the cart link in the header', async ({
    page,
  }) => {
    await page.setViewportSize(phone);
    await page.goto(urls.store);
    await expect(page.getByText('ESP32 DevKit V1')).toBeVisible();
    await expectFitsPhone(page);

    const cartLink = (items: string) =>
      page.getByRole('banner').getByRole('link', { name: `Cart, ${items}` });
    await expect(cartLink('0 items')).toBeVisible();
    await page.goto(`${urls.store}/products/pla-filament-galaxy-black-1kg`);
    await page
      .getByRole('form', { name: 'Add to cart' })
      .getByRole('button', { name: 'Add to cart' })
      .click();
    await expect(page).toHaveURL(`${urls.store}/cart?added=1`);
    await expect(cartLink('1 item')).toBeVisible();
    await expectFitsPhone(page);

    await page.goto(`${urls.store}/auth/login?returnTo=%2Fadmin%2Fimport`);
    await page.locator('input[name="username"]').fill('superadmin@demo.makrx.org');
    await page.locator('input[name="password"]').fill('makrx-demo');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Import a catalog' })).toBeVisible();
    await page
      .getByLabel('Or paste the rows')
      .fill(
        [
          'sku,product_slug,name,category_slug,price,stock,options',
          'FIL-PLA-ROSE-250,pla-filament-rose-1kg,"PLA Filament, Rose, 1 kg",filament,nine,5,colour=Rose',
        ].join('\n'),
      );
    await page.getByRole('button', { name: 'Import' }).click();
    await expect(page.getByRole('region', { name: 'Dry run: nothing was changed' })).toBeVisible();
    await expectFitsPhone(page);
  });
});
