import type { PlacedOrder, Product, ProductReviewPage } from '@makrx/contracts';
import { expect, test, type Browser, type Page } from './fixtures';
import { superAdminToken } from './flag-api';
import { signUpNewcomerAt } from './newcomer';
import { expectAccessible, screenshot } from './page-checks';
import { urls } from './urls';

/*
 * Product reviews: a buyer whose order was delivered reviews the product from the order's page,
 * the product page shows the review and the average (and carries them in its JSON-LD), and a
 * store admin hides it again from /admin/reviews. The buyer is a newcomer, so nobody else's
 * review is theirs; the order is placed, paid, shipped and delivered through the APIs.
 */

const store = `${urls.storeApi}/api/v1`;
const SLUG = 'digital-calipers-150mm';
const check = crypto.randomUUID().slice(0, 8);
const reviewText = `Reads to a hundredth of a millimetre and holds zero. Check ${check}.`;
const editedText = `Still holding zero after a month in the workshop. Check ${check}.`;

async function call<T>(url: string, token: string, body?: unknown, headers = {}): Promise<T> {
  const response = await fetch(url, {
    method: body === undefined ? 'GET' : 'POST',
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...headers,
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  expect(response.ok, `${url}: ${response.status} ${text}`).toBe(true);
  return JSON.parse(text) as T;
}

/** The buyer's order of the calipers, paid by them, then shipped and delivered by an admin. */
async function deliveredOrder(buyer: string, admin: string): Promise<PlacedOrder> {
  const product = await call<Product>(`${store}/products/${SLUG}`, '');
  const order = await call<PlacedOrder>(
    `${store}/orders`,
    buyer,
    {
      items: [{ variantId: product.variants[0]!.id, quantity: 1 }],
      shippingMethod: 'standard',
      shippingAddress: {
        name: 'Nia Newcomer',
        line1: `${Math.floor(Math.random() * 9000) + 100} Review Street`,
        city: 'San Francisco',
        region: 'CA',
        postalCode: '94107',
        country: 'US',
      },
    },
    { 'idempotency-key': crypto.randomUUID() },
  );
  await call(`${store}/orders/${order.id}/payments`, buyer, { paymentMethod: 'tok_visa' });
  await call(`${store}/orders/${order.id}/ship`, admin, { trackingNumber: '1Z999AA10123456784' });
  await call(`${store}/orders/${order.id}/deliver`, admin, {});
  return order;
}

const reviewsNow = () => call<ProductReviewPage>(`${store}/products/${SLUG}/reviews`, '');

/** The product page's JSON-LD, as search engines read it. */
async function jsonLdOf(page: Page): Promise<Record<string, unknown>> {
  const text = await page.locator('script[type="application/ld+json"]').first().textContent();
  return JSON.parse(text ?? '{}') as Record<string, unknown>;
}

async function signedInStoreAdmin(browser: Browser): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await page.goto(`${urls.store}/admin/reviews`);
  await page.locator('input[name="username"]').fill('superadmin@demo.makrx.org');
  await page.locator('input[name="password"]').fill('makrx-demo');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(`${urls.store}/admin/reviews`);
  return page;
}

test('a buyer reviews a delivered product, the product page shows it, and an admin hides it', async ({
  page,
  browser,
}) => {
  test.setTimeout(180_000);
  await signUpNewcomerAt(page, '/account/ecosystem');
  const buyer = await page.evaluate(() => {
    const stored = sessionStorage.getItem('makrx.auth.tokens');
    return stored ? (JSON.parse(stored) as { accessToken: string }).accessToken : '';
  });
  expect(buyer).not.toBe('');
  const admin = await superAdminToken(browser);
  const order = await deliveredOrder(buyer, admin);
  const before = await reviewsNow();

  // Signed in at MakrX.org, the buyer is signed in at the store too; My orders → the order.
  await page.goto(`${urls.store}/auth/login?returnTo=${encodeURIComponent('/orders')}`);
  await expect(page).toHaveURL(`${urls.store}/orders`);
  await page.getByRole('link', { name: order.number }).first().click();
  await expect(
    page.getByRole('heading', { level: 1, name: `Order ${order.number}` }),
  ).toBeVisible();
  await page.getByRole('link', { name: /^Review this product/ }).click();
  await expect(page).toHaveURL(`${urls.store}/products/${SLUG}/review`);
  await expect(page.getByRole('heading', { level: 1, name: 'Review this product' })).toBeVisible();

  const stars = page.getByRole('group', { name: 'Your rating' });
  await stars.getByRole('radio', { name: /^4 stars/ }).check({ force: true });
  await page.getByLabel('Title (optional)').fill('Accurate and steady');
  await page.getByLabel('Your review').fill(reviewText);
  await expectAccessible(page);
  await screenshot(page, 'store-review-form');
  await page.getByRole('button', { name: 'Publish review' }).click();

  await expect(page).toHaveURL(new RegExp(`/products/${SLUG}\\?reviewed=1`));
  const section = page.locator('#reviews');
  await expect(section.getByText('Thank you for your review.')).toBeVisible();
  const after = await reviewsNow();
  expect(after.summary.count).toBe(before.summary.count + 1);
  const ours = after.items.find((review) => review.body === reviewText);
  expect(ours).toMatchObject({ rating: 4, title: 'Accurate and steady', verifiedBuyer: true });
  // Newest first: ours leads the list, with the buyer's first name and initial only.
  const first = section
    .getByRole('list', { name: 'Reviews, newest first' })
    .getByRole('listitem')
    .first();
  await expect(first).toContainText(reviewText);
  await expect(first).toContainText('Verified buyer');
  await expect(first).toContainText(ours!.authorName);
  await expect(first.getByRole('img', { name: '4 out of 5 stars' })).toBeVisible();
  await expect(section.getByTestId('rating-sentence')).toHaveText(
    `${after.summary.average} out of 5, ${after.summary.count} ${after.summary.count === 1 ? 'review' : 'reviews'}`,
  );
  const jsonLd = await jsonLdOf(page);
  expect(jsonLd).toMatchObject({
    '@type': 'Product',
    aggregateRating: {
      '@type': 'AggregateRating',
      ratingValue: after.summary.average,
      reviewCount: after.summary.count,
      bestRating: 5,
      worstRating: 1,
    },
  });
  await expectAccessible(page);
  await section.scrollIntoViewIfNeeded();
  await screenshot(page, 'store-product-reviews');

  // The buyer edits it in a browser without JavaScript: the form is filled in, and the plain
  // form post saves the change.
  const noScript = await browser.newContext({
    javaScriptEnabled: false,
    storageState: await page.context().storageState(),
  });
  const plain = await noScript.newPage();
  await plain.goto(`${urls.store}/products/${SLUG}/review`);
  await expect(plain.getByRole('heading', { level: 1, name: 'Edit your review' })).toBeVisible();
  await expect(plain.getByLabel('Your review')).toHaveValue(reviewText);
  await expect(plain.getByRole('radio', { name: /^4 stars/ })).toBeChecked();
  await plain.getByRole('radio', { name: /^5 stars/ }).check({ force: true });
  await plain.getByLabel('Your review').fill(editedText);
  await plain.getByRole('button', { name: 'Save changes' }).click();
  await expect(plain).toHaveURL(new RegExp(`/products/${SLUG}\\?reviewed=1`));
  await expect(plain.getByText(editedText)).toBeVisible();
  await expect(plain.getByText(reviewText)).toHaveCount(0);
  const edited = await reviewsNow();
  expect(edited.summary.count).toBe(after.summary.count);
  expect(edited.items.find((review) => review.id === ours!.id)).toMatchObject({
    rating: 5,
    body: editedText,
  });
  await noScript.close();

  // A store admin hides it, with a reason; it leaves the page and the average.
  const moderator = await signedInStoreAdmin(browser);
  await expect(moderator.getByRole('heading', { level: 1, name: 'Reviews' })).toBeVisible();
  const item = moderator.getByRole('listitem').filter({ hasText: editedText });
  await expect(item).toHaveCount(1);
  await expectAccessible(moderator);
  await screenshot(moderator, 'store-admin-reviews');
  await item.getByLabel('Why hide it').fill('Testing moderation: hidden on purpose');
  await item.getByRole('button', { name: /^Hide review/ }).click();
  await expect(moderator.getByRole('status')).toContainText('The review is hidden');
  await moderator.getByRole('link', { name: 'Hidden', exact: true }).click();
  await expect(moderator.getByRole('listitem').filter({ hasText: editedText })).toContainText(
    'Testing moderation: hidden on purpose',
  );
  await screenshot(moderator, 'store-admin-reviews-hidden');

  const visitor = await (await browser.newContext()).newPage();
  await visitor.goto(`${urls.store}/products/${SLUG}`);
  await expect(visitor.locator('#reviews')).toBeVisible();
  await expect(visitor.getByText(editedText)).toHaveCount(0);
  const hidden = await reviewsNow();
  expect(hidden.summary.count).toBe(before.summary.count);
  const visitorJsonLd = await jsonLdOf(visitor);
  if (hidden.summary.count === 0) {
    await expect(visitor.locator('#reviews').getByText('No reviews yet')).toBeVisible();
    expect(visitorJsonLd).not.toHaveProperty('aggregateRating');
    await screenshot(visitor, 'store-product-reviews-empty');
  } else {
    expect(visitorJsonLd).toMatchObject({ aggregateRating: { reviewCount: hidden.summary.count } });
  }
});
