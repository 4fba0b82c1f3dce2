import { expect, test, type Browser, type Page } from './fixtures';
import { setFlag, superAdminToken } from './flag-api';
import { expectAccessible, screenshot } from './page-checks';
import { urls } from './urls';

const password = 'makrx-demo';
const storeAdmin = 'superadmin@demo.makrx.org';
const customer = 'customer@demo.makrx.org';
const filament = 'Galaxy PLA Filament';

/** Fills the identity provider's sign-in form; it sends the browser back to the app. */
async function signInAtProvider(page: Page, email: string, appUrl = urls.store) {
  await page.locator('input[name="username"]').fill(email);
  await page.locator('input[name="password"]').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(new RegExp(`^${appUrl}/`));
}

/** The product page of the demo filament with a second colour picked in its variant picker. */
async function pickSilverFilament(page: Page) {
  await page.getByRole('link', { name: filament }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: filament })).toBeVisible();
  await page.getByText('Galaxy Silver', { exact: true }).click();
  await expect(page).toHaveURL(/[?&]variant=/);
}

async function addToCart(page: Page) {
  await page.getByRole('button', { name: 'Add to cart' }).click();
  await expect(page).toHaveURL(`${urls.store}/cart?added=1`);
  await expect(page.getByText('Added to your cart.')).toBeVisible();
}

/** Pays with one of the offline gateway's test cards, picked by its last four digits. */
async function payWith(page: Page, last4: string) {
  await page.getByRole('radio', { name: new RegExp(`•••• ${last4}`) }).check();
  await page.getByRole('button', { name: /^Pay / }).click();
}

/** The amount beside a label in a page's totals (`<dt>Tax (7.25%)</dt><dd>$1.00</dd>`). */
async function amountBeside(page: Page, label: RegExp) {
  const term = page.locator('#main-content dt').filter({ hasText: label });
  await expect(term).toHaveCount(1);
  return (await term.locator('xpath=following-sibling::dd[1]').innerText()).trim();
}

interface Mail {
  to: string;
  subject: string;
  text: string;
}

/** The dev mailbox of the auth service (embedded mode), waited on until `match` arrives. */
async function mailsTo(email: string, match: (mail: Mail) => boolean): Promise<Mail[]> {
  let found: Mail[] = [];
  await expect
    .poll(async () => {
      const response = await fetch(`${urls.authApi}/dev/mail?to=${encodeURIComponent(email)}`);
      found = ((await response.json()) as { items: Mail[] }).items.filter(match);
      return found.length;
    })
    .toBeGreaterThan(0);
  return found;
}

async function freshPage(browser: Browser) {
  const context = await browser.newContext();
  return context.newPage();
}

