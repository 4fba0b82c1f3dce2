import type { ModelQuotes, PlacedOrder, PrintOrderView, ProviderJobList } from '@makrx/contracts';
import { cube, toBinaryStl } from '@makrx/mesh/testing';
import { expect, test, type Browser } from './fixtures';
import { expectAccessible, screenshot } from './page-checks';
import { urls } from './urls';

/*
 * Issue "Fabrication", item 6: a customer rates a delivered print on its order page, with the
 * keyboard, and sees the stars they gave. The print is ordered and moved to delivered through
 * the APIs (print-order-routing.spec.ts walks those screens).
 */

const PUNE = 'tinkerworks-pune';
const store = `${urls.storeApi}/api/v1`;
const cave = `${urls.caveApi}/api/v1`;

/** An access token of a demo person, taken from the gateway tab they signed in at. */
async function tokenOf(browser: Browser, login: string): Promise<string> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(urls.gateway);
  await page.getByRole('banner').getByRole('button', { name: 'Sign in' }).click();
  await page.locator('input[name="username"]').fill(login);
  await page.locator('input[name="password"]').fill('makrx-demo');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(`${urls.gateway}/`);
  const token = await page.evaluate(() => {
    const stored = sessionStorage.getItem('makrx.auth.tokens');
    return stored ? (JSON.parse(stored) as { accessToken: string }).accessToken : '';
  });
  await context.close();
  return token;
}

async function call<T>(url: string, token: string, body?: unknown, headers = {}): Promise<T> {
  const response = await fetch(url, {
    method: body === undefined ? 'GET' : 'POST',
    headers: {
      authorization: `Bearer ${token}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...headers,
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  expect(response.ok, `${url}: ${response.status} ${text}`).toBe(true);
  return JSON.parse(text) as T;
}

/** A 25 mm cube ordered from TinkerWorks Pune, paid, printed, shipped and delivered. */
async function deliveredPrint(customer: string, provider: string): Promise<PlacedOrder> {
  const bytes = toBinaryStl(cube(25));
  const created = await fetch(`${store}/model-uploads/tus`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${customer}`,
      'tus-resumable': '1.0.0',
      'upload-length': String(bytes.length),
      'upload-metadata': `filename ${Buffer.from('rated-cube.stl').toString('base64')}`,
    },
  });
  expect(created.status).toBe(201);
  const uploadUrl = new URL(created.headers.get('location')!, store).toString();
  const sent = await fetch(uploadUrl, {
    method: 'PATCH',
    headers: {
      authorization: `Bearer ${customer}`,
      'tus-resumable': '1.0.0',
      'upload-offset': '0',
      'content-type': 'application/offset+octet-stream',
    },
    body: Buffer.from(bytes),
  });
  expect(sent.status).toBe(204);
  const uploadId = uploadUrl.split('/').pop()!;

  const { quotes } = await call<ModelQuotes>(`${store}/model-uploads/${uploadId}/quotes`, customer);
  const puneQuote = quotes.find((q) => q.provider.name === 'TinkerWorks Pune');
  expect(puneQuote).toBeDefined();
  const order = await call<PlacedOrder>(
    `${store}/print-orders`,
    customer,
    {
      uploadId,
      offeringId: puneQuote!.offeringId,
      quantity: 1,
      shippingAddress: {
        name: 'Chris Customer',
        line1: '12 MG Road',
        city: 'Bengaluru',
        postalCode: '560001',
        country: 'IN',
      },
    },
    { 'idempotency-key': crypto.randomUUID() },
  );
  await call(`${store}/orders/${order.id}/payments`, customer, { paymentMethod: 'tok_visa' });

  const jobs = `${cave}/makerspaces/${PUNE}/provider/jobs`;
  let jobId = '';
  await expect
    .poll(
      async () => {
        const list = await call<ProviderJobList>(jobs, provider);
        jobId = list.items.find((job) => job.orderNumber === order.number)?.id ?? '';
        return jobId;
      },
      { timeout: 30_000 },
    )
    .not.toBe('');
  await call(`${jobs}/${jobId}/accept`, provider, {});
  for (const change of [
    { status: 'printing' },
    { status: 'shipped', trackingUrl: 'https://track.example/MX-RATED' },
    { status: 'delivered' },
  ]) {
    await call(`${jobs}/${jobId}/status`, provider, change);
  }
  await expect
    .poll(
      async () =>
        (await call<PrintOrderView>(`${store}/orders/${order.id}/print`, customer)).status,
      { timeout: 30_000 },
    )
    .toBe('delivered');
  return order;
}

test('a customer rates their delivered print with the keyboard, and sees the stars they gave', async ({
  page,
  browser,
}) => {
  test.setTimeout(120_000);
  const customer = await tokenOf(browser, 'customer@demo.makrx.org');
  const provider = await tokenOf(browser, 'superadmin@demo.makrx.org');
  const order = await deliveredPrint(customer, provider);

  await page.goto(`${urls.store}/print`);
  await page.getByRole('main').getByRole('link', { name: 'Sign in' }).click();
  await page.locator('input[name="username"]').fill('customer@demo.makrx.org');
  await page.locator('input[name="password"]').fill('makrx-demo');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(`${urls.store}/print`);
  await page.goto(`${urls.store}/orders/${order.number}`);

  const heading = page.getByRole('heading', { name: 'How did it turn out?' });
  await expect(heading).toBeVisible();
  const stars = page.getByRole('group', { name: 'Your rating' });
  // Sent without a star: the browser asks for one, and nothing is sent.
  await page.getByRole('button', { name: 'Send rating' }).click();
  await expect(heading).toBeVisible();

  // The keyboard: onto the first star, then the arrows to the fourth.
  await stars.getByRole('radio', { name: /^1 star/ }).focus();
  await page.keyboard.press('Space');
  for (let i = 0; i < 3; i += 1) await page.keyboard.press('ArrowRight');
  await expect(stars.getByRole('radio', { name: /^4 stars/ })).toBeChecked();
  await page.getByLabel('Comment (optional)').fill('Clean corners, well packed.');
  await expectAccessible(page);
  await screenshot(page, 'store-print-rating-form');
  await page.getByRole('button', { name: 'Send rating' }).click();

  await expect(page.getByRole('heading', { name: 'Your rating' })).toBeVisible();
  await expect(page.getByRole('img', { name: '4 out of 5 stars' })).toBeVisible();
  await expect(page.getByRole('main')).toContainText('Clean corners, well packed.');
  await expect(page.getByRole('radio')).toHaveCount(0);
  await expectAccessible(page);
  await screenshot(page, 'store-print-rating-given');

  const print = await call<PrintOrderView>(`${store}/orders/${order.id}/print`, customer);
  expect(print.rating).toMatchObject({ stars: 4, comment: 'Clean corners, well packed.' });
});
