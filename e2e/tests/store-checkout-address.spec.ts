import { expect, test, type Browser, type Page } from './fixtures';
import { setFlag, superAdminToken } from './flag-api';
import { verificationLinkFor } from './newcomer';
import { expectAccessible, screenshot } from './page-checks';
import { urls } from './urls';

const filament = 'Galaxy PLA Filament';

/** The amount beside a label in the order summary (`<dt>Tax (7.25%)</dt><dd>$1.00</dd>`). */
async function amountBeside(page: Page, label: RegExp) {
  const term = page.getByRole('complementary', { name: 'Order summary' }).locator('dt', {
    hasText: label,
  });
  await expect(term).toHaveCount(1);
  return (await term.locator('xpath=following-sibling::dd[1]').innerText()).trim();
}

/** A guest of their own with one spool in the cart, at the checkout's address step. */
async function guestAtAddressStep(page: Page, { shoot = false } = {}) {
  await page.goto(`${urls.store}/`);
  await page.getByRole('link', { name: filament }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: filament })).toBeVisible();
  await page.getByRole('button', { name: 'Add to cart' }).click();
  await expect(page).toHaveURL(`${urls.store}/cart?added=1`);
  await page.getByRole('link', { name: 'Check out' }).click();
  const email = `address-${crypto.randomUUID().slice(0, 8)}@example.com`;
  await page.getByLabel('Email').fill(email);
  if (shoot) await screenshot(page, 'store-checkout-contact-focused');
  await page.getByRole('button', { name: 'Continue to address' }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: 'Where should we ship it?' }),
  ).toBeVisible();
  return email;
}

async function fillUsAddress(page: Page, state: string, postalCode: string) {
  await page.getByLabel('Full name').fill('Grace Guest');
  await page.getByLabel('Street address').fill(`${Date.now() % 100_000} Analytical Way`);
  await page.getByLabel('Country').selectOption({ label: 'United States' });
  await page.getByLabel('State or province').selectOption({ label: state });
  await page.getByLabel('City').fill('Somewhere');
  await page.getByLabel('Postal code').fill(postalCode);
}

async function pageWithoutJavaScript(browser: Browser) {
  const context = await browser.newContext({ javaScriptEnabled: false });
  return context.newPage();
}

