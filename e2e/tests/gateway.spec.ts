import { expect, test } from './fixtures';
import { FIRST_PAGE_BUDGET, gzippedJavaScriptOf } from './javascript-budget';
import { expectAccessible, screenshot } from './page-checks';
import { urls } from './urls';

test.describe('MakrX.org, the gateway', () => {
  test('the landing page spotlights featured makers and products from the services', async ({
    page,
  }) => {
    await page.goto(urls.gateway);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    const spotlight = page.getByRole('region', { name: 'Featured makers' });
    await expect(spotlight.getByText('Ananya Rao')).toBeVisible();
    await expect(spotlight.getByText('Tom Okafor')).toBeVisible();
    await expect(page.getByText('Galaxy PLA Filament')).toBeVisible();
    await expect(page.getByRole('link', { name: /MakrCave/ }).first()).toHaveAttribute(
      'href',
      new RegExp(urls.cave),
    );
    await expectAccessible(page);
    await screenshot(page, 'gateway-landing');
  });

  test('a featured maker opens their public profile', async ({ page }) => {
    await page.goto(urls.gateway);
    await page
      .getByRole('link', { name: /Ananya Rao/ })
      .first()
      .click();
    await expect(page).toHaveURL(/\/makers\/ananya-rao$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Ananya Rao' })).toBeVisible();
    await expect(page.getByText('Bengaluru, India')).toBeVisible();
    await expectAccessible(page);
    await screenshot(page, 'gateway-profile');
  });

  test('an unknown maker gets a clear not-found page', async ({ page }) => {
    await page.goto(`${urls.gateway}/makers/nobody-by-this-name`);
    await expect(page.getByText(/not found|couldn.t find|no maker/i).first()).toBeVisible();
  });

  test('the first page ships at most 150 KB of gzipped JavaScript', async ({ page }) => {
    expect(await gzippedJavaScriptOf(page, urls.gateway)).toBeLessThanOrEqual(FIRST_PAGE_BUDGET);
  });
});
