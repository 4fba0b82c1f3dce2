import { cube, toBinaryStl, uvSphere } from '@makrx/mesh/testing';
import { expect, test, type Page } from './fixtures';
import { setFlag, superAdminToken } from './flag-api';
import { expectAccessible, screenshot } from './page-checks';
import { dropFile } from './print-session';
import { urls } from './urls';

const customer = 'customer@demo.makrx.org';
const password = 'makrx-demo';
const FLAG = 'ENABLE_STL_UPLOAD';

/** From the print page's sign-in prompt through the identity provider and back. */
async function signInForPrint(page: Page) {
  await page.goto(`${urls.store}/print`);
  await expect(page.getByRole('heading', { name: 'Sign in to upload your model' })).toBeVisible();
  await page.getByRole('main').getByRole('link', { name: 'Sign in' }).click();
  await page.locator('input[name="username"]').fill(customer);
  await page.locator('input[name="password"]').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(`${urls.store}/print`);
}

test.describe.serial('3D printing quotes: uploading a model on MakrX.Store', () => {
  test.describe.configure({ timeout: 120_000 });

  test('is linked from the store and asks a guest to sign in', async ({ page }) => {
    // three.js and the upload client load with the print page only.
    const scripts: Promise<string>[] = [];
    page.on('response', (response) => {
      if (response.request().resourceType() === 'script') {
        scripts.push(response.text().catch(() => ''));
      }
    });
    await page.goto(urls.store, { waitUntil: 'networkidle' });
    const catalogScripts = await Promise.all(scripts);
    expect(catalogScripts.length).toBeGreaterThan(0);
    for (const body of catalogScripts) {
      expect(body).not.toContain('WebGLRenderer');
      expect(body).not.toContain('tus-br');
    }
    await page.getByRole('banner').getByRole('link', { name: '3D printing' }).first().click();
    await expect(page).toHaveURL(`${urls.store}/print`);
    await expect(
      page.getByRole('heading', { level: 1, name: 'Instant 3D printing quotes' }),
    ).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Sign in to upload your model' })).toBeVisible();
    await expect(page.getByTestId('drop-zone')).toHaveCount(0);
  });

  test('a customer drops a 20 mm cube: progress to 100 %, the browser’s analysis and the preview, then the store’s and its quotes', async ({
    page,
  }) => {
    await signInForPrint(page);
    await expect(page.getByText('Drop your 3D model here')).toBeVisible();
    await expectAccessible(page);
    await screenshot(page, 'store-print-empty');

    // Refused in the browser before anything is sent.
    await page.locator('input[type="file"]').setInputFiles({
      name: 'photo.jpg',
      mimeType: 'image/jpeg',
      buffer: Buffer.from('not a model'),
    });
    await expect(page.getByRole('main').getByRole('alert')).toHaveText(
      '“photo.jpg” is not a 3D model the store reads: choose an STL, OBJ or 3MF file.',
    );

    await dropFile(page, 'cube-20mm.stl', toBinaryStl(cube(20)));
    const progress = page.getByRole('progressbar', { name: 'Upload progress' });
    await expect(progress).toBeVisible();
    await expect(progress).toHaveAttribute('aria-valuenow', '100');
    await expect(page.getByTestId('upload-percent')).toContainText('100% · 684 B of 684 B');
    await expect(page.getByText('Uploaded and checked')).toBeVisible();

    // The browser's analysis of the known cube.
    await expect(page.getByTestId('analysis-size')).toHaveText('20 × 20 × 20 mm');
    await expect(page.getByTestId('analysis-volume')).toHaveText('8 cm³');
    await expect(page.getByTestId('analysis-surface-area')).toHaveText('24 cm²');
    await expect(page.getByTestId('analysis-triangles')).toHaveText('12');
    await expect(page.getByText('Watertight', { exact: true })).toBeVisible();
    await expect(page.getByText('Normals consistent')).toBeVisible();

    // The preview: three.js draws into a canvas inside the labelled figure.
    const preview = page.getByRole('img', {
      name: /3D preview of your model\. Size 20 × 20 × 20 mm/,
    });
    await expect(preview).toBeVisible();
    await expect(preview.locator('canvas')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Turn left' })).toBeEnabled();
    await page.getByRole('button', { name: 'Turn left' }).click();
    await expect(page.getByRole('checkbox', { name: /Overhangs/ })).toBeChecked();
    await expectAccessible(page);

    // Accepted: the store's own analysis replaces the browser's, and the quotes come.
    await expect(page.getByText('Checked by the store')).toBeVisible();
    await expect(page.getByTestId('analysis-size')).toHaveText('20 × 20 × 20 mm');
    const choices = page.getByRole('radio', { name: 'Choose this quote' });
    await expect(choices.first()).toBeVisible();
    expect(await choices.count()).toBeGreaterThan(1);
    await page.getByLabel('Material').selectOption('pla');
    const cards = page.getByRole('listitem').filter({ has: choices });
    for (const card of await cards.all()) await expect(card).toContainText('PLA');
    await page.getByLabel('Sort by').selectOption('lead-time');
    await page.getByLabel('Quantity').fill('10');
    await page.getByRole('button', { name: 'Update' }).click();
    await expect(cards.first()).toContainText('per part × 10');
    await expect(cards.first()).toContainText('Valid until');
    await cards.first().getByText('Price breakdown').click();
    await expect(cards.first().getByRole('rowheader', { name: /^Material/ })).toBeVisible();
    await expect(cards.first().getByRole('rowheader', { name: /^Total/ })).toHaveCount(1);
    await expectAccessible(page);
    await screenshot(page, 'store-print-analysed');

    // A chosen quote leads to its summary, the choice kept in the address.
    await choices.first().check();
    await page.getByRole('link', { name: 'Order this print' }).click();
    await expect(page).toHaveURL(/\/print\/[0-9a-f-]{36}\?offering=[0-9a-f-]{36}&quantity=10$/);
    await expect(page.getByRole('heading', { name: 'The quote you chose' })).toBeVisible();
    await expect(page.getByRole('heading', { name: /^Where should .* send it\?$/ })).toBeVisible();
    await expect(page.getByRole('main')).toContainText('cube-20mm.stl');
    await expectAccessible(page);
    await screenshot(page, 'store-print-quote-summary');
    // And back to every quote for the same upload, without sending it again.
    await page.getByRole('link', { name: 'All quotes for this model' }).click();
    await expect(page).toHaveURL(/\/print\?upload=[0-9a-f-]{36}&quantity=10$/);
    await expect(page.getByText('Checked by the store')).toBeVisible();
    await expect(choices.first()).toBeVisible();
  });

  test('a connection dropped in the middle of an upload resumes where the store says it stopped', async ({
    page,
  }) => {
    await signInForPrint(page);
    // About 9.6 MB: two 5 MB chunks.
    const sphere = toBinaryStl(uvSphere(40, 400, 240));
    const patches: string[] = [];
    let dropped = false;
    await page.route('**/api/model-uploads/tus/*', async (route) => {
      const request = route.request();
      patches.push(`${request.method()} ${request.headers()['upload-offset'] ?? ''}`);
      if (request.method() === 'PATCH' && !dropped) {
        dropped = true;
        await route.abort('connectionreset');
        return;
      }
      await route.continue();
    });
    await page.locator('input[type="file"]').setInputFiles({
      name: 'sphere.stl',
      mimeType: 'model/stl',
      buffer: Buffer.from(sphere),
    });
    await expect(page.getByText('Uploaded and checked')).toBeVisible({ timeout: 60_000 });
    await expect(page.getByRole('progressbar', { name: 'Upload progress' })).toHaveAttribute(
      'aria-valuenow',
      '100',
    );
    // The first chunk was cut off; the client asked where to go on (HEAD) and sent the rest.
    expect(dropped).toBe(true);
    expect(patches[0]).toBe('PATCH 0');
    expect(patches[1]).toMatch(/^HEAD /);
    expect(patches.filter((line) => line.startsWith('PATCH')).length).toBeGreaterThanOrEqual(3);
    await expect(page.getByTestId('analysis-triangles')).toHaveText('191,200');
  });

  test('a truncated STL is refused with what is wrong with it, and the upload stops', async ({
    page,
  }) => {
    await signInForPrint(page);
    const whole = toBinaryStl(cube(20));
    await page.locator('input[type="file"]').setInputFiles({
      name: 'cut-off.stl',
      mimeType: 'model/stl',
      buffer: Buffer.from(whole.subarray(0, whole.length - 20)),
    });
    await expect(
      page.getByRole('heading', { name: 'This file cannot be printed as it is' }),
    ).toBeVisible();
    await expect(
      page.getByText(
        'The file is cut off: its header announces 12 triangles, but it ends in the middle of triangle 12. Upload the complete file again.',
      ),
    ).toBeVisible();
    await expect(page.getByText('Error code: TRUNCATED_STL')).toBeVisible();
    await expect(page.getByText('Not uploaded')).toBeVisible();
    await screenshot(page, 'store-print-truncated');
    await page.getByRole('button', { name: 'Choose another file' }).click();
    await expect(page.getByText('Drop your 3D model here')).toBeVisible();
  });

  test('with ENABLE_STL_UPLOAD off the page says it is coming soon', async ({ page, browser }) => {
    const token = await superAdminToken(browser);
    await setFlag(token, FLAG, false, 'Checking the print page’s coming-soon panel');
    try {
      await page.goto(`${urls.store}/print`);
      await expect(
        page.getByRole('heading', { name: '3D printing quotes are coming soon' }),
      ).toBeVisible();
      await expect(page.getByTestId('drop-zone')).toHaveCount(0);
      await expectAccessible(page);
      await screenshot(page, 'store-print-coming-soon');
    } finally {
      await setFlag(token, FLAG, true, 'Back to its default after the coming-soon check');
    }
  });
});
