import { expect, test, type Page } from './fixtures';
import { expectAccessible, screenshot } from './page-checks';
import { urls } from './urls';

const password = 'makrx-demo';
const storeAdmin = 'superadmin@demo.makrx.org';

async function signInAtProvider(page: Page, email: string) {
  await page.locator('input[name="username"]').fill(email);
  await page.locator('input[name="password"]').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(new RegExp(`^${urls.store}/`));
}

/** The amount beside a label in a page's totals (`<dt>Discount (X)</dt><dd>−$1.00</dd>`). */
async function amountBeside(page: Page, label: RegExp) {
  const term = page.locator('#main-content dt').filter({ hasText: label });
  await expect(term).toHaveCount(1);
  return (await term.locator('xpath=following-sibling::dd[1]').innerText()).trim();
}

/** The dev mailbox of the auth service (embedded mode), waited on until `match` arrives. */
async function mailTo(email: string, match: (mail: { subject: string }) => boolean) {
  let found: { subject: string; text: string }[] = [];
  await expect
    .poll(async () => {
      const response = await fetch(`${urls.authApi}/dev/mail?to=${encodeURIComponent(email)}`);
      found = ((await response.json()) as { items: typeof found }).items.filter(match);
      return found.length;
    })
    .toBeGreaterThan(0);
  return found[0]!;
}

test.describe.serial('Discount codes in MakrX.Store', () => {
  test.describe.configure({ timeout: 180_000 });
  const code = `TEN-${Date.now().toString(36).toUpperCase()}`;
  const guestEmail = `promo-guest-${Date.now()}@example.com`;

  test('a store admin creates a 10% code and sees it listed', async ({ page }) => {
    await page.goto(`${urls.store}/admin/promotions`);
    await signInAtProvider(page, storeAdmin);
    await expect(page).toHaveURL(`${urls.store}/admin/promotions`);
    await expect(page.getByRole('heading', { level: 1, name: 'Discount codes' })).toBeVisible();
    await page.getByRole('link', { name: 'New discount code' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'New discount code' })).toBeVisible();
    await page.getByLabel('Code', { exact: true }).fill(code);
    await page.getByLabel('Kind').selectOption('percent');
    await page.getByLabel('Uses in total').fill('50');
    // A percentage over 100 is refused beside its field, and what was typed stays.
    await page.getByLabel('Value').fill('150');
    await page.getByRole('button', { name: 'Create discount code' }).click();
    await expect(page.getByText('The discount code was not created')).toBeVisible();
    await expect(page.getByLabel('Value')).toHaveAccessibleDescription(/at most 100/);
    await expect(page.getByLabel('Code', { exact: true })).toHaveValue(code);
    await expect(page.getByLabel('Uses in total')).toHaveValue('50');
    await page.getByLabel('Value').fill('10');
    await expectAccessible(page);
    await screenshot(page, 'store-admin-promotion-form');
    await page.getByRole('button', { name: 'Create discount code' }).click();

    await expect(page).toHaveURL(/\/admin\/promotions\?notice=/);
    await expect(page.getByText(`Discount code ${code} created.`)).toBeVisible();
    const row = page.getByRole('list', { name: 'Discount codes' }).getByRole('listitem').filter({
      hasText: code,
    });
    await expect(row).toContainText('10% off');
    await expect(row).toContainText('0 / 50');
    await expect(row).toContainText('Active');
    await expectAccessible(page);
    await screenshot(page, 'store-admin-promotions');
  });

  test('a guest applies it in the cart, sees it at checkout, pays; the order and its email show it', async ({
    browser,
  }) => {
    const page = await (await browser.newContext()).newPage();
    await page.goto(`${urls.store}/products/esp32-devkit-v1`);
    await page.getByRole('button', { name: 'Add to cart' }).click();
    await expect(page).toHaveURL(`${urls.store}/cart?added=1`);

    // A code that does not exist is explained, and nothing is taken off.
    await page.getByLabel('Discount code').fill('NO-SUCH-CODE');
    await page.getByRole('button', { name: 'Apply' }).click();
    await expect(
      page.getByText('We don’t know that discount code. Check its spelling.'),
    ).toBeVisible();
    await expect(page.getByLabel('Discount code')).toHaveAttribute('aria-invalid', 'true');

    await page.getByLabel('Discount code').fill(code.toLowerCase());
    await page.getByRole('button', { name: 'Apply' }).click();
    await expect(page.getByText('Discount code applied.')).toBeVisible();
    const subtotal = await amountBeside(page, /^Subtotal/);
    const cents = (amount: string) => Math.round(Number(amount.replace(/[^\d.]/g, '')) * 100);
    const discount = await amountBeside(page, new RegExp(`^Discount \\(${code}\\)$`));
    expect(cents(discount)).toBe(Math.round(cents(subtotal) / 10));
    await expectAccessible(page);
    await screenshot(page, 'store-cart-discount');

    await page.getByRole('link', { name: 'Check out' }).click();
    await page.getByLabel('Email').fill(guestEmail);
    await page.getByRole('button', { name: 'Continue to address' }).click();
    await page.getByLabel('Full name').fill('Dee Scount');
    await page.getByLabel('Street address').fill(`${Date.now() % 10000} Promo Lane`);
    await page.getByLabel('Country').selectOption({ label: 'United States' });
    await page.getByLabel('State or province').selectOption({ label: 'California' });
    await page.getByLabel('City').fill('San Francisco');
    await page.getByLabel('Postal code').fill('94107');
    await page.getByRole('button', { name: 'Continue to shipping' }).click();
    await page.getByRole('button', { name: 'Continue to review' }).click();

    await expect(page.getByRole('heading', { level: 1, name: 'Review your order' })).toBeVisible();
    const summary = page.getByRole('complementary', { name: 'Order summary' });
    await expect(summary.getByText(`Code ${code} applied`)).toBeVisible();
    expect(await amountBeside(page, new RegExp(`^Discount \\(${code}\\)$`))).toBe(discount);
    const total = await amountBeside(page, /^Total$/);
    await expectAccessible(page);
    await screenshot(page, 'store-checkout-review-discount');
    await page.getByRole('button', { name: 'Place order and pay' }).click();

    await expect(page.getByRole('heading', { level: 1, name: 'Payment' })).toBeVisible();
    const orderNumber = new URL(page.url()).pathname.split('/')[2]!;
    expect(await amountBeside(page, new RegExp(`^Discount \\(${code}\\)$`))).toBe(discount);
    expect(await amountBeside(page, /^Total$/)).toBe(total);
    await page.getByRole('radio', { name: /•••• 4242/ }).check();
    await page.getByRole('button', { name: /^Pay / }).click();

    await expect(
      page.getByRole('heading', { level: 1, name: 'Thank you — your order is confirmed' }),
    ).toBeVisible();
    expect(await amountBeside(page, new RegExp(`^Discount \\(${code}\\)$`))).toBe(discount);
    expect(await amountBeside(page, /^Total$/)).toBe(total);

    const mail = await mailTo(guestEmail, (m) => m.subject.includes(orderNumber));
    expect(mail.text).toContain(`Discount (code ${code}): −${discount.replace('−', '')}`);
    expect(mail.text).toContain(`payment of ${total}`);
  });
});
