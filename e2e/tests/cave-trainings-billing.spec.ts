import { readFile } from 'node:fs/promises';
import { expect, test } from './fixtures';
import { personAt, signInAtCave } from './cave-session';
import { expectAccessible, screenshot } from './page-checks';
import { urls } from './urls';

const HUB = 'makrx-hub-bengaluru';
const spaceAdmin = 'spaceadmin@demo.makrx.org';
const member = 'member@demo.makrx.org';

/** A day two or more days ahead in Bengaluru that is not a Sunday, as the date field takes it. */
function nextWorkingDay(): string {
  for (let days = 2; ; days += 1) {
    const date = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Kolkata' }).format(
      Date.now() + days * 24 * 60 * 60 * 1000,
    );
    if (new Date(`${date}T12:00:00Z`).getUTCDay() !== 0) return date;
  }
}

test.describe('Trainings, billing and settings in MakrCave', () => {
  test('a member takes a laser safety seat, the admin records the pass, and the laser can be booked', async ({
    browser,
  }) => {
    test.slow();
    // Refused the Trotec for want of the laser training, the member is shown the way there.
    const memberPage = await personAt(
      browser,
      member,
      `/makerspaces/${HUB}/equipment/trotec-speedy-360/calendar`,
    );
    await memberPage.getByRole('button', { name: 'Choose a time' }).click();
    const refused = memberPage.getByRole('dialog', { name: 'Book Trotec Speedy 360' });
    await refused.getByLabel('Date').fill(nextWorkingDay());
    await refused.getByLabel('Start').fill('11:00');
    await refused.getByRole('button', { name: 'Book' }).click();
    await expect(refused.getByRole('alert')).toContainText('after passing Laser cutter safety');
    await refused.getByRole('link', { name: /Trainings page/ }).click();
    await expect(memberPage).toHaveURL(`${urls.cave}/makerspaces/${HUB}/trainings`);
    await expect(memberPage.getByRole('heading', { level: 1, name: 'Trainings' })).toBeVisible();
    await expect(memberPage.getByRole('region', { name: 'My passes' })).toContainText(
      'Resin printing basics',
    );
    await expect(memberPage.getByRole('button', { name: 'New training' })).toHaveCount(0);
    const laser = memberPage.getByRole('region', { name: 'Laser cutter safety' });
    await expect(laser.getByRole('link', { name: 'xTool P2 55 W CO₂' })).toBeVisible();
    await laser
      .getByRole('button', { name: /^Sign up/ })
      .first()
      .click();
    await expect(laser.getByText('You have a seat')).toBeVisible();
    await expect(laser.getByText('5 seats left')).toBeVisible();
    await expectAccessible(memberPage);
    await screenshot(memberPage, 'cave-trainings-member');

    const adminPage = await personAt(browser, spaceAdmin, `/makerspaces/${HUB}/trainings`);
    const adminLaser = adminPage.getByRole('region', { name: 'Laser cutter safety' });
    await adminLaser.getByRole('button', { name: 'Attendees' }).first().click();
    await adminLaser.getByRole('button', { name: /^Record pass for / }).click();
    await expect(adminLaser.getByText('Passed', { exact: true })).toBeVisible();
    await adminLaser.getByRole('button', { name: 'Passes' }).click();
    await expect(adminLaser.getByRole('button', { name: /^Revoke / }).first()).toBeVisible();
    await expectAccessible(adminPage);
    await screenshot(adminPage, 'cave-trainings-admin');

    await adminPage.getByRole('button', { name: 'New training' }).click();
    const create = adminPage.getByRole('dialog', { name: 'New training' });
    await expect(create.getByLabel('Name')).toBeVisible();
    await expectAccessible(adminPage);
    await create.getByRole('button', { name: 'Cancel' }).click();

    await memberPage.reload();
    await expect(laser.getByText('You passed')).toBeVisible();
    await expect(memberPage.getByRole('region', { name: 'My passes' })).toContainText(
      'Laser cutter safety',
    );
    await memberPage.goto(`${urls.cave}/makerspaces/${HUB}/equipment/xtool-p2-55-w-co/calendar`);
    await memberPage.getByRole('button', { name: 'Choose a time' }).click();
    const dialog = memberPage.getByRole('dialog', { name: 'Book xTool P2 55 W CO₂' });
    // 16:00 on a day the hub opens at 08:00 (every day but Sunday), a few days on; the
    // joining story books this laser at 11:00 on the same day.
    await dialog.getByLabel('Date').fill(nextWorkingDay());
    await dialog.getByLabel('Start').fill('16:00');
    await dialog.getByLabel('Length').selectOption('60');
    await dialog.getByRole('button', { name: 'Book' }).click();
    await expect(dialog).toBeHidden();
    await expect(memberPage.getByText(/Booked xTool P2 55 W CO₂ for /)).toBeVisible();
  });

  test('a member downloads last month’s invoice as a PDF; an admin sees every invoice, plans and subscriptions', async ({
    browser,
  }) => {
    test.slow();
    const memberPage = await personAt(browser, member, `/makerspaces/${HUB}/billing`);
    await expect(memberPage.getByRole('heading', { level: 1, name: 'Billing' })).toBeVisible();
    const invoices = memberPage.getByRole('list', { name: 'Invoices' });
    await expect(invoices.getByRole('listitem').first()).toContainText('₹');
    await expect(memberPage.getByRole('button', { name: /^Void / })).toHaveCount(0);
    await expect(memberPage.getByRole('heading', { name: 'Plans' })).toHaveCount(0);
    const download = memberPage.waitForEvent('download');
    await invoices
      .getByRole('button', { name: /^Download PDF of / })
      .first()
      .click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/\.pdf$/);
    const bytes = await readFile((await file.path())!);
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    await expectAccessible(memberPage);
    await screenshot(memberPage, 'cave-billing-member');

    const adminPage = await personAt(browser, spaceAdmin, `/makerspaces/${HUB}/billing`);
    await expect(
      adminPage.getByRole('list', { name: 'Plans' }).getByRole('listitem').first(),
    ).toBeVisible();
    await expect(
      adminPage.getByRole('list', { name: 'Subscriptions' }).getByRole('listitem').first(),
    ).toBeVisible();
    await expect(
      adminPage.getByRole('list', { name: 'Invoices' }).getByRole('listitem').first(),
    ).toBeVisible();
    await expectAccessible(adminPage);
    await screenshot(adminPage, 'cave-billing-admin');
  });

  test('an admin changes the opening hours in Settings, and the makerspace page shows them', async ({
    page,
  }) => {
    test.slow();
    await signInAtCave(page, spaceAdmin, `/makerspaces/${HUB}`);
    await page
      .getByRole('navigation', { name: 'MakrX Hub Bengaluru sections' })
      .getByRole('link', { name: 'Settings' })
      .click();
    await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
    await expect(page.getByLabel('Time zone')).toHaveValue('Asia/Kolkata');
    await page.getByLabel('Sunday closes (interval 1)').fill('16:00');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Saved.' })).toContainText(
      'Sun 10:00–16:00',
    );
    await expectAccessible(page);
    await screenshot(page, 'cave-settings');

    // The hub has issued invoices in rupees: its currency stays, and the form says why in place.
    const currency = page.getByLabel('Currency');
    await expect(currency).toHaveValue('INR');
    await currency.selectOption('EUR');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await expect(page.getByRole('alert')).toContainText('see the fields marked');
    await expect(currency).toHaveAccessibleDescription(
      /The currency stays INR: this makerspace has issued invoices, which are in INR\./,
    );
    await currency.scrollIntoViewIfNeeded();
    await screenshot(page, 'cave-settings-currency-held');
    await currency.selectOption('INR');

    // A refused field says why beside it, and nothing is saved.
    await page.getByLabel('Saturday opens (interval 1)').fill('23:00');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await expect(page.getByRole('alert')).toContainText('see the fields marked');
    await expect(page.getByText('closes after it opens')).toBeVisible();

    await page.goto(`${urls.cave}/makerspaces/${HUB}`);
    await expect(page.getByText('Sun 10:00–16:00')).toBeVisible();
  });
});
