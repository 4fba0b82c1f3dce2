import { expect, test, type Browser, type Locator } from './fixtures';
import { signInAtCave } from './cave-session';
import { setFlag, superAdminToken } from './flag-api';
import { expectAccessible, reloadUntil, screenshot } from './page-checks';
import { urls } from './urls';

const member = 'member@demo.makrx.org';
const storeAdmin = 'superadmin@demo.makrx.org';

/** A photo of a planter on a windowsill, drawn as SVG and photographed by the browser. */
async function planterPhoto(browser: Browser): Promise<Buffer> {
  const page = await browser.newPage({ viewport: { width: 800, height: 500 } });
  await page.setContent(`<!doctype html><body style="margin:0;overflow:hidden">
<svg xmlns="http://www.w3.org/2000/svg" width="800" height="500" viewBox="0 0 800 500">
  <rect width="800" height="500" fill="#dfe9f0"/>
  <rect y="380" width="800" height="120" fill="#c9b18f"/>
  <path d="M300 260 L500 260 L470 390 L330 390 Z" fill="#b5573b"/>
  <rect x="385" y="150" width="12" height="110" fill="#3d7a3a"/>
  <ellipse cx="350" cy="180" rx="50" ry="20" fill="#4f9a48"/>
  <ellipse cx="440" cy="160" rx="55" ry="22" fill="#4f9a48"/>
  <rect x="520" y="300" width="70" height="50" rx="6" fill="#22262c"/>
</svg></body>`);
  const shot = await page.screenshot({ type: 'png' });
  await page.close();
  return shot;
}

const rowOf = (bom: Locator, name: string) => bom.getByRole('row', { name: new RegExp(name) });