test.describe.serial('Buying in MakrX.Store', () => {
  // Whole purchases through several pages each, with accessibility checks on the way.
  test.describe.configure({ timeout: 180_000 });
  const guestEmail = `guest-${Date.now()}@example.com`;
  let orderNumber = '';
  let trackingLink = '';

  test('a guest searches, filters, picks a colour, and checks out; a declined card, then a good one, make one paid order', async ({
    page,
    browser,
  }) => {
    // Filters come with advanced search (ENABLE_ADVANCED_SEARCH), off in the demo data.
    const token = await superAdminToken(browser);
    await setFlag(token, 'ENABLE_ADVANCED_SEARCH', true, 'Checkout journey with search filters.');
    try {
      await page.goto(`${urls.store}/search`);
      const main = page.locator('#main-content');
      await main.getByRole('searchbox', { name: 'Search the store' }).fill('filament');
      await main.getByRole('button', { name: 'Search', exact: true }).click();
      const filters = page.getByRole('navigation', { name: 'Filter results' });
      await filters.getByRole('link', { name: /^PLA/ }).click();
      await expect(page).toHaveURL(/material=PLA/);
      await expect(main.getByRole('link', { name: /PETG Filament/ })).toHaveCount(0);
    } finally {
      await setFlag(token, 'ENABLE_ADVANCED_SEARCH', false, 'Back to the demo default.');
    }
    await pickSilverFilament(page);
    await expect(
      page.getByRole('banner').getByRole('link', { name: 'Cart, 0 items' }).first(),
    ).toBeAttached();
    await addToCart(page);
    await expect(
      page.getByRole('banner').getByRole('link', { name: 'Cart, 1 item' }).first(),
    ).toBeAttached();
    await expect(page.getByText('Colour: Galaxy Silver')).toBeVisible();
    await expectAccessible(page);
    await screenshot(page, 'store-cart');

    await page.getByRole('link', { name: 'Check out' }).click();
    await expect(
      page.getByRole('heading', { level: 1, name: 'How can we reach you?' }),
    ).toBeVisible();
    await page.getByLabel('Email').fill(guestEmail);
    await page.getByRole('button', { name: 'Continue to address' }).click();

    await expect(
      page.getByRole('heading', { level: 1, name: 'Where should we ship it?' }),
    ).toBeVisible();
    await page.getByLabel('Full name').fill('Grace Guest');
    await page.getByLabel('Street address').fill('1 Analytical Way');
    await page.getByLabel('City').fill('San Francisco');
    await page.getByLabel('State or province').selectOption({ label: 'California' });
    await page.getByLabel('Postal code').fill('9410');
    await page.getByRole('button', { name: 'Continue to shipping' }).click();
    // The store checks the address as the service will, keeping what was typed.
    await expect(
      page.getByText('Enter the postal code as it is written in that country, such as 94107'),
    ).toBeVisible();
    await expect(page.getByLabel('Street address')).toHaveValue('1 Analytical Way');
    await page.getByLabel('Postal code').fill('94107');
    await page.getByRole('button', { name: 'Continue to shipping' }).click();

    await expect(
      page.getByRole('heading', { level: 1, name: 'How should we ship it?' }),
    ).toBeVisible();
    await page.getByText('Express shipping', { exact: true }).click();
    await expectAccessible(page);
    await screenshot(page, 'store-checkout-shipping');
    await page.getByRole('button', { name: 'Continue to review' }).click();

    await expect(page.getByRole('heading', { level: 1, name: 'Review your order' })).toBeVisible();
    await expect(page.getByText(guestEmail)).toBeVisible();
    // Tax and total are known at review, before the order exists, and are what the order costs.
    await expect(page.getByText('Tax (7.25%)')).toBeVisible();
    const reviewedTax = await amountBeside(page, /^Tax \(7\.25%\)$/);
    const reviewedTotal = await amountBeside(page, /^Total$/);
    expect(reviewedTax).toMatch(/^\$\d+\.\d\d$/);
    expect(reviewedTotal).toMatch(/^\$\d+\.\d\d$/);
    await expect(
      page.getByText(`You pay ${reviewedTotal}, including ${reviewedTax} tax.`),
    ).toBeVisible();
    await expectAccessible(page);
    await screenshot(page, 'store-checkout-review');
    await page.getByRole('button', { name: 'Place order and pay' }).click();

    await expect(page.getByRole('heading', { level: 1, name: 'Payment' })).toBeVisible();
    orderNumber = new URL(page.url()).pathname.split('/')[2]!;
    await expect(page.getByRole('radio', { name: /•••• 4242/ })).toBeChecked();
    await expect(page.getByText('Tax (7.25%)')).toBeVisible();
    expect(await amountBeside(page, /^Tax \(7\.25%\)$/)).toBe(reviewedTax);
    expect(await amountBeside(page, /^Total$/)).toBe(reviewedTotal);

    await payWith(page, '0002');
    await expect(page.getByRole('alert').filter({ hasText: 'Payment failed' })).toContainText(
      'Your card was declined',
    );
    await expect(page.getByRole('radio', { name: /•••• 4242/ })).toBeVisible();
    await expectAccessible(page);
    await screenshot(page, 'store-payment-declined');

    await payWith(page, '4242');
    await expect(
      page.getByRole('heading', { level: 1, name: 'Thank you — your order is confirmed' }),
    ).toBeVisible();
    await expect(page.getByText(orderNumber).first()).toBeVisible();
    await expectAccessible(page);
    await screenshot(page, 'store-order-confirmation');
    await expect(
      page.getByRole('banner').getByRole('link', { name: 'Cart, 0 items' }).first(),
    ).toBeAttached();

    // One order in the end: the guest's one confirmation names the order paid for.
    const confirmations = await mailsTo(guestEmail, (mail) => mail.subject.includes(orderNumber));
    const allOrderMails = await mailsTo(guestEmail, (mail) => /order/i.test(mail.subject));
    expect(confirmations).toHaveLength(1);
    expect(allOrderMails).toHaveLength(1);
    const link = /https?:\/\/\S+\/orders\/\S+/.exec(confirmations[0]!.text)?.[0];
    expect(link, 'the confirmation links to the tracking page').toBeTruthy();
    trackingLink = link!;
  });

  test('the confirmation email’s link opens the order’s tracking page, in any browser', async ({
    browser,
  }) => {
    const page = await freshPage(browser);
    await page.goto(trackingLink);
    await expect(
      page.getByRole('heading', { level: 1, name: `Order ${orderNumber}` }),
    ).toBeVisible();
    await expect(page.getByLabel('Order progress')).toContainText('Paid');
    await expectAccessible(page);
    await screenshot(page, 'store-order-tracking');
    await page.getByRole('link', { name: 'View invoice' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Invoice' })).toBeVisible();
    await screenshot(page, 'store-order-invoice');
  });

  test('a guest without the email asks for the order’s link from My orders, and opens the order from the new mail', async ({
    browser,
  }) => {
    const page = await freshPage(browser);
    await page.goto(`${urls.store}/orders`);
    await page.getByRole('link', { name: 'Find an order without the email' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Find your order' })).toBeVisible();
    await page.getByLabel('Order number').fill('order 12');
    await page.getByLabel('Email address').fill(guestEmail);
    await page.getByRole('button', { name: 'Email me the link' }).click();
    await expect(page.getByLabel('Order number')).toHaveAccessibleDescription(
      /like MX-100001.*Enter the order number from your receipt/,
    );

    await page.getByLabel('Order number').fill(orderNumber);
    await page.getByRole('button', { name: 'Email me the link' }).click();
    await expect(
      page.getByText('If that order exists, we have sent its link to that address.'),
    ).toBeVisible();
    await expectAccessible(page);
    await screenshot(page, 'store-find-order');

    // A wrong address gets the very same answer, and no mail goes anywhere.
    await page.getByLabel('Order number').fill(orderNumber);
    await page.getByLabel('Email address').fill('not-the-buyer@example.com');
    await page.getByRole('button', { name: 'Email me the link' }).click();
    await expect(
      page.getByText('If that order exists, we have sent its link to that address.'),
    ).toBeVisible();

    const [mail] = await mailsTo(guestEmail, (m) => m.subject.startsWith('The link to your'));
    expect(mail!.subject).toBe(`The link to your MakrX.Store order ${orderNumber}`);
    const link = /https?:\/\/\S+\/orders\/\S+/.exec(mail!.text)![0];
    const reader = await freshPage(browser);
    await reader.goto(link);
    await expect(
      reader.getByRole('heading', { level: 1, name: `Order ${orderNumber}` }),
    ).toBeVisible();
    const wrongAddress = await fetch(
      `${urls.authApi}/dev/mail?to=${encodeURIComponent('not-the-buyer@example.com')}`,
    );
    expect(((await wrongAddress.json()) as { items: Mail[] }).items).toEqual([]);
  });

  test('a store admin ships the order with a carrier and tracking number; the buyer is mailed the links, and the tracking page shows it', async ({
    browser,
  }) => {
    const admin = await freshPage(browser);
    await admin.goto(`${urls.store}/admin/orders`);
    await signInAtProvider(admin, storeAdmin);
    await expect(admin.getByRole('heading', { level: 1, name: 'Orders' })).toBeVisible();
    await admin.getByLabel('Search orders by number or email').fill(guestEmail);
    await admin.getByRole('main').getByRole('button', { name: 'Search' }).click();
    await expect(admin.getByRole('link', { name: orderNumber })).toHaveCount(1);
    await expectAccessible(admin);
    await screenshot(admin, 'store-admin-orders');

    await admin.getByRole('link', { name: orderNumber }).click();
    await admin.getByRole('button', { name: 'Mark in fulfilment' }).click();
    await expect(admin.getByRole('status')).toContainText('in fulfilment');
    await admin.getByLabel('Carrier').selectOption({ label: 'UPS' });
    await admin.getByLabel('Tracking number').fill('1Z999AA10123456784');
    await admin.getByRole('button', { name: 'Mark shipped' }).click();
    await expect(admin.getByRole('status')).toContainText('shipped');
    await expectAccessible(admin);
    await screenshot(admin, 'store-admin-order');

    const [shipped, ...more] = await mailsTo(guestEmail, (m) => m.subject.endsWith('has shipped'));
    expect(more).toEqual([]);
    expect(shipped!.subject).toBe(`Your MakrX.Store order ${orderNumber} has shipped`);
    expect(shipped!.text).toContain('https://www.ups.com/track?tracknum=1Z999AA10123456784');
    const link = /https?:\/\/\S+\/orders\/\S+/.exec(shipped!.text)![0];

    const guest = await freshPage(browser);
    await guest.goto(link);
    await expect(
      guest.getByRole('heading', { level: 1, name: `Order ${orderNumber}` }),
    ).toBeVisible();
    await expect(guest.getByTestId('tracking-number').first()).toHaveText('1Z999AA10123456784');
    await expect(guest.getByRole('link', { name: 'Follow the parcel at UPS' })).toHaveAttribute(
      'href',
      'https://www.ups.com/track?tracknum=1Z999AA10123456784',
    );
    await expectAccessible(guest);
    await screenshot(guest, 'store-order-shipped');
  });

  test('a guest with items in the cart signs in and still has them', async ({ browser }) => {
    const page = await freshPage(browser);
    await page.goto(urls.store);
    await pickSilverFilament(page);
    await addToCart(page);
    // The cart's own invitation: "Have a MakrX account? Sign in — your cart comes with you."
    await page.getByRole('main').getByRole('link', { name: 'Sign in' }).click();
    await signInAtProvider(page, customer);
    await expect(page).toHaveURL(`${urls.store}/cart`);
    await expect(page.getByRole('banner').getByText(customer).first()).toBeAttached();
    await expect(page.getByRole('link', { name: filament })).toBeVisible();
    await expect(page.getByText('Colour: Galaxy Silver')).toBeVisible();
  });

  test('with the new checkout flow on, a signed-in buyer checks out on one page, confirms a card that asks for it, and reorders from My orders', async ({
    browser,
  }) => {
    // A super admin's emergency change applies at once (a domain admin's would wait for approval).
    const admin = await superAdminToken(browser);
    await setFlag(admin, 'ENABLE_NEW_CHECKOUT_FLOW', true, 'Trying the one-page checkout.');

    // The customer's cart still holds what they had as a guest (the test before this one).
    const buyer = await freshPage(browser);
    await buyer.goto(`${urls.store}/cart`);
    await buyer.getByRole('banner').getByRole('link', { name: 'Sign in' }).first().click();
    await signInAtProvider(buyer, customer);
    await expect(buyer.getByRole('link', { name: filament })).toBeVisible();
    await buyer.getByRole('link', { name: 'Check out' }).click();

    await expect(buyer.getByRole('heading', { level: 1, name: 'Checkout' })).toBeVisible();
    await expect(buyer.getByText(`Signed in as ${customer}`)).toBeVisible();
    await buyer.getByLabel('Full name').fill('Chris Customer');
    await buyer.getByLabel('Street address').fill('20 Maker Lane');
    await buyer.getByLabel('City').fill('Austin');
    await buyer.getByLabel('State or province').selectOption({ label: 'Texas' });
    await buyer.getByLabel('Postal code').fill('73301');
    await buyer.getByText('Standard shipping', { exact: true }).click();
    await expectAccessible(buyer);
    await screenshot(buyer, 'store-checkout-one-page');
    await buyer.getByRole('button', { name: 'Continue to payment' }).click();

    await expect(buyer.getByText('Tax (6.25%)')).toBeVisible();
    await payWith(buyer, '3184');
    await expect(
      buyer.getByRole('heading', { level: 1, name: 'Confirm your payment' }),
    ).toBeVisible();
    await expectAccessible(buyer);
    await screenshot(buyer, 'store-payment-confirm');
    await buyer.getByRole('button', { name: /^Confirm payment/ }).click();
    await expect(
      buyer.getByRole('heading', { level: 1, name: 'Thank you — your order is confirmed' }),
    ).toBeVisible();
    const number = new URL(buyer.url()).pathname.split('/')[2]!;

    await buyer.goto(`${urls.store}/orders`);
    await expect(buyer.getByRole('heading', { level: 1, name: 'My orders' })).toBeVisible();
    await expectAccessible(buyer);
    await screenshot(buyer, 'store-my-orders');
    await buyer.getByRole('link', { name: number }).click();
    await buyer.getByRole('button', { name: 'Reorder' }).click();
    await expect(buyer.getByText('The items of your order are back in your cart')).toBeVisible();
    await expect(buyer.getByRole('link', { name: filament })).toBeVisible();

    // Changed their mind: cancelled before it ships, after a second look, and refunded.
    await buyer.goto(`${urls.store}/orders/${number}`);
    await buyer.getByRole('link', { name: 'Cancel order' }).click();
    await buyer.getByRole('button', { name: 'Yes, cancel the order' }).click();
    await expect(buyer.getByText('Your order is cancelled')).toBeVisible();
    await expect(buyer.getByText('The payment is refunded to your card.')).toBeVisible();
    await expect(buyer.getByLabel('Order progress')).toContainText('Cancelled');

    await setFlag(admin, 'ENABLE_NEW_CHECKOUT_FLOW', false, 'Back to the classic checkout.');
  });

  test('without JavaScript, a shopper still adds to the cart, changes the quantity and empties it', async ({
    browser,
  }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${urls.store}/products/digital-calipers-150mm`);
    await page.getByLabel('Quantity').fill('2');
    await page.getByRole('button', { name: 'Add to cart' }).click();
    await expect(page.getByText('Added to your cart.')).toBeVisible();
    await expect(page.getByTestId('cart-subtotal')).toHaveText('$99.98');
    await page.getByLabel('Quantity of Digital Calipers, 150 mm').fill('1');
    await page.getByRole('button', { name: 'Update quantity of Digital Calipers, 150 mm' }).click();
    await expect(page.getByTestId('cart-subtotal')).toHaveText('$49.99');
    await page.getByRole('button', { name: 'Remove Digital Calipers, 150 mm' }).click();
    await expect(page.getByRole('heading', { name: 'Your cart is empty' })).toBeVisible();
    await context.close();
  });
});
