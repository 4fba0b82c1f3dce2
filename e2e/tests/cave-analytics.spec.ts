import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from './fixtures';
import { setFlag, superAdminToken } from './flag-api';
import { expectAccessible, screenshot } from './page-checks';
import { urls } from './urls';

const hub = { slug: 'makrx-hub-bengaluru', name: 'MakrX Hub Bengaluru' };

/** The demo makerspace admin, signed in at the cave, on the hub's page. */
async function openHubAsItsAdmin(page: Page) {
  await page.goto(urls.cave);
  await page.getByRole('banner').getByRole('button', { name: 'Sign in' }).click();
  await page.locator('input[name="username"]').fill('spaceadmin@demo.makrx.org');
  await page.locator('input[name="password"]').fill('makrx-demo');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(`${urls.cave}/`);
  await page.goto(`${urls.cave}/makerspaces/${hub.slug}`);
  await expect(page.getByRole('heading', { level: 1, name: hub.name })).toBeVisible();
}

const card = (page: Page, title: string) => page.getByRole('region', { name: title });

test.describe('MakrCave analytics', () => {
  test('the charts load only with the analytics page', async ({ page }) => {
    const scripts: string[] = [];
    page.on('request', (request) => {
      if (request.resourceType() === 'script') scripts.push(request.url());
    });
    await page.goto(urls.cave);
    await expect(page.getByText(hub.name).first()).toBeVisible();
    expect(scripts.filter((url) => /analytics|recharts/i.test(url))).toEqual([]);
  });

  test("a makerspace admin sees the demo month's utilisation, members and no-shows", async ({
    page,
  }) => {
    await openHubAsItsAdmin(page);
    await page.getByRole('link', { name: 'Analytics' }).click();
    await expect(page).toHaveURL(`${urls.cave}/makerspaces/${hub.slug}/analytics`);
    await expect(
      page.getByRole('heading', { level: 1, name: `How ${hub.name} is used` }),
    ).toBeVisible();
    await expect(page.getByRole('button', { name: 'Last 30 days', pressed: true })).toBeVisible();

    // The seeded month: every machine drawn, and the numbers behind the bars one click away.
    const utilisation = card(page, 'Utilisation per machine');
    await expect(utilisation.locator('.recharts-bar-rectangle').first()).toBeVisible();
    await utilisation.getByText('Show the numbers').click();
    await expect(utilisation.getByRole('rowheader', { name: 'Prusa MK4 #1' })).toBeVisible();
    await expect(card(page, 'Members').locator('.recharts-bar-rectangle').first()).toBeVisible();
    await expect(card(page, 'No-shows')).toContainText(
      /\d+ of \d+ bookings that ended were missed/,
    );
    await expect(
      page.getByRole('heading', { name: 'Advanced analytics is off for this makerspace' }),
    ).toBeVisible();
    await expectAccessible(page);
    await screenshot(page, 'cave-analytics-basic');
  });

  test('with advanced analytics on: the heat map, revenue, and a CSV download', async ({
    page,
    browser,
  }) => {
    const token = await superAdminToken(browser);
    await setFlag(token, 'ENABLE_ADVANCED_ANALYTICS', true, 'Showing the analytics in full.');
    try {
      await openHubAsItsAdmin(page);
      // From the first of last month to today in Bengaluru: last month's demo invoices count.
      const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Kolkata' }).format(
        new Date(),
      );
      const lastMonth = new Date(`${today.slice(0, 7)}-01T00:00:00Z`);
      lastMonth.setUTCMonth(lastMonth.getUTCMonth() - 1);
      const from = lastMonth.toISOString().slice(0, 10);
      await page.goto(`${urls.cave}/makerspaces/${hub.slug}/analytics?from=${from}&to=${today}`);
      const heatMap = card(page, 'Busiest hours');
      await expect(heatMap.getByRole('table')).toBeVisible();
      await expect(heatMap.getByRole('columnheader', { name: 'Sat' })).toBeVisible();
      const monthLabel = new Intl.DateTimeFormat('en-GB', {
        month: 'short',
        year: 'numeric',
        timeZone: 'UTC',
      }).format(lastMonth);
      await expect(card(page, 'Revenue')).toContainText(monthLabel);
      await expect(card(page, 'Revenue')).toContainText('₹');
      await expect(
        card(page, 'No-shows').getByRole('button', { name: 'Download CSV: No-shows' }),
      ).toBeVisible();

      const [download] = await Promise.all([
        page.waitForEvent('download'),
        card(page, 'Utilisation per machine')
          .getByRole('button', { name: 'Download CSV: Utilisation per machine' })
          .click(),
      ]);
      expect(download.suggestedFilename()).toMatch(
        /^makrx-hub-bengaluru-utilisation-\d{4}-\d{2}-\d{2}-to-\d{4}-\d{2}-\d{2}\.csv$/,
      );
      const text = await readFile((await download.path())!, 'utf8');
      const [header, ...lines] = text.trim().split(/\r?\n/);
      expect(header).toBe('Machine,Booked hours,Used hours,Open hours,Booked %,Used %');
      expect(lines.some((line) => line.startsWith('Prusa MK4 #1,'))).toBe(true);

      await expectAccessible(page);
      await screenshot(page, 'cave-analytics');
    } finally {
      await setFlag(token, 'ENABLE_ADVANCED_ANALYTICS', false, 'Back to the demo default.');
    }
  });
});
