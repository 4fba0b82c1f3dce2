import { readFile } from 'node:fs/promises';
import { toBinaryStl, uvSphere } from '@makrx/mesh/testing';
import { personAt } from './cave-session';
import { expect, test } from './fixtures';
import { expectAccessible, screenshot } from './page-checks';
import { dropFile, signInForPrint } from './print-session';
import { urls } from './urls';

/*
 * Issue "Fabrication", the first line of "Done when": a customer uploads a real STL, sees the
 * preview, the analysis and the quotes, orders one and pays; the first provider rejects it, the
 * second accepts and starts printing, and the customer's order page follows without a reload.
 */

const HUB = 'makrx-hub-bengaluru';
const PUNE = 'tinkerworks-pune';

test('a print is quoted, paid, rejected by the first provider and started by the next, live on the order page', async ({
  page,
  browser,
}) => {
  test.setTimeout(180_000);

  // The customer: a 30 mm ball, its analysis, preview and quotes.
  await signInForPrint(page);
  const ball = toBinaryStl(uvSphere(15, 48, 24));
  await dropFile(page, 'ball-30mm.stl', ball);
  await expect(page.getByRole('progressbar', { name: 'Upload progress' })).toHaveAttribute(
    'aria-valuenow',
    '100',
  );
  await expect(
    page.getByRole('img', { name: /3D preview of your model/ }).locator('canvas'),
  ).toBeVisible();
  await expect(page.getByText('Checked by the store')).toBeVisible();
  await expect(page.getByTestId('analysis-size')).toContainText('30 mm');

  // The hub's PLA quote at standard quality.
  const choices = page.getByRole('radio', { name: 'Choose this quote' });
  await expect(choices.first()).toBeVisible();
  await page.getByLabel('Material').selectOption('pla');
  const hubQuote = page
    .getByRole('listitem')
    .filter({ has: choices })
    .filter({ hasText: 'MakrX Hub Bengaluru' })
    .filter({ hasText: 'Standard' })
    .first();
  await hubQuote.getByRole('radio', { name: 'Choose this quote' }).check();
  await page.getByRole('link', { name: 'Order this print' }).click();

  // Where it goes, then the order's ordinary payment page.
  await expect(
    page.getByRole('heading', { name: 'Where should MakrX Hub Bengaluru send it?' }),
  ).toBeVisible();
  const addressPicker = page.getByRole('link', { name: /another address/i });
  if (await addressPicker.isVisible()) await addressPicker.click();
  await page.getByLabel('Full name').fill('Chris Customer');
  await page.getByLabel('Street address').fill('12 MG Road');
  await page.getByLabel('City').fill('Bengaluru');
  await page.getByLabel('Postal code').fill('560001');
  await page.getByLabel('Country').selectOption('IN');
  await expectAccessible(page);
  await screenshot(page, 'store-print-order-address');
  await page.getByRole('button', { name: /^Order and pay / }).click();

  await expect(page.getByRole('heading', { level: 1, name: 'Payment' })).toBeVisible();
  const orderNumber = new URL(page.url()).pathname.split('/')[2]!;
  await page.getByRole('radio', { name: /•••• 4242/ }).check();
  await page.getByRole('button', { name: /^Pay / }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: 'Thank you — your order is confirmed' }),
  ).toBeVisible();

  await page.goto(`${urls.store}/orders/${orderNumber}`);
  const printCard = page.locator('[data-print-status]');
  await expect(printCard).toHaveAttribute('data-print-status', /routing|offered/);
  await expect(page.getByRole('main')).toContainText('3D print of ball-30mm.stl');
  await screenshot(page, 'store-print-order-routing');

  // The hub's service provider passes it on with a reason.
  const hub = await personAt(browser, 'provider@demo.makrx.org', `/makerspaces/${HUB}/print-jobs`);
  const hubJob = hub
    .getByRole('list', { name: 'Print jobs' })
    .getByRole('listitem')
    .filter({ hasText: orderNumber });
  await expect(hubJob).toContainText('Waiting for your answer');
  await hubJob.getByRole('button', { name: 'Reject' }).click();
  await hub.getByRole('dialog').getByRole('textbox').fill('Both PLA printers are booked this week');
  await hub.getByRole('button', { name: 'Reject job' }).click();
  await expect(hubJob).toContainText('Rejected');

  // The next provider receives it, accepts it into its calendar and starts printing.
  const pune = await personAt(
    browser,
    'superadmin@demo.makrx.org',
    `/makerspaces/${PUNE}/print-jobs`,
  );
  const puneJob = pune
    .getByRole('list', { name: 'Print jobs' })
    .getByRole('listitem')
    .filter({ hasText: orderNumber });
  await expect(puneJob).toContainText('Waiting for your answer');
  await puneJob.getByRole('button', { name: 'Accept' }).click();
  await pune.getByRole('dialog').getByRole('button', { name: 'Accept and book' }).click();
  await expect(puneJob).toContainText('Accepted');

  // The customer's page, never reloaded, shows the new provider and status.
  await expect(printCard).toHaveAttribute('data-print-status', 'accepted', { timeout: 30_000 });
  await expect(printCard).toContainText('TinkerWorks Pune accepted it');
  await expect(page.getByRole('list', { name: 'History' })).toContainText(
    'MakrX Hub Bengaluru could not take it: Both PLA printers are booked this week',
  );

  await puneJob.getByRole('link', { name: orderNumber }).click();
  await pune.getByRole('button', { name: 'Start printing' }).click();
  await expect(pune.getByText('Printing', { exact: true })).toBeVisible();

  // The provider checks the store's analysis and downloads the customer's very file.
  const model = pune.getByRole('region', { name: 'Model' });
  await expect(model).toContainText('Watertight');
  await expect(model).toContainText('1 separate part');
  const triangles = new DataView(ball.buffer, ball.byteOffset).getUint32(80, true);
  await expect(model).toContainText(new Intl.NumberFormat('en').format(triangles));
  const downloading = pune.waitForEvent('download');
  await model.getByRole('button', { name: 'Download model' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('ball-30mm.stl');
  expect(Buffer.from(await readFile(await download.path())).equals(Buffer.from(ball))).toBe(true);
  await expectAccessible(pune);
  await screenshot(pune, 'cave-print-job-model');

  await expect(printCard).toHaveAttribute('data-print-status', 'printing', { timeout: 30_000 });
  await expect(printCard).toContainText('TinkerWorks Pune is printing it now.');
  await expect(
    page.getByRole('list', { name: 'Print steps' }).locator('[aria-current="step"]'),
  ).toHaveText('Printing');
  await expectAccessible(page);
  await screenshot(page, 'store-print-order-printing');
});
