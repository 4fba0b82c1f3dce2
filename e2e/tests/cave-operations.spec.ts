import { expect, test, type Page } from './fixtures';
import { FIRST_PAGE_BUDGET, gzippedJavaScriptOf } from './javascript-budget';
import { signInAtCave } from './cave-session';
import { expectAccessible, screenshot } from './page-checks';
import { urls } from './urls';

const HUB = 'makrx-hub-bengaluru';
const hub = `${urls.cave}/makerspaces/${HUB}`;
const spaceAdmin = 'spaceadmin@demo.makrx.org';
const member = 'member@demo.makrx.org';

const sections = (page: Page) =>
  page.getByRole('navigation', { name: 'MakrX Hub Bengaluru sections' });

test.describe('Running a makerspace in MakrCave', () => {
  test('a makerspace admin finds their makerspace, and invites someone from the members page', async ({
    page,
  }) => {
    // Four pages, each checked and photographed at two widths: more than the default allows.
    test.slow();
    await signInAtCave(page, spaceAdmin);
    const mine = page.getByRole('region', { name: 'My makerspaces' });
    await expect(mine.getByRole('link', { name: 'MakrX Hub Bengaluru' })).toBeVisible();
    await expect(mine).toContainText('Admin');
    await expectAccessible(page);
    await screenshot(page, 'cave-my-makerspaces');

    await mine.getByRole('link', { name: 'MakrX Hub Bengaluru' }).click();
    await expect(page).toHaveURL(hub);
    await expect(page.getByRole('heading', { level: 2, name: 'Machines' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Prusa MK4 #1', exact: true })).toBeVisible();
    // The header's switcher remembers where the admin is.
    await expect(
      page.getByRole('banner').getByRole('button', { name: /Your makerspaces/ }),
    ).toContainText('MakrX Hub Bengaluru');
    await expect(page.getByRole('region', { name: 'Needs attention' })).toContainText(
      'Formlabs Form 3+',
    );
    await expectAccessible(page);
    await screenshot(page, 'cave-overview-admin');

    await sections(page).getByRole('link', { name: 'Members' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Members' })).toBeVisible();
    await expect(page.getByRole('list', { name: 'Members of MakrX Hub Bengaluru' })).toContainText(
      'member@demo.makrx.org',
    );
    await page.getByLabel('Email address').fill('new.maker@example.com');
    await page.getByLabel('Role', { exact: true }).selectOption('member');
    await page.getByRole('button', { name: 'Send invite' }).click();
    await expect(page.getByText('Invite sent to new.maker@example.com.')).toBeVisible();
    const invites = page.getByRole('list', { name: 'Invites' });
    await expect(invites).toContainText('new.maker@example.com');
    await expect(invites).toContainText('Pending');
    await expect(invites).toContainText(/expires in 2[34] hours/);
    await expectAccessible(page);
    await screenshot(page, 'cave-members');

    // The last admin cannot be demoted: the refusal says why, in words.
    const roleOfAdmin = page.getByLabel('Role of Maya Spaceadmin');
    await roleOfAdmin.selectOption('member');
    const dialog = page.getByRole('dialog', { name: /Make Maya Spaceadmin a member/ });
    await dialog.getByRole('button', { name: 'Change role' }).click();
    await expect(dialog.getByRole('alert')).toContainText('last admin');
    await dialog.getByRole('button', { name: 'Cancel' }).click();

    // Features read by name and description, never as ENABLE_… constants.
    await sections(page).getByRole('link', { name: 'Features' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Features' })).toBeVisible();
    await expect(page.getByRole('heading', { level: 2 }).first()).toBeVisible();
    await expect(page.getByRole('main')).not.toContainText('ENABLE_');
    await expectAccessible(page);
    await screenshot(page, 'cave-features');
  });

  test('a member books a free slot on a machine calendar, sees it in My bookings and cancels it', async ({
    page,
  }) => {
    // Three pages, each checked and photographed at two widths: more than the default allows.
    test.slow();
    await signInAtCave(page, member, `/makerspaces/${HUB}`);
    await expect(sections(page).getByRole('link', { name: 'Members' })).toHaveCount(0);
    await page.getByRole('link', { name: 'Book Prusa MK4 #1' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Book Prusa MK4 #1' })).toBeVisible();
    await expect(page.getByText('Asia/Kolkata').first()).toBeVisible();

    // Tomorrow, 10:00 in Bengaluru, picked on the day view.
    await page.getByRole('button', { name: 'Day', exact: true }).click();
    await page.getByRole('button', { name: 'Next', exact: true }).click();
    await page.locator('.fc-timegrid-slot-lane[data-time="10:00:00"]').click();
    const dialog = page.getByRole('dialog', { name: 'Book Prusa MK4 #1' });
    await expect(dialog.getByLabel('Start')).toHaveValue('10:00');
    await dialog.getByLabel('Length').selectOption('60');
    // The estimate is in the hub's currency: an hour on the Prusa at ₹200.
    await expect(dialog).toContainText('Estimated cost at the machine’s hourly rate: ₹200.00');
    await dialog.getByLabel('Length').selectOption('90');
    await expect(dialog).toContainText('₹300.00');
    await dialog.getByLabel('Length').selectOption('60');
    await expectAccessible(page);
    await screenshot(page, 'cave-booking-dialog');
    await dialog.getByRole('button', { name: 'Book' }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByText(/Booked Prusa MK4 #1 for .*, 10:00–11:00\./)).toBeVisible();
    await expect(page.locator('.fc-event').filter({ hasText: 'Your booking' })).toBeVisible();
    await expectAccessible(page);
    await screenshot(page, 'cave-machine-calendar');

    await page.getByRole('banner').getByRole('link', { name: 'My bookings' }).first().click();
    const upcoming = page.getByRole('list', { name: 'Upcoming bookings' });
    await expect(upcoming).toContainText('Prusa MK4 #1');
    await expect(upcoming).toContainText('10:00–11:00');
    await expectAccessible(page);
    await screenshot(page, 'cave-my-bookings');

    await upcoming.getByRole('button', { name: /Cancel booking Prusa MK4 #1/ }).click();
    const confirm = page.getByRole('dialog', { name: 'Cancel this booking?' });
    await confirm.getByRole('button', { name: 'Cancel booking' }).click();
    await expect(confirm).toBeHidden();
    const past = page.getByRole('list', { name: 'Past and cancelled bookings' });
    await expect(past).toContainText('Prusa MK4 #1');
    await expect(past).toContainText('Cancelled');
  });

  test('a refused booking says why in the booking dialog', async ({ page }) => {
    await signInAtCave(page, member, `/makerspaces/${HUB}/equipment/trotec-speedy-360/calendar`);
    await page.getByRole('button', { name: 'Choose a time' }).click();
    const dialog = page.getByRole('dialog', { name: 'Book Trotec Speedy 360' });
    // Tomorrow at 11:00 in Bengaluru: inside the hub's hours whatever the time of the run.
    const tomorrow = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Kolkata' }).format(
      Date.now() + 24 * 60 * 60 * 1000,
    );
    await dialog.getByLabel('Date').fill(tomorrow);
    await dialog.getByLabel('Start').fill('11:00');
    await dialog.getByRole('button', { name: 'Book' }).click();
    await expect(dialog.getByRole('alert')).toContainText('after passing');
    await expect(dialog).toBeVisible();
    await screenshot(page, 'cave-booking-refused');
  });

  test('an admin changes a machine’s status on its page; members see equipment read-only', async ({
    page,
  }) => {
    await signInAtCave(page, spaceAdmin, `/makerspaces/${HUB}/equipment`);
    await page.getByLabel('Type').selectOption('3d_printer');
    await expect(page.getByRole('status').filter({ hasText: /machines? match/ })).toBeVisible();
    await expect(page.getByText('Trotec Speedy 360')).toHaveCount(0);
    await expectAccessible(page);
    await screenshot(page, 'cave-equipment');

    await page.getByRole('link', { name: 'Bambu Lab P1S', exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Bambu Lab P1S' })).toBeVisible();
    const status = page.getByRole('form', { name: 'Status of Bambu Lab P1S' });
    await status.getByLabel('Status').selectOption('maintenance');
    await status.getByLabel('Note (optional)').fill('Nozzle clog; cleaning the hotend');
    await status.getByRole('button', { name: 'Change status' }).click();
    await expect(status.getByRole('status')).toHaveText('Status is now maintenance.');
    await expect(page.getByRole('img', { name: /no photo yet/ })).toBeVisible();
    await expect(page.getByText('₹250.00').first()).toBeVisible();
    await expectAccessible(page);
    await screenshot(page, 'cave-machine-admin');

    // The rate is typed in the makerspace's currency, which the form names.
    await page.getByRole('button', { name: 'Edit details' }).click();
    const edit = page.getByRole('dialog', { name: 'Edit Bambu Lab P1S' });
    await expect(edit.getByLabel('Hourly rate (₹, INR)')).toHaveValue('250.00');
    await screenshot(page, 'cave-machine-edit');
    await edit.getByRole('button', { name: 'Cancel' }).click();

    await page.getByRole('button', { name: 'Schedule maintenance' }).click();
    const schedule = page.getByRole('dialog', { name: /Schedule maintenance of Bambu Lab P1S/ });
    await expect(schedule).toBeVisible();
    await schedule.getByRole('button', { name: 'Cancel' }).click();
  });

  test('a member reads a machine page without the controls to change it', async ({ page }) => {
    await signInAtCave(page, member, `/makerspaces/${HUB}/equipment/formlabs-form-3`);
    await expect(page.getByRole('heading', { level: 1, name: /Formlabs/ })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Maintenance log' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Change status' })).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Log maintenance' })).toHaveCount(0);
    await expect(page.getByRole('button', { name: /Archive/ })).toHaveCount(0);
    await expectAccessible(page);
    await screenshot(page, 'cave-machine-member');
  });

  test('the calendar code loads only on the calendar page', async ({ page }) => {
    const scripts: string[] = [];
    page.on('request', (request) => {
      if (request.resourceType() === 'script') scripts.push(request.url());
    });
    expect(await gzippedJavaScriptOf(page, urls.cave)).toBeLessThanOrEqual(FIRST_PAGE_BUDGET);
    expect(scripts.filter((url) => url.includes('machine-calendar'))).toEqual([]);
  });
});
