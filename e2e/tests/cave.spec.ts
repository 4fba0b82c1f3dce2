import { expect, test } from './fixtures';
import { FIRST_PAGE_BUDGET, gzippedJavaScriptOf } from './javascript-budget';
import { expectAccessible, screenshot } from './page-checks';
import { urls } from './urls';

test.describe('MakrCave', () => {
  test('the directory lists the makerspaces from the cave service', async ({ page }) => {
    await page.goto(urls.cave);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(page.getByText('MakrX Hub Bengaluru')).toBeVisible();
    await expect(page.getByText('Northside Fab Lab')).toBeVisible();
    await expectAccessible(page);
    await screenshot(page, 'cave-directory');
  });

  test('a makerspace shows its equipment and what is available now', async ({ page }) => {
    await page.goto(urls.cave);
    await page
      .getByRole('link', { name: /MakrX Hub Bengaluru/ })
      .first()
      .click();
    await expect(page).toHaveURL(/\/makerspaces\/makrx-hub-bengaluru$/);
    await expect(
      page.getByRole('heading', { level: 1, name: 'MakrX Hub Bengaluru' }),
    ).toBeVisible();
    await expect(page.getByText('Formlabs Form 3+')).toBeVisible();
    await expect(page.getByText('Shapeoko 5 Pro')).toBeVisible();
    // Rates are in the hub's own currency, rupees: ₹200 an hour for a Prusa.
    await expect(page.getByRole('row').filter({ hasText: 'Prusa MK4 #1' })).toContainText(
      '₹200.00',
    );
    await expectAccessible(page);
    await screenshot(page, 'cave-makerspace');

    // Manchester's fab lab charges in pounds.
    await page.goto(`${urls.cave}/makerspaces/northside-fab-lab`);
    await expect(page.getByRole('row').filter({ hasText: 'Trotec Speedy 300' })).toContainText(
      '£20.00',
    );
  });

  test('a reload on a deep link still shows the page', async ({ page }) => {
    await page.goto(`${urls.cave}/makerspaces/northside-fab-lab`);
    await expect(page.getByRole('heading', { level: 1, name: 'Northside Fab Lab' })).toBeVisible();
  });

  test('the first page ships at most 150 KB of gzipped JavaScript', async ({ page }) => {
    expect(await gzippedJavaScriptOf(page, urls.cave)).toBeLessThanOrEqual(FIRST_PAGE_BUDGET);
  });
});
