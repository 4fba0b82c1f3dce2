import { expect, test, type BrowserContext, type Page, type Response } from './fixtures';
import { screenshot } from './page-checks';
import { urls } from './urls';

const member = { name: 'Milo Member', email: 'member@demo.makrx.org', password: 'makrx-demo' };
const header = (page: Page) => page.getByRole('banner');

/**
 * Every Content-Security-Policy violation the browser reports from now on, in whichever tab and
 * page: the `securitypolicyviolation` event (listened to before any page script runs) and the
 * console's "Refused to …" lines.
 */
async function recordViolations(context: BrowserContext): Promise<string[]> {
  const violations: string[] = [];
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      console.error(
        `CSP violation: ${event.violatedDirective} blocked ${event.blockedURI || 'inline'} on ${document.location.href}`,
      );
    });
  });
  context.on('console', (message) => {
    const text = message.text();
    if (/CSP violation|Content Security Policy|Refused to/.test(text)) violations.push(text);
  });
  return violations;
}

/** The headers that keep a page out of frames and name what it may load. */
function expectProtected(
  response: Pick<Response, 'headers'> | null,
  what: string,
): Map<string, string[]> {
  expect(response, what).not.toBeNull();
  const headers = response!.headers();
  expect(headers['x-frame-options'], what).toBe('DENY');
  const policy = new Map(
    (headers['content-security-policy'] ?? '').split(';').map((directive) => {
      const [name, ...sources] = directive.trim().split(/\s+/);
      return [name!, sources] as const;
    }),
  );
  expect(policy.get('frame-ancestors'), what).toEqual(["'none'"]);
  expect(policy.get('script-src'), what).not.toContain("'unsafe-inline'");
  return policy;
}

test.describe('What browsers are told to trust', () => {
  test('each app and the sign-in pages carry a strict policy, and signing in breaks none of it', async ({
    browser,
    context,
  }) => {
    // A guest's visit in a browser of its own: the apps check once per browser session for a
    // sign-in made elsewhere (spec 6, SSO), and the visit after signing in must make that check.
    const guest = await browser.newContext();
    const asGuest = await recordViolations(guest);
    const asMember = await recordViolations(context);
    let page = await guest.newPage();

    expectProtected(await page.goto(urls.gateway), 'the gateway');
    await expect(header(page).getByRole('button', { name: 'Sign in' })).toBeVisible();
    expectProtected(await page.goto(urls.cave), 'the cave');
    await expect(header(page).getByRole('button', { name: 'Sign in' })).toBeVisible();
    const store = expectProtected(await page.goto(urls.store), 'the store');
    expect(store.get('script-src')!.some((source) => source.startsWith("'nonce-"))).toBe(true);
    await expect(header(page).getByRole('link', { name: 'Sign in' })).toBeVisible();

    await guest.close();

    page = await context.newPage();
    await page.goto(urls.gateway);
    const signInPage = page.waitForResponse(
      (response) =>
        response.url().includes('/login-actions/') &&
        response.request().resourceType() === 'document',
    );
    await header(page).getByRole('button', { name: 'Sign in' }).click();
    expectProtected(await signInPage, 'the sign-in page');
    await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
    await page.locator('input[name="username"]').fill(member.email);
    await page.locator('input[name="password"]').fill(member.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page).toHaveURL(`${urls.gateway}/`);
    await expect(header(page).getByRole('button', { name: /Milo Member/ })).toBeVisible();

    expectProtected(await page.goto(`${urls.cave}/makerspaces/northside-fab-lab`), 'a cave page');
    await expect(header(page).getByRole('button', { name: /Milo Member/ })).toBeVisible();
    // A product page carries structured data (JSON-LD), which is data, not a script to run.
    const product = await page.goto(`${urls.store}/products/digital-calipers-150mm`);
    expectProtected(product, 'a store product page');
    await expect(header(page).getByRole('button', { name: /Milo Member/ })).toBeVisible();
    await page.getByRole('button', { name: 'Add to cart' }).click();
    await expect(page).toHaveURL(`${urls.store}/cart?added=1`);
    expectProtected(await page.goto(`${urls.store}/cart`), 'the cart');
    await expect(page.getByRole('heading', { level: 1, name: /cart/i })).toBeVisible();

    const violations = [...asGuest, ...asMember];
    expect(violations, violations.join('\n')).toEqual([]);
  });

  test('a guest checks out and pays on the store’s payment page without a CSP violation', async ({
    context,
  }) => {
    const violations = await recordViolations(context);
    const page = await context.newPage();
    await page.goto(`${urls.store}/products/digital-calipers-150mm`);
    await page.getByRole('button', { name: 'Add to cart' }).click();
    await expect(page).toHaveURL(`${urls.store}/cart?added=1`);
    await page.getByRole('link', { name: 'Check out' }).click();
    await page.getByLabel('Email').fill('csp-guest@example.org');
    await page.getByRole('button', { name: 'Continue to address' }).click();
    await page.getByLabel('Full name').fill('Grace Guest');
    await page.getByLabel('Street address').fill('1 Analytical Way');
    await page.getByLabel('City').fill('San Francisco');
    await page.getByLabel('State or province').selectOption({ label: 'California' });
    await page.getByLabel('Postal code').fill('94107');
    await page.getByRole('button', { name: 'Continue to shipping' }).click();
    await page.getByText('Express shipping', { exact: true }).click();
    await page.getByRole('button', { name: 'Continue to review' }).click();
    await page.getByRole('button', { name: 'Place order and pay' }).click();

    await expect(page.getByRole('heading', { level: 1, name: 'Payment' })).toBeVisible();
    const pay = await page.request.get(page.url());
    const policy = expectProtected(pay, 'the payment page');
    expect(policy.get('script-src')).toContain('https://js.stripe.com');
    expect(policy.get('frame-src')).toContain('https://js.stripe.com');
    expect(policy.get('connect-src')).toContain('https://api.stripe.com');
    // The typed card is checked and turned into its token by the page's own script: it runs
    // under the policy too.
    await page.getByRole('radio', { name: /Type a Stripe test card number/ }).check();
    await page.getByRole('textbox', { name: 'Card number' }).fill('4242 4242 4242 4242');
    await page.getByRole('textbox', { name: 'Expiry' }).fill('12/34');
    await page.getByRole('textbox', { name: 'Security code' }).fill('123');
    await page.getByRole('button', { name: /^Pay / }).click();
    await expect(
      page.getByRole('heading', { level: 1, name: 'Thank you — your order is confirmed' }),
    ).toBeVisible();

    expect(violations, violations.join('\n')).toEqual([]);
  });

  test('every store page says "test mode" while payments go to the offline gateway', async ({
    page,
  }) => {
    for (const path of ['/', '/products/digital-calipers-150mm', '/cart', '/orders/find']) {
      await page.goto(`${urls.store}${path}`);
      const banner = page.getByRole('note', { name: 'Test mode' });
      await expect(banner, path).toBeVisible();
      await expect(banner).toContainText('only test cards are accepted');
    }
    await page.goto(urls.store);
    await page.setViewportSize({ width: 390, height: 844 });
    await expect(page.getByRole('note', { name: 'Test mode' })).toBeVisible();
    await page.setViewportSize({ width: 1280, height: 800 });
    await screenshot(page, 'store-test-mode');
  });
});
