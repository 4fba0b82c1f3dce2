import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { PlacedOrder, Product } from '@makrx/contracts';
import { expect, test, type Page } from './fixtures';
import { expectAccessible, screenshot } from './page-checks';
import { urls } from './urls';

const superAdminEmail = 'superadmin@demo.makrx.org';

async function signInOnProviderPage(page: Page, email: string) {
  await page.locator('input[name="username"]').fill(email);
  await page.locator('input[name="password"]').fill('makrx-demo');
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/** A guest's paid order of one ESP32 board, placed and paid through the store's API. */
async function paidGuestOrder(name: string, email: string): Promise<PlacedOrder> {
  const product = (await (
    await fetch(`${urls.storeApi}/api/v1/products/esp32-devkit-v1`)
  ).json()) as Product;
  const placed = await fetch(`${urls.storeApi}/api/v1/orders`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'idempotency-key': randomUUID() },
    body: JSON.stringify({
      items: [{ variantId: product.variants[0]!.id, quantity: 1 }],
      email,
      shippingAddress: {
        name,
        line1: `${Math.floor(Math.random() * 9000) + 100} Ledger Lane`,
        city: 'San Francisco',
        region: 'CA',
        postalCode: '94107',
        country: 'US',
      },
      shippingMethod: 'standard',
    }),
  });
  expect(placed.status, await placed.clone().text()).toBe(201);
  const order = (await placed.json()) as PlacedOrder;
  const paid = await fetch(`${urls.storeApi}/api/v1/orders/${order.id}/payments`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-order-token': order.accessToken },
    body: JSON.stringify({ paymentMethod: 'tok_visa' }),
  });
  expect(paid.status, await paid.clone().text()).toBe(201);
  return order;
}

test('a store admin reads the sales, filters products, exports orders and opens a customer', async ({
  page,
}) => {
  const tag = randomUUID().slice(0, 8);
  const buyer = { name: `Ledger Buyer ${tag}`, email: `ledger-${tag}@example.com` };
  const order = await paidGuestOrder(buyer.name, buyer.email);

  // The admin's first page is the sales dashboard.
  await page.goto(`${urls.store}/admin`);
  await signInOnProviderPage(page, superAdminEmail);
  await expect(page).toHaveURL(`${urls.store}/admin/sales`);
  await expect(page.getByRole('heading', { level: 1, name: 'Sales' })).toBeVisible();
  const adminNav = page.getByRole('navigation', { name: 'Store admin' });
  await expect(adminNav.getByRole('link').first()).toHaveText('Sales');
  await expect(
    page.getByTestId('sales-chart').locator('.recharts-bar-rectangle').first(),
  ).toBeVisible();
  const paidOrders = page.locator('dt', { hasText: 'Paid orders' }).locator('xpath=../dd');
  expect(Number(await paidOrders.textContent())).toBeGreaterThanOrEqual(1);
  await expect(page.locator('dt', { hasText: 'Revenue' }).locator('xpath=../dd')).toHaveText(
    /^\$[\d,]+\.\d{2}$/,
  );
  const perDay = page.getByRole('table', { name: /Revenue and paid orders per day/ });
  const today = perDay.getByRole('row').last();
  expect(Number(await today.getByRole('cell').first().textContent())).toBeGreaterThanOrEqual(1);
  await expect(
    page.getByRole('table', { name: 'Top products by units' }).getByRole('link', {
      name: 'ESP32 DevKit V1',
    }),
  ).toBeVisible();
  await page
    .getByRole('navigation', { name: 'Sales period' })
    .getByRole('link', { name: 'Last 7 days' })
    .click();
  await expect(page).toHaveURL(`${urls.store}/admin/sales?days=7`);
  await expect(perDay.getByRole('row')).toHaveCount(8);
  await expectAccessible(page);
  await screenshot(page, 'store-admin-sales');

  // Products by category and status, with their prices; a filter nothing matches says so.
  await adminNav.getByRole('link', { name: 'Products' }).click();
  const main = page.locator('#main-content');
  await main.getByLabel('Category').selectOption({ label: 'Electronics' });
  await main.getByLabel('Status').selectOption({ label: 'On sale' });
  await main.getByRole('button', { name: 'Search' }).click();
  await expect(page).toHaveURL(/category=electronics/);
  await expect(page).toHaveURL(/status=active/);
  const esp = main.getByRole('row').filter({ hasText: 'ESP32 DevKit V1' });
  await expect(esp).toContainText('$');
  await expect(esp).toContainText('On sale');
  await expect(main.getByRole('row').filter({ hasText: 'Digital Calipers' })).toHaveCount(0);
  await expectAccessible(page);
  await screenshot(page, 'store-admin-products-filtered');
  await main.getByLabel('Status').selectOption({ label: 'Archived' });
  await main.getByRole('searchbox').fill(`nothing-${tag}`);
  await main.getByRole('button', { name: 'Search' }).click();
  await expect(page.getByRole('heading', { name: 'No products match' })).toBeVisible();

  // The orders of the last 30 days as a CSV file.
  await adminNav.getByRole('link', { name: 'Orders' }).click();
  await expect(page.getByRole('heading', { name: 'Export orders as CSV' })).toBeVisible();
  await expectAccessible(page);
  await screenshot(page, 'store-admin-orders-export');
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download CSV' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(
    /^orders-\d{4}-\d{2}-\d{2}-to-\d{4}-\d{2}-\d{2}\.csv$/,
  );
  const csv = readFileSync((await download.path())!, 'utf8');
  expect(csv.split('\n')[0]).toBe(
    'Order number,Date,Status,Buyer name,Email,Items,Subtotal,Shipping,Tax,Total,Currency',
  );
  expect(csv).toContain(`${order.number},`);
  expect(csv).toContain(`,paid,${buyer.name},${buyer.email},1,`);

  // A backwards range is refused with the reason, on the orders page.
  await page.getByLabel('From', { exact: true }).fill('2026-02-10');
  await page.getByLabel('To', { exact: true }).fill('2026-02-01');
  await page.getByRole('button', { name: 'Download CSV' }).click();
  await expect(main.getByRole('alert')).toContainText('The first day must not be after the last.');

  // The buyer among the customers, with their order.
  await adminNav.getByRole('link', { name: 'Customers' }).click();
  await main.getByRole('searchbox', { name: 'Search customers by name or email' }).fill(tag);
  await main.getByRole('button', { name: 'Search' }).click();
  await expect(page).toHaveURL(new RegExp(`/admin/customers\\?q=${tag}`));
  await expectAccessible(page);
  await screenshot(page, 'store-admin-customers');
  await page.getByRole('link', { name: buyer.name }).click();
  await expect(page.getByRole('heading', { level: 1, name: buyer.name })).toBeVisible();
  await expect(page.getByText(buyer.email).first()).toBeVisible();
  await expectAccessible(page);
  await screenshot(page, 'store-admin-customer');
  await page.getByRole('link', { name: order.number }).click();
  await expect(page).toHaveURL(`${urls.store}/admin/orders/${order.id}`);
});
