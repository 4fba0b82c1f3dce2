import { randomUUID } from 'node:crypto';
import { expect, test } from './fixtures';
import { signInAtCave } from './cave-session';
import { expectAccessible, screenshot } from './page-checks';
import { serviceToken } from './service-tokens';
import { urls } from './urls';

const HUB = 'makrx-hub-bengaluru';
const provider = 'provider@demo.makrx.org';

const storeToken = () => serviceToken('store-backend');

/** Routes a paid order of a small PLA part near the hub, as the store does after payment. */
async function routeOrder(token: string, orderNumber: string) {
  const response = await fetch(`${urls.caveApi}/api/v1/jobs/route-service-order`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({
      serviceOrderId: randomUUID(),
      orderNumber,
      customer: { userId: null, name: 'Asha Rao' },
      requirements: {
        materialKey: 'pla',
        quality: 'standard',
        quantity: 2,
        partSizeMm: { x: 62, y: 40, z: 28.5 },
        volumeMm3: 18_400,
        printMinutes: 150,
        dueBy: new Date(Date.now() + 7 * 24 * 60 * 60 * 1000).toISOString(),
      },
      preferences: { location: { latitude: 12.95, longitude: 77.6 } },
      price: { total: 184_500, currency: 'INR' },
      file: {
        uploadId: randomUUID(),
        name: `${orderNumber.toLowerCase()}.stl`,
        sizeBytes: 1_284_000,
        sha256: 'b'.repeat(64),
      },
    }),
  });
  expect(response.status).toBe(201);
  const routed = (await response.json()) as { provider: { name: string } | null };
  expect(routed.provider?.name).toBe('MakrX Hub Bengaluru');
}

test.describe('Print jobs in MakrCave', () => {
  test('the service provider rejects one routed job with a reason, accepts another into the calendar and starts printing it', async ({
    page,
  }) => {
    test.slow();
    const token = await storeToken();
    const suffix = String(Date.now()).slice(-5);
    const [kept, passed] = [`MX-K${suffix}`, `MX-P${suffix}`];
    await routeOrder(token, kept);
    await routeOrder(token, passed);

    await signInAtCave(page, provider, `/makerspaces/${HUB}/print-jobs`);
    const queue = page.getByRole('list', { name: 'Print jobs' });
    const jobCard = (orderNumber: string) =>
      queue.getByRole('listitem').filter({ hasText: orderNumber });
    await expect(jobCard(kept)).toContainText('Waiting for your answer');
    await expect(jobCard(passed)).toContainText('Waiting for your answer');
    await expectAccessible(page);
    await screenshot(page, 'cave-print-jobs');

    await jobCard(passed).getByRole('button', { name: 'Reject' }).click();
    await page.getByRole('dialog').getByRole('textbox').fill('Our PLA is out until next week');
    await page.getByRole('button', { name: 'Reject job' }).click();
    await expect(jobCard(passed)).toContainText('Rejected');
    await expect(jobCard(passed)).toContainText('Our PLA is out until next week');

    await jobCard(kept).getByRole('button', { name: 'Accept' }).click();
    const dialog = page.getByRole('dialog');
    await expect(dialog.getByLabel(/Start/)).not.toHaveValue('');
    await dialog.getByRole('button', { name: 'Accept and book' }).click();
    await expect(jobCard(kept)).toContainText('Accepted');
    await expect(jobCard(kept)).toContainText('Booked');
    await expect(page.getByRole('table', { name: 'Earnings per job' })).toContainText(kept);

    await jobCard(kept).getByRole('link', { name: kept }).click();
    await expect(page.getByRole('heading', { name: `Order ${kept}` })).toBeVisible();
    await page.getByRole('button', { name: 'Start printing' }).click();
    await expect(page.getByText('Printing', { exact: true })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Move to quality check' })).toBeVisible();
    // Routed here by hand, the job has no print order in the store, so no model to show.
    const model = page.getByRole('region', { name: 'Model' });
    await expect(model).toContainText('The store keeps no model for this job');
    await expect(model.getByRole('button', { name: 'Download model' })).toHaveCount(0);
    await screenshot(page, 'cave-print-job');
  });

  test('a member of the makerspace is not shown the provider tools', async ({ page }) => {
    await signInAtCave(page, 'member@demo.makrx.org', `/makerspaces/${HUB}/print-jobs`);
    await expect(
      page.getByRole('heading', { name: 'This page is for this makerspace’s service providers' }),
    ).toBeVisible();
    await expect(page.getByRole('link', { name: 'Print jobs' })).toHaveCount(0);
  });
});
