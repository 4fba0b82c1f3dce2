import { expect, test, type Page, type Request } from './fixtures';
import { expectAccessible, screenshot } from './page-checks';
import { urls } from './urls';

const filament = 'Galaxy PLA Filament';

/**
 * Every run of 13 to 19 digits (spaces and dashes between them allowed) passing the Luhn check,
 * standing on its own as a typed number does: digits inside a longer token (the hex id of a
 * Next.js server action, say) are not a card number.
 */
function cardNumbersIn(text: string): string[] {
  const runs = text.match(/(?<![0-9A-Za-z])\d(?:[\s-]?\d){12,18}(?![0-9A-Za-z])/g) ?? [];
  return runs.map((run) => run.replace(/[\s-]/g, '')).filter(passesLuhn);
}

function passesLuhn(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i += 1) {
    let digit = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
    sum += digit;
  }
  return sum % 10 === 0;
}

/** What a request carries that a card number could hide in: its URL, headers and body. */
function carried(request: Request): string {
  const body = request.postDataBuffer()?.toString('utf8') ?? '';
  const headers = Object.entries(request.headers())
    .map(([name, value]) => `${name}: ${value}`)
    .join('\n');
  // Form bodies arrive URL-encoded: `4242+4242…` or `4242%204242…`.
  let decoded = body;
  try {
    decoded = decodeURIComponent(body.replace(/\+/g, ' '));
  } catch {
    // Not URL-encoded: read as sent.
  }
  return [request.url(), headers, body, decoded].join('\n');
}

/** A guest's cart with one spool, checked out to the pay page. */
async function guestAtPayPage(page: Page) {
  await page.goto(`${urls.store}/`);
  await page.getByRole('link', { name: filament }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: filament })).toBeVisible();
  await page.getByRole('button', { name: 'Add to cart' }).click();
  await expect(page).toHaveURL(`${urls.store}/cart?added=1`);
  await page.getByRole('link', { name: 'Check out' }).click();
  await page.getByLabel('Email').fill(`card-privacy-${Date.now().toString(36)}@example.com`);
  await page.getByRole('button', { name: 'Continue to address' }).click();
  await page.getByLabel('Full name').fill('Pat Private');
  await page.getByLabel('Street address').fill('7 Token Road');
  await page.getByLabel('City').fill('Seattle');
  await page.getByLabel('State or province').selectOption({ label: 'Washington' });
  await page.getByLabel('Postal code').fill('98101');
  await page.getByRole('button', { name: 'Continue to shipping' }).click();
  await page.getByText('Standard shipping', { exact: true }).click();
  await page.getByRole('button', { name: 'Continue to review' }).click();
  await page.getByRole('button', { name: 'Place order and pay' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Payment' })).toBeVisible();
}

async function typeTestCard(page: Page, card: { number: string; expiry: string; cvc: string }) {
  await page.getByRole('radio', { name: /Type a Stripe test card number/ }).check();
  await page.getByRole('textbox', { name: 'Card number' }).fill(card.number);
  await page.getByRole('textbox', { name: 'Expiry' }).fill(card.expiry);
  await page.getByRole('textbox', { name: 'Security code' }).fill(card.cvc);
  await page.getByRole('button', { name: /^Pay / }).click();
}

test.describe('Card numbers on the pay page', () => {
  test.describe.configure({ timeout: 120_000 });

  test('a guest pays with test cards, typed and picked, and no request carries a card number', async ({
    page,
  }) => {
    const sent: Request[] = [];
    page.on('request', (request) => sent.push(request));
    await guestAtPayPage(page);
    await expect(page.getByRole('radio', { name: /•••• 4242/ })).toBeChecked();
    await expectAccessible(page);
    await screenshot(page, 'store-pay-page');

    // Refused in the browser as Stripe.js refuses them: nothing is sent.
    await typeTestCard(page, { number: '4242 4242 4242 4242', expiry: '12/20', cvc: '123' });
    await expect(
      page.getByRole('alert').filter({ hasText: "Your card's expiration date is in the past." }),
    ).toBeVisible();
    await typeTestCard(page, { number: '4242 4242 4242 4241', expiry: '12/34', cvc: '123' });
    await expect(
      page.getByRole('alert').filter({ hasText: 'Your card number is incorrect.' }),
    ).toBeVisible();
    await expectAccessible(page);
    await screenshot(page, 'store-pay-page-typed-card');

    // Stripe's expired test card is declined by the gateway as Stripe declines it.
    await page.getByRole('radio', { name: /•••• 0069/ }).check();
    await page.getByRole('button', { name: /^Pay / }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'Payment failed' })).toContainText(
      'Your card has expired',
    );

    await typeTestCard(page, { number: '4242 4242 4242 4242', expiry: '12/34', cvc: '123' });
    await expect(
      page.getByRole('heading', { level: 1, name: 'Thank you — your order is confirmed' }),
    ).toBeVisible();

    const ours = sent.filter((request) => request.url().startsWith(urls.store));
    expect(ours.some((request) => request.method() === 'POST')).toBe(true);
    const leaks = sent.flatMap((request) =>
      cardNumbersIn(carried(request)).map(
        (number) => `${request.method()} ${request.url()}: ${number}`,
      ),
    );
    expect(leaks).toEqual([]);
    expect(sent.filter((request) => carried(request).includes('4242424242424242'))).toEqual([]);
    expect(sent.filter((request) => carried(request).includes('4242 4242'))).toEqual([]);
  });
});

test.describe('The pay page without JavaScript', () => {
  test.use({ javaScriptEnabled: false });
  test.describe.configure({ timeout: 120_000 });

  test('a guest picks a test card and pays with the plain form, which posts only its token', async ({
    page,
  }) => {
    const sent: Request[] = [];
    page.on('request', (request) => sent.push(request));
    await guestAtPayPage(page);
    // Typing a number needs the browser to turn it into a token: not offered without scripts.
    await expect(page.getByRole('radio', { name: /Type a Stripe test card number/ })).toHaveCount(
      0,
    );
    await page.getByRole('radio', { name: /Mastercard •••• 4444/ }).check();
    await page.getByRole('button', { name: /^Pay / }).click();
    await expect(
      page.getByRole('heading', { level: 1, name: 'Thank you — your order is confirmed' }),
    ).toBeVisible();
    const payment = sent.find(
      (request) =>
        request.method() === 'POST' && (request.postData() ?? '').includes('tok_mastercard'),
    );
    expect(payment, 'the form posted the chosen token').toBeTruthy();
    expect(sent.flatMap((request) => cardNumbersIn(carried(request)))).toEqual([]);
  });
});
