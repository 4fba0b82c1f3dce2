import { expect, test, type Page } from './fixtures';
import { setFlag, superAdminToken } from './flag-api';
import { expectAccessible, screenshot } from './page-checks';
import { urls } from './urls';

const password = 'makrx-demo';
const superAdminEmail = 'superadmin@demo.makrx.org';

async function signInOnProviderPage(page: Page, email: string) {
  await page.locator('input[name="username"]').fill(email);
  await page.locator('input[name="password"]').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

const setAdvancedSearch = (token: string, enabled: boolean) =>
  setFlag(token, 'ENABLE_ADVANCED_SEARCH', enabled, 'End-to-end check of the store search.');

/** One transparent pixel. */
const ONE_PIXEL_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);

const results = (page: Page) => page.getByRole('heading', { level: 2, name: /\d+ results?/ });

test.describe('MakrX.Store catalog and search', () => {
  test('without advanced search, a search finds by full text only and shows no filters', async ({
    page,
  }) => {
    await page.goto(`${urls.store}/search?q=filament`);
    await expect(results(page)).toHaveText('7 results');
    await expect(page.getByRole('navigation', { name: 'Filter results' })).toHaveCount(0);
    await page.goto(`${urls.store}/search?q=filamnet`);
    await expect(page.getByRole('heading', { name: 'Nothing found for “filamnet”' })).toBeVisible();
    await expect(page.getByRole('link', { name: '3D printing' }).last()).toBeVisible();
  });

  test('a guest searches, filters by material, opens a product and picks a variant', async ({
    page,
    browser,
  }) => {
    const token = await superAdminToken(browser);
    await setAdvancedSearch(token, true);
    try {
      await page.goto(`${urls.store}/search`);
      const main = page.locator('#main-content');
      await main.getByRole('searchbox', { name: 'Search the store' }).fill('filamnet');
      await main.getByRole('button', { name: 'Search', exact: true }).click();
      await expect(main.getByText('Showing results for filament.')).toBeVisible();
      await expect(results(page)).toHaveText('7 results');

      const filters = page.getByRole('navigation', { name: 'Filter results' });
      await filters.getByRole('link', { name: /^PETG/ }).click();
      await expect(page).toHaveURL(/material=PETG/);
      await expect(results(page)).toHaveText('2 results');
      await expect(filters.getByRole('link', { name: /^PETG/ })).toHaveAttribute(
        'aria-current',
        'true',
      );
      await expectAccessible(page);
      await screenshot(page, 'store-search-facets');

      await page.getByRole('link', { name: 'PETG Filament', exact: true }).first().click();
      await expect(
        page.getByRole('heading', { level: 1, name: /^PETG Filament\W+Signal Orange/ }),
      ).toBeVisible();
      const price = page.locator('[data-price]');
      const stock = page.locator('[data-stock]');
      const priceBefore = await price.innerText();
      const stockBefore = await stock.innerText();

      await page.getByText('2 kg', { exact: true }).click();
      await expect(page).toHaveURL(/variant=FIL-PETG-SOR-2000/);
      await expect(page.locator('[data-selected-variant]')).toHaveAttribute(
        'data-selected-variant',
        'FIL-PETG-SOR-2000',
      );
      await expect(price).not.toHaveText(priceBefore);
      await expect(stock).not.toHaveText(stockBefore);
      await expectAccessible(page);
      await screenshot(page, 'store-product-variant');
    } finally {
      await setAdvancedSearch(token, false);
    }
  });

  test('without JavaScript a variant is picked with the form, and the HTML carries name, price and stock', async ({
    browser,
    request,
  }) => {
    const html = await (
      await request.get(
        `${urls.store}/products/pla-filament-galaxy-black-1kg?variant=FIL-PLA-GSV-2000`,
      )
    ).text();
    expect(html).toContain('Galaxy PLA Filament');
    expect(html).toContain('FIL-PLA-GSV-2000');
    expect(html).toMatch(/\$\d+\.\d\d/);
    expect(html).toMatch(/on the shelf|left on the shelf|Out of stock/);
    expect(html).toContain('"@type":"Offer"');

    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${urls.store}/products/pla-filament-galaxy-black-1kg`);
    await page.getByText('Galaxy Purple', { exact: true }).click();
    await page.getByRole('button', { name: 'Show this option' }).click();
    await expect(page).toHaveURL(/variant=FIL-PLA-GPU-1000/);
    await context.close();
  });

  test('category pages follow the tree, and the sitemap lists categories and products', async ({
    page,
    request,
  }) => {
    await page.goto(`${urls.store}/?category=resin`);
    const crumbs = page.getByRole('navigation', { name: 'Breadcrumb' });
    await expect(crumbs.getByRole('link', { name: '3D printing' })).toBeVisible();
    await expect(page.getByText('Standard Resin, Grey, 1 L')).toBeVisible();
    await page.goto(`${urls.store}/?category=3d-printing`);
    await expect(page.getByText('Standard Resin, Grey, 1 L')).toBeVisible();
    await expect(page.getByText('Galaxy PLA Filament')).toBeVisible();

    const sitemap = await (await request.get(`${urls.store}/sitemap.xml`)).text();
    expect(sitemap).toContain(`${urls.store}/?category=workshop`);
    expect(sitemap).toContain(`${urls.store}/products/esp32-devkit-v1`);
    const robots = await (await request.get(`${urls.store}/robots.txt`)).text();
    expect(robots).toContain(`Sitemap: ${urls.store}/sitemap.xml`);
  });

  test('a store admin changes a product’s stock and imports a CSV, seeing the report', async ({
    page,
  }) => {
    await page.goto(`${urls.store}/admin/products`);
    await signInOnProviderPage(page, superAdminEmail);
    await expect(page).toHaveURL(`${urls.store}/admin/products`);
    await expect(page.getByRole('heading', { level: 1, name: 'Products' })).toBeVisible();
    const main = page.locator('#main-content');
    await main.getByRole('searchbox', { name: /Search products by name/ }).fill('calipers');
    await main.getByRole('button', { name: 'Search' }).click();
    await expectAccessible(page);
    await screenshot(page, 'store-admin-products');

    await page.getByRole('link', { name: 'Digital Calipers, 150 mm' }).click();
    const variant = page.locator('[data-variant="TOL-CAL-DIG-150"]');
    await variant.getByLabel('Stock').fill('42');
    await variant.getByLabel('Reason').fill('Stocktake after the delivery');
    await variant.getByRole('button', { name: 'Update stock' }).click();
    await expect(page.getByText('Stock of TOL-CAL-DIG-150 updated.')).toBeVisible();
    await expect(variant.getByText('42 in stock')).toBeVisible();
    // Post, redirect, get: reloading the page after the change sends nothing again.
    await expect(page).toHaveURL(/\/admin\/products\/[0-9a-f-]+\?notice=/);
    await page.reload();
    await expect(variant.getByText('42 in stock')).toBeVisible();

    await page
      .getByLabel('Add an image')
      .setInputFiles({ name: 'calipers.png', mimeType: 'image/png', buffer: ONE_PIXEL_PNG });
    await page.getByLabel('Alt text', { exact: true }).fill('Calipers on the bench');
    await page.getByRole('button', { name: 'Upload image' }).click();
    await expect(page.getByText('Image uploaded.')).toBeVisible();
    await expect(page.getByRole('img', { name: 'Calipers on the bench' })).toBeVisible();
    await expectAccessible(page);
    await screenshot(page, 'store-admin-product-edit');

    await page.getByRole('link', { name: 'Categories' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Categories' })).toBeVisible();
    await page.getByLabel('Name').fill('Engineering filament');
    await page.getByLabel('Slug').fill('engineering-filament');
    await page.getByLabel('Sits under').last().selectOption({ label: '— Filament' });
    await page.getByRole('button', { name: 'Create category' }).click();
    await expect(page.getByText('Category Engineering filament created.')).toBeVisible();
    await expect(page.getByLabel('Sits under').nth(2)).toHaveValue('filament');
    await expectAccessible(page);
    await screenshot(page, 'store-admin-categories');

    await page.getByRole('link', { name: 'Import CSV' }).click();
    await page
      .getByLabel('Or paste the rows')
      .fill(
        [
          'sku,product_slug,name,category_slug,price,stock,options',
          'FIL-PLA-LIM-1000,pla-filament-lime-1kg,"PLA Filament, Lime, 1 kg",filament,23.99,30,colour=Lime;size=1 kg',
          'FIL-PLA-LIM-250,pla-filament-lime-1kg,,,nine,5,colour=Lime;size=250 g',
        ].join('\n'),
      );
    await page.getByRole('button', { name: 'Import' }).click();
    const report = page.getByRole('region', { name: 'Dry run: nothing was changed' });
    await expect(report).toBeVisible();
    await expect(report.getByRole('row', { name: /3 FIL-PLA-LIM-250 price "nine"/ })).toBeVisible();
    await expectAccessible(page);
    await screenshot(page, 'store-admin-import');

    await page.getByRole('checkbox', { name: /Dry run/ }).uncheck();
    await page.getByRole('button', { name: 'Import' }).click();
    await expect(page.getByRole('heading', { name: 'Import finished' })).toBeVisible();
    await page.goto(`${urls.store}/products/pla-filament-lime-1kg`);
    await expect(
      page.getByRole('heading', { level: 1, name: 'PLA Filament, Lime, 1 kg' }),
    ).toBeVisible();
    await expect(page.getByText('$23.99').first()).toBeVisible();
  });

  test('a store admin creates a product; refused fields are named beside them; the shop lists it', async ({
    page,
  }) => {
    await page.goto(`${urls.store}/admin/products`);
    await signInOnProviderPage(page, superAdminEmail);
    await page.locator('#main-content').getByRole('link', { name: 'New product' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'New product' })).toBeVisible();

    await page.getByLabel('Name').fill('Silk PLA Filament, Rose Gold, 1 kg');
    await page.getByLabel('Slug').fill('pla-filament-galaxy-black-1kg');
    await page.getByLabel('Brand').fill('Polymaker');
    await page.getByLabel('Category').selectOption({ label: '— Filament' });
    await page.getByLabel('Summary').fill('Silk-finish PLA with a metallic sheen.');
    await page
      .getByLabel('Specifications')
      .fill('Diameter: 1.75 mm\nNozzle temperature: 200–220 °C');
    await page.getByLabel('SKU').fill('FIL-SILK-RGD-1000');
    await page.getByLabel('Price (USD)').fill('nine');
    await page.getByLabel('Stock').fill('12');
    await page.getByLabel('Options').fill('size=1 kg; colour=Rose Gold');
    await page.getByRole('button', { name: 'Create product' }).click();
    await expect(page.getByLabel('Price (USD)')).toHaveAccessibleDescription(
      'Enter a price like 24.99.',
    );
    await expect(page.getByLabel('Name')).toHaveValue('Silk PLA Filament, Rose Gold, 1 kg');
    await expectAccessible(page);
    await screenshot(page, 'store-admin-new-product');

    await page.getByLabel('Price (USD)').fill('27.50');
    await page.getByRole('button', { name: 'Create product' }).click();
    await expect(page.getByLabel('Slug')).toHaveAccessibleDescription(
      /Another product already has this slug\./,
    );
    await expect(page.getByLabel('Price (USD)')).not.toHaveAttribute('aria-invalid');

    await page.getByLabel('Slug').fill('silk-pla-rose-gold-1kg');
    await page.getByRole('button', { name: 'Create product' }).click();
    await expect(page.getByText('Product created.')).toBeVisible();
    await expect(
      page.getByRole('heading', { level: 1, name: 'Silk PLA Filament, Rose Gold, 1 kg' }),
    ).toBeVisible();

    await page.goto(`${urls.store}/search?q=rose+gold`);
    await page
      .getByRole('link', { name: /Silk PLA Filament, Rose Gold, 1 kg/ })
      .first()
      .click();
    await expect(
      page.getByRole('heading', { level: 1, name: 'Silk PLA Filament, Rose Gold, 1 kg' }),
    ).toBeVisible();
    await expect(page.getByText('$27.50').first()).toBeVisible();
    await expect(page.getByText('1.75 mm').first()).toBeVisible();
  });
});