test.describe('The checkout’s address, summary and layout', () => {
  test.describe.configure({ timeout: 150_000 });

  test('California picked by name is kept as CA and taxed 7.25 %; the summary follows the shipping method without a reload', async ({
    page,
  }) => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await guestAtAddressStep(page, { shoot: true });
    // The focused layout: the logo back to the cart, and no shop header or footer.
    await expect(
      page.getByRole('link', { name: 'MakrX.Store: back to your cart' }),
    ).toHaveAttribute('href', '/cart');
    await expect(page.getByRole('contentinfo')).toHaveCount(0);
    await expect(page.getByRole('link', { name: 'My orders' })).toHaveCount(0);
    // Country first; with JavaScript the state list is the chosen country's alone.
    await page.getByLabel('Country').selectOption({ label: 'Canada' });
    await expect(
      page.getByLabel('State or province').locator('option', { hasText: 'Ontario' }),
    ).toHaveCount(1);
    await expect(
      page.getByLabel('State or province').locator('option', { hasText: 'California' }),
    ).toHaveCount(0);
    await fillUsAddress(page, 'California', '94107');
    await page.getByLabel('Phone (optional)').fill('+1 415 555 0100');
    await expectAccessible(page);
    await screenshot(page, 'store-checkout-address');
    await page.getByRole('button', { name: 'Continue to shipping' }).click();

    await expect(
      page.getByRole('heading', { level: 1, name: 'How should we ship it?' }),
    ).toBeVisible();
    // Priced as soon as address and method are known: the preselected standard shipping.
    await expect(page.getByText('Tax (7.25%)')).toBeVisible();
    const pickup = page.getByText('At MakrX Hub Bengaluru, 80 Feet Road, Koramangala 4th Block');
    await expect(pickup).toBeVisible();
    const totalBefore = await amountBeside(page, /^Total$/);
    await page.evaluate(() => Object.assign(window, { stillThisPage: true }));
    await page.getByText('Express shipping', { exact: true }).click();
    await expect(
      page
        .getByRole('complementary', { name: 'Order summary' })
        .getByText('Shipping (Express shipping)'),
    ).toBeVisible();
    await expect.poll(() => amountBeside(page, /^Total$/)).not.toBe(totalBefore);
    expect(await page.evaluate(() => 'stillThisPage' in window)).toBe(true);
    await expectAccessible(page);
    await screenshot(page, 'store-checkout-shipping-live');
    await page.getByRole('button', { name: 'Continue to review' }).click();

    await expect(page.getByRole('heading', { level: 1, name: 'Review your order' })).toBeVisible();
    const address = page.getByRole('heading', { name: 'Shipping address' }).locator('xpath=..');
    await expect(address).toContainText('CA');
    await expect(address).toContainText('+14155550100');
    await expect(page.getByText('Tax (7.25%)')).toBeVisible();
    const tax = await amountBeside(page, /^Tax \(7\.25%\)$/);
    await expect(page.getByText(new RegExp(`including \\${tax} tax`))).toBeVisible();
    await expectAccessible(page);
    await screenshot(page, 'store-checkout-review-focused');
  });

  test('a region the store has no tax rate for is refused with its reason, never priced without tax', async ({
    page,
  }) => {
    await guestAtAddressStep(page);
    // Guam is a US subdivision the store has no tax rate for (its territories are not taxed yet).
    await fillUsAddress(page, 'Guam', '96910');
    await page.getByRole('button', { name: 'Continue to shipping' }).click();
    await expect(page.getByText('This address can’t be used')).toBeVisible();
    await expect(page.getByText(/We can’t ship there yet/)).toBeVisible();
    // What was typed and picked stays, to change.
    await expect(page.getByLabel('Street address')).not.toHaveValue('');
    await expect(page.getByLabel('State or province')).toHaveValue('US-GU');
    await expectAccessible(page);
    await screenshot(page, 'store-checkout-address-refused');
  });

  test('without JavaScript the state is picked from the grouped list and the steps still show the price', async ({
    browser,
  }) => {
    const page = await pageWithoutJavaScript(browser);
    await guestAtAddressStep(page);
    await fillUsAddress(page, 'New York', '10001');
    await page.getByRole('button', { name: 'Continue to shipping' }).click();
    await expect(
      page.getByRole('heading', { level: 1, name: 'How should we ship it?' }),
    ).toBeVisible();
    await expect(page.getByText('Tax (4%)')).toBeVisible();
    await page.getByText('Pick up at the makerspace').click();
    await page.getByRole('button', { name: 'Continue to review' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Review your order' })).toBeVisible();
    await expect(page.getByText('At MakrX Hub Bengaluru, 80 Feet Road')).toBeVisible();
    await expect(
      page.getByRole('complementary', { name: 'Order summary' }).getByText('Free'),
    ).toBeVisible();
  });

  test('after paying as a guest, the offer to make an account brings the order into My orders once the email is verified', async ({
    page,
  }) => {
    const email = await guestAtAddressStep(page);
    await fillUsAddress(page, 'California', '94107');
    await page.getByRole('button', { name: 'Continue to shipping' }).click();
    await page.getByRole('button', { name: 'Continue to review' }).click();
    await page.getByRole('button', { name: 'Place order and pay' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Payment' })).toBeVisible();
    const orderNumber = new URL(page.url()).pathname.split('/')[2]!;
    await page.getByRole('radio', { name: /•••• 4242/ }).check();
    await page.getByRole('button', { name: /^Pay / }).click();
    await expect(
      page.getByRole('heading', { level: 1, name: 'Thank you — your order is confirmed' }),
    ).toBeVisible();
    await expect(
      page.getByRole('heading', { name: 'Keep this order in an account' }),
    ).toBeVisible();
    await expectAccessible(page);
    await screenshot(page, 'store-confirmation-account-offer');

    await page.getByRole('link', { name: 'Create an account' }).click();
    await expect(page.locator('input[name="email"]')).toHaveValue(email);
    await page.locator('input[name="displayName"]').fill('Grace Guest');
    await page.locator('input[name="password"]').fill('a-long-new-password');
    await page.getByRole('button', { name: 'Create account' }).click();
    await expect(page.getByRole('heading', { name: 'Check your email' })).toBeVisible();
    await page.goto(await verificationLinkFor(email));

    await page.goto(`${urls.store}/auth/login?returnTo=%2Forders`);
    await page.locator('input[name="username"]').fill(email);
    await page.locator('input[name="password"]').fill('a-long-new-password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page).toHaveURL(`${urls.store}/orders`);
    await expect(page.getByRole('heading', { level: 1, name: 'My orders' })).toBeVisible();
    await expect(page.getByText(orderNumber).first()).toBeVisible();
  });

  test('on the one-page checkout the summary is priced as soon as the typed address is complete, before sending', async ({
    page,
    browser,
  }) => {
    const admin = await superAdminToken(browser);
    await setFlag(admin, 'ENABLE_NEW_CHECKOUT_FLOW', true, 'Trying the one-page checkout.');
    try {
      await page.goto(`${urls.store}/`);
      await page.getByRole('link', { name: filament }).first().click();
      await page.getByRole('button', { name: 'Add to cart' }).click();
      await expect(page).toHaveURL(`${urls.store}/cart?added=1`);
      await page.getByRole('link', { name: 'Check out' }).click();
      await expect(page.getByRole('heading', { level: 1, name: 'Checkout' })).toBeVisible();
      await page
        .getByLabel('Email')
        .fill(`one-page-${crypto.randomUUID().slice(0, 8)}@example.com`);
      await expect(page.getByText('Once we have your address')).toBeVisible();
      await fillUsAddress(page, 'Texas', '73301');
      await page.getByLabel('Postal code').blur();
      await expect(page.getByText('Tax (6.25%)')).toBeVisible();
      const totalBefore = await amountBeside(page, /^Total$/);
      await page.getByText('Express shipping', { exact: true }).click();
      await expect.poll(() => amountBeside(page, /^Total$/)).not.toBe(totalBefore);
      await expect(page).toHaveURL(`${urls.store}/checkout`);
      await expectAccessible(page);
      await screenshot(page, 'store-checkout-one-page-live');
    } finally {
      await setFlag(admin, 'ENABLE_NEW_CHECKOUT_FLOW', false, 'Back to the classic checkout.');
    }
  });
});