test.describe('Quick Reorder (Cave → Store), end to end', () => {
  test('a member lists a BOM by CSV, orders three items through the Store, pays, and sees them ordered and then received; a Store price change shows in the total', async ({
    page,
    browser,
  }) => {
    // Two apps, a payment, an admin and several pages photographed at two widths.
    test.setTimeout(240_000);
    const admin = await superAdminToken(browser);
    await setFlag(admin, 'ENABLE_BOM_ORDERING', true, 'Makers order their BOMs from the Store.');
    await setFlag(admin, 'ENABLE_QUICK_REORDER', true, 'Makers order their BOMs from the Store.');

    // The member starts a project with a photo.
    const title = `Self-watering planter ${Date.now().toString(36)}`;
    await signInAtCave(page, member, '/my-projects');
    await page.getByRole('link', { name: 'New project' }).first().click();
    const form = page.getByRole('form', { name: 'New project' });
    await form.getByLabel('Title').fill(title);
    await form.getByLabel('Summary').fill('A planter that waters itself from a reservoir.');
    await form.getByLabel('Makerspace').selectOption('makrx-hub-bengaluru');
    await form.getByRole('button', { name: 'Create project' }).click();
    await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
    const projectUrl = page.url();
    const photos = page.getByRole('form', { name: 'Photos' });
    await photos.getByLabel('Photo').setInputFiles({
      name: 'planter.png',
      mimeType: 'image/png',
      buffer: await planterPhoto(browser),
    });
    await photos.getByLabel('What it shows').fill('The planter on the windowsill');
    await photos.getByRole('button', { name: 'Add photo' }).click();
    const cover = page.locator('article > img').first();
    await expect(cover).toHaveAttribute('alt', 'The planter on the windowsill');

    // A BOM from a CSV file: the bad line is reported by its number, the good ones are kept.
    const bom = page.getByRole('region', { name: 'Bill of materials' });
    const csv = [
      'Name,Qty,Unit,SKU,Supplier,Notes',
      'ESP32 DevKit V1,2,pcs,ELE-ESP32-DKV1,,Reads the soil sensor',
      'M3 socket head screws,1,kits,HW-M3-SKT-520,,',
      'Soil moisture sensor,two,pcs,,Robu.in,',
      'PLA filament,1,kg,FIL-PLA-GBK-1000,,Reservoir and lid',
      'Flush cutters,1,pcs,TOL-CUT-FLUSH,,',
    ].join('\n');
    const chooser = page.waitForEvent('filechooser');
    await bom.getByRole('button', { name: 'Import a CSV file' }).click();
    await (
      await chooser
    ).setFiles({ name: 'planter-bom.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await expect(bom.getByText('Imported 4 items; 1 line was not imported:')).toBeVisible();
    await expect(
      bom.getByText('Line 4: quantity "two" is not a positive number with at most three decimals'),
    ).toBeVisible();
    // 2 × 8.99 + 18.99 + 29.99 + 8.99
    await expect(bom.getByText('$75.95')).toBeVisible();
    await expectAccessible(page);
    await screenshot(page, 'quick-reorder-bom-imported');

    // Three items picked and sent to the Store's cart; the member lands there signed in.
    const picked = [
      { name: 'ESP32 DevKit V1', code: 'ELE-ESP32-DKV1', quantity: 2 },
      { name: 'M3 socket head screws', code: 'HW-M3-SKT-520', quantity: 1 },
      { name: 'PLA filament', code: 'FIL-PLA-GBK-1000', quantity: 1 },
    ];
    for (const { name } of picked)
      await bom.getByRole('checkbox', { name: `Pick ${name}` }).check();
    await expect(bom.getByText('3 items picked')).toBeVisible();
    await bom.getByRole('button', { name: 'Order from Store (Quick Reorder)' }).click();
    await expect(page).toHaveURL(`${urls.store}/cart`);
    await expect(page.getByRole('heading', { name: 'Your cart', level: 1 })).toBeVisible();
    await expect(
      page.getByRole('banner').getByRole('button', { name: /account menu/ }),
    ).toContainText('Milo Member');
    const cart = page.getByRole('region', { name: 'Items in your cart' });
    // Earlier specs share the member's cart: what matters is that the three picked items are in it.
    for (const { code, quantity } of picked) {
      const line = cart.getByRole('listitem').filter({ hasText: code });
      await expect(line).toHaveCount(1);
      await expect(line.getByRole('spinbutton')).toHaveValue(String(quantity));
    }
    await screenshot(page, 'quick-reorder-store-cart');

    // The normal checkout, paid with the test card.
    await page.getByRole('link', { name: 'Check out' }).click();
    await expect(
      page.getByRole('heading', { level: 1, name: 'Where should we ship it?' }),
    ).toBeVisible();
    await page.getByLabel('Full name').fill('Milo Member');
    await page.getByLabel('Street address').fill('20 Maker Lane');
    await page.getByLabel('City').fill('Austin');
    await page.getByLabel('State or province').selectOption({ label: 'Texas' });
    await page.getByLabel('Postal code').fill('73301');
    await page.getByRole('button', { name: 'Continue to shipping' }).click();
    await page.getByText('Standard shipping', { exact: true }).click();
    await page.getByRole('button', { name: 'Continue to review' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Review your order' })).toBeVisible();
    await page.getByRole('button', { name: 'Place order and pay' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Payment' })).toBeVisible();
    const orderNumber = new URL(page.url()).pathname.split('/')[2]!;
    expect(orderNumber).toMatch(/^MX-/);
    await page.getByRole('radio', { name: /•••• 4242/ }).check();
    await page.getByRole('button', { name: /^Pay / }).click();
    await expect(
      page.getByRole('heading', { level: 1, name: 'Thank you — your order is confirmed' }),
    ).toBeVisible();

    // Back in the cave: the three items are ordered, with the order's number.
    await page.goto(projectUrl);
    await reloadUntil(page, bom.getByRole('table').first(), async () => {
      for (const { name } of picked) {
        await expect(bom.getByRole('combobox', { name: `Status of ${name}` })).toHaveValue(
          'ordered',
          {
            timeout: 2_000,
          },
        );
      }
    });
    for (const { name } of picked) {
      await expect(rowOf(bom, name).getByText(`Order ${orderNumber}`)).toBeVisible();
    }
    await expect(bom.getByRole('combobox', { name: 'Status of Flush cutters' })).toHaveValue(
      'needed',
    );
    await expect(bom.getByRole('checkbox', { name: 'Pick ESP32 DevKit V1' })).toBeDisabled();
    await expectAccessible(page);
    await screenshot(page, 'quick-reorder-bom-ordered');

    // A store admin moves the order along to delivered in the Store's admin.
    const adminContext = await browser.newContext();
    const adminPage = await adminContext.newPage();
    await adminPage.goto(`${urls.store}/admin/orders`);
    await adminPage.locator('input[name="username"]').fill(storeAdmin);
    await adminPage.locator('input[name="password"]').fill('makrx-demo');
    await adminPage.getByRole('button', { name: 'Sign in' }).click();
    await expect(adminPage.getByRole('heading', { level: 1, name: 'Orders' })).toBeVisible();
    await adminPage.getByLabel('Search orders by number or email').fill(orderNumber);
    await adminPage.getByRole('main').getByRole('button', { name: 'Search' }).click();
    await adminPage.getByRole('link', { name: orderNumber }).click();
    await adminPage.getByRole('button', { name: 'Mark in fulfilment' }).click();
    await expect(adminPage.getByRole('status')).toContainText('in fulfilment');
    await adminPage.getByLabel('Tracking number').fill('1Z999AA10123456784');
    await adminPage.getByRole('button', { name: 'Mark shipped' }).click();
    await expect(adminPage.getByRole('status')).toContainText('shipped');
    await adminPage.getByRole('button', { name: 'Mark delivered' }).click();
    await expect(adminPage.getByRole('status')).toContainText('delivered');
    await screenshot(adminPage, 'quick-reorder-admin-delivered');
    await adminContext.close();

    await reloadUntil(page, bom.getByRole('table').first(), async () => {
      for (const { name } of picked) {
        await expect(bom.getByRole('combobox', { name: `Status of ${name}` })).toHaveValue(
          'received',
          {
            timeout: 2_000,
          },
        );
      }
    });
    await expect(rowOf(bom, 'ESP32 DevKit V1').getByText(`Order ${orderNumber}`)).toBeVisible();
    await screenshot(page, 'quick-reorder-bom-received');
    // On a phone the BOM fits the screen: nothing makes the page scroll sideways.
    await page.setViewportSize({ width: 390, height: 844 });
    await expect
      .poll(() => page.evaluate(() => document.documentElement.scrollWidth))
      .toBeLessThanOrEqual(390);
    // The owner's controls sit under each item's name there.
    await expect(bom.getByRole('combobox', { name: 'Status of Flush cutters' })).toBeVisible();
    await expect(bom.getByRole('button', { name: 'Remove Flush cutters' })).toBeVisible();
    await page.setViewportSize({ width: 1280, height: 720 });

    // A store admin raises the cutters' price: the BOM's total follows.
    const adminNow = await superAdminToken(browser);
    const repriced = await fetch(`${urls.storeApi}/api/v1/admin/catalog/variants/TOL-CUT-FLUSH`, {
      method: 'PATCH',
      headers: { authorization: `Bearer ${adminNow}`, 'content-type': 'application/json' },
      body: JSON.stringify({ priceCents: 1299 }),
    });
    expect(repriced.status, await repriced.clone().text()).toBe(200);
    await reloadUntil(page, bom.getByRole('table').first(), async () => {
      await expect(bom.getByText('$79.95')).toBeVisible({ timeout: 2_000 });
    });
    await expect(rowOf(bom, 'Flush cutters')).toContainText('$12.99');
    await expectAccessible(page);
    await screenshot(page, 'quick-reorder-bom-repriced');
  });
});
