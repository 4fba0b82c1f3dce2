import { expect, test, type Page } from './fixtures';
import { expectAccessible, reloadUntil, screenshot } from './page-checks';
import { urls } from './urls';

// A buyer of their own, so the other checkout specs keep typing their addresses.
const buyer = 'provider@demo.makrx.org';
const password = 'makrx-demo';

async function signInAtProvider(page: Page, appUrl: string) {
  await page.locator('input[name="username"]').fill(buyer);
  await page.locator('input[name="password"]').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(new RegExp(`^${appUrl}/`));
}

test.describe.serial('Addresses saved on MakrX.org, used at MakrX.Store’s checkout', () => {
  test.describe.configure({ timeout: 120_000 });

  test('a customer saves two addresses on MakrX.org and makes the second the default', async ({
    page,
  }) => {
    await page.goto(urls.gateway);
    await page.getByRole('banner').getByRole('button', { name: 'Sign in' }).click();
    await signInAtProvider(page, urls.gateway);
    // The account menu leads to the page.
    await page
      .getByRole('banner')
      .getByRole('button', { name: /account menu/ })
      .click();
    await page.getByRole('banner').getByRole('link', { name: 'Addresses' }).click();
    await expect(page).toHaveURL(`${urls.gateway}/account/addresses`);
    await expect(page.getByRole('heading', { level: 1, name: 'Addresses' })).toBeVisible();
    await expect(page.getByText('No saved addresses yet')).toBeVisible();
    await expectAccessible(page);
    await screenshot(page, 'gateway-addresses-empty');

    await page.getByRole('button', { name: 'Add an address' }).click();
    // Required fields left empty are named, and nothing is saved.
    await page.getByRole('button', { name: 'Save address' }).click();
    await expect(page.getByText('Enter the full name.')).toBeVisible();
    await page.getByLabel('Full name').fill('Priya Provider');
    await page.getByLabel('Address', { exact: true }).fill('1 Analytical Way');
    await page.getByLabel('City').fill('San Francisco');
    await page.getByLabel('State or region code (optional)').fill('CA');
    await page.getByLabel('Postal code').fill('94107');
    await page.getByLabel('Country').selectOption('US');
    await page.getByRole('button', { name: 'Save address' }).click();
    await expect(page.getByText('1 Analytical Way', { exact: true })).toBeVisible();

    await page.getByRole('button', { name: 'Add an address' }).click();
    await page.getByLabel('Full name').fill('Priya at the workshop');
    await page.getByLabel('Address', { exact: true }).fill('20 Maker Lane');
    await page.getByLabel('Apartment, suite, floor (optional)').fill('Unit 4');
    await page.getByLabel('City').fill('Austin');
    await page.getByLabel('State or region code (optional)').fill('TX');
    await page.getByLabel('Postal code').fill('73301');
    await page.getByLabel('Country').selectOption('US');
    await page.getByLabel('Phone (optional)').fill('+1 512 555 0100');
    await page.getByRole('button', { name: 'Save address' }).click();
    await expect(page.getByText('20 Maker Lane', { exact: true })).toBeVisible();

    await page
      .getByRole('button', { name: 'Make Priya at the workshop, 20 Maker Lane the default' })
      .click();
    const cards = page.getByRole('list').filter({ hasText: '20 Maker Lane' }).getByRole('listitem');
    await expect(cards.first()).toContainText('Default');
    await expect(cards.first()).toContainText('20 Maker Lane');

    await page.getByText('Express shipping').click();
    await page.getByRole('button', { name: 'Save shipping method' }).click();
    await expect(page.getByText('Saved.')).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Recent purchases' })).toBeVisible();
    await expectAccessible(page);
    await screenshot(page, 'gateway-addresses');
  });

  test('at checkout the default address is picked, and the order ships there', async ({ page }) => {
    await page.goto(`${urls.store}/search?q=galaxy`);
    await page.getByRole('link', { name: 'Galaxy PLA Filament' }).first().click();
    await page.getByRole('button', { name: 'Add to cart' }).click();
    await expect(page).toHaveURL(`${urls.store}/cart?added=1`);
    await page.getByRole('main').getByRole('link', { name: 'Sign in' }).click();
    await signInAtProvider(page, urls.store);

    await page.goto(`${urls.store}/checkout/address`);
    await expect(
      page.getByRole('heading', { level: 1, name: 'Where should we ship it?' }),
    ).toBeVisible();
    const workshop = page.getByRole('radio', { name: /Priya at the workshop/ });
    await expect(workshop).toBeChecked();
    await expect(page.getByRole('radio', { name: /Priya Provider/ })).not.toBeChecked();
    await expect(
      page.getByRole('link', { name: 'Manage your addresses on MakrX.org' }),
    ).toHaveAttribute('href', `${urls.gateway}/account/addresses`);
    await expectAccessible(page);
    await screenshot(page, 'store-checkout-saved-addresses');

    await page.getByRole('button', { name: 'Continue to shipping' }).click();
    await expect(page).toHaveURL(`${urls.store}/checkout/shipping`);
    // The default method saved on MakrX.org is chosen too.
    await expect(page.getByRole('radio', { name: /Express shipping/ })).toBeChecked();
    await page.getByRole('button', { name: /Continue/ }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Review your order' })).toBeVisible();
    await expect(page.getByText(/20 Maker Lane/)).toBeVisible();
    await page.getByRole('button', { name: 'Place order and pay' }).click();
    await page.getByRole('radio', { name: /•••• 4242/ }).check();
    await page.getByRole('button', { name: /^Pay / }).click();
    await expect(
      page.getByRole('heading', { level: 1, name: 'Thank you — your order is confirmed' }),
    ).toBeVisible();

    // The paid order reaches the buyer's own MakrX.org page, by category.
    await page.goto(`${urls.gateway}/account/addresses`);
    await expect(page.getByRole('heading', { name: 'Recent purchases' })).toBeVisible();
    const purchases = page.getByRole('heading', { name: 'Recent purchases' }).locator('../..');
    await reloadUntil(page, purchases.getByText(/ at MakrX\.Store|show up here/).first(), () =>
      expect(purchases.getByText('1 order at MakrX.Store')).toBeVisible({ timeout: 2_000 }),
    );
    await expect(purchases.getByRole('list', { name: 'Orders by category' })).toContainText(
      'Filament',
    );
    await screenshot(page, 'gateway-addresses-with-purchases');
  });
});
