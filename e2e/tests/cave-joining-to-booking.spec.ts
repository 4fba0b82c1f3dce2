import { expect, test, type Page } from './fixtures';
import { setFlag, superAdminToken } from './flag-api';
import { expectAccessible, screenshot } from './page-checks';
import { urls } from './urls';
import { personAt } from './cave-session';

/*
 * MakrCave from an invite to a booking, as the makerspace's admin and a newcomer live it: the
 * admin invites; the newcomer signs up from the mailed link and lands in the makerspace; books a
 * machine that needs no training; is refused the laser, told why; the admin records the
 * training and promotes them; the laser booking goes through and appears on the admin's open
 * calendar without a reload.
 */

const HUB = 'makrx-hub-bengaluru';
const NEWCOMER = { email: 'story.maker@example.org', name: 'Sana Storymaker' };
const LIVE_STATUS = 'ENABLE_REAL_TIME_EQUIPMENT_STATUS';
const DAY_MS = 24 * 60 * 60 * 1000;

/** Days ahead of the first day after tomorrow that the hub opens at 08:00 (not a Sunday). */
function workingDayAhead(): { days: number; date: string } {
  for (let days = 2; ; days += 1) {
    const date = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Kolkata' }).format(
      Date.now() + days * DAY_MS,
    );
    if (new Date(`${date}T12:00:00Z`).getUTCDay() !== 0) return { days, date };
  }
}

/** The invite link in the invite mail to `email`, waited on until it arrives. */
async function inviteLinkFor(email: string): Promise<string> {
  let link = '';
  await expect
    .poll(async () => {
      const response = await fetch(`${urls.authApi}/dev/mail?to=${encodeURIComponent(email)}`);
      const mails = ((await response.json()) as { items: { subject: string; text: string }[] })
        .items;
      const invite = mails.find((mail) => mail.subject.includes('Your invite to'));
      link = invite?.text.match(/https?:\/\/\S+\/invites\/accept\?token=[\w-]+/)?.[0] ?? '';
      return link;
    })
    .not.toBe('');
  return link;
}

/** Books `machine` on `date` at `start` (hub time) from its calendar's booking dialog. */
async function openBookingDialog(page: Page, machine: { slug: string; name: string }) {
  await page.goto(`${urls.cave}/makerspaces/${HUB}/equipment/${machine.slug}/calendar`);
  await page.getByRole('button', { name: 'Choose a time' }).click();
  return page.getByRole('dialog', { name: `Book ${machine.name}` });
}

test('an invited newcomer signs up, books, is trained and promoted, and the admin sees the booking live', async ({
  browser,
}) => {
  test.slow();
  const day = workingDayAhead();
  const superAdmin = await superAdminToken(browser);
  await setFlag(superAdmin, LIVE_STATUS, true, 'The whole story, checked end to end');
  try {
    // The makerspace's admin invites the newcomer from the members page.
    const admin = await personAt(browser, 'spaceadmin@demo.makrx.org', `/makerspaces/${HUB}`);
    await admin
      .getByRole('navigation', { name: 'MakrX Hub Bengaluru sections' })
      .getByRole('link', { name: 'Members' })
      .click();
    await admin.getByLabel('Email address').fill(NEWCOMER.email);
    await admin.getByLabel('Role', { exact: true }).selectOption('member');
    await admin.getByRole('button', { name: 'Send invite' }).click();
    await expect(admin.getByText(`Invite sent to ${NEWCOMER.email}.`)).toBeVisible();

    // The newcomer follows the mailed link and signs up with the invited address.
    const newcomer = await (await browser.newContext()).newPage();
    await newcomer.goto(await inviteLinkFor(NEWCOMER.email));
    await newcomer.getByRole('button', { name: 'Accept the invite' }).click();
    await newcomer.getByRole('link', { name: 'Create an account' }).click();
    await expect(newcomer.locator('input[name="email"]')).toHaveValue(NEWCOMER.email);
    await newcomer.locator('input[name="displayName"]').fill(NEWCOMER.name);
    await newcomer.locator('input[name="password"]').fill('a-long-new-password');
    await newcomer.getByRole('button', { name: 'Create account' }).click();
    await expect(newcomer).toHaveURL(`${urls.cave}/makerspaces/${HUB}?joined=1`);
    await expect(newcomer.getByRole('status')).toContainText('You are a member now');
    await expect(newcomer.getByRole('heading', { level: 2, name: 'Machines' })).toBeVisible();
    await screenshot(newcomer, 'cave-story-joined');

    // A machine that needs no training books at once.
    const printer = await openBookingDialog(newcomer, {
      slug: 'prusa-mk4-1',
      name: 'Prusa MK4 #1',
    });
    await printer.getByLabel('Date').fill(day.date);
    await printer.getByLabel('Start').fill('14:00');
    await expect(printer).toContainText(
      /Estimated cost at the machine’s hourly rate: ₹[\d,]+\.\d\d/,
    );
    await printer.getByRole('button', { name: 'Book' }).click();
    await expect(printer).toBeHidden();
    await expect(newcomer.getByText(/Booked Prusa MK4 #1 for .*, 14:00–15:00\./)).toBeVisible();

    // The laser needs its safety training: refused, with the training and its next session.
    const laser = { slug: 'xtool-p2-55-w-co', name: 'xTool P2 55 W CO₂' };
    let dialog = await openBookingDialog(newcomer, laser);
    await dialog.getByLabel('Date').fill(day.date);
    await dialog.getByLabel('Start').fill('11:00');
    await dialog.getByRole('button', { name: 'Book' }).click();
    await expect(dialog.getByRole('alert')).toContainText('after passing Laser cutter safety');
    await expect(dialog.getByRole('alert')).toContainText('next session');
    await expectAccessible(newcomer);
    await screenshot(newcomer, 'cave-story-refused');
    await dialog.getByRole('button', { name: 'Cancel' }).click();

    // The admin records the training and promotes the newcomer to service provider.
    await admin.goto(`${urls.cave}/makerspaces/${HUB}/trainings`);
    await admin.getByRole('button', { name: 'Record a pass' }).click();
    const record = admin.getByRole('dialog', { name: 'Record a pass' });
    await record.getByLabel('Training').selectOption({ label: 'Laser cutter safety' });
    await record
      .getByLabel('Member')
      .selectOption({ label: `${NEWCOMER.name} (${NEWCOMER.email})` });
    await record.getByRole('button', { name: 'Record pass' }).click();
    await expect(record).toBeHidden();
    await admin.goto(`${urls.cave}/makerspaces/${HUB}/members`);
    await admin.getByLabel(`Role of ${NEWCOMER.name}`).selectOption('service_provider');
    await admin
      .getByRole('dialog', { name: `Make ${NEWCOMER.name} a service provider?` })
      .getByRole('button', { name: 'Change role' })
      .click();
    await expect(admin.getByLabel(`Role of ${NEWCOMER.name}`)).toHaveValue('service_provider');

    // The admin keeps the laser's calendar open on that day.
    await admin.goto(`${urls.cave}/makerspaces/${HUB}/equipment/${laser.slug}/calendar`);
    await admin.getByRole('button', { name: 'Day', exact: true }).click();
    for (let step = 0; step < day.days; step += 1) {
      await admin.getByRole('button', { name: 'Next', exact: true }).click();
    }
    await expect(admin.locator('.fc-timegrid-slot-lane[data-time="11:00:00"]')).toBeVisible();
    const events = admin.locator('.fc-event');
    const before = await events.count();
    await admin.evaluate(() => {
      (window as unknown as { stillThisPage: boolean }).stillThisPage = true;
    });

    // The same booking now goes through...
    dialog = await openBookingDialog(newcomer, laser);
    await dialog.getByLabel('Date').fill(day.date);
    await dialog.getByLabel('Start').fill('11:00');
    await dialog.getByRole('button', { name: 'Book' }).click();
    await expect(dialog).toBeHidden();
    await expect(
      newcomer.getByText(/Booked xTool P2 55 W CO₂ for .*, 11:00–12:00\./),
    ).toBeVisible();

    // ...and shows on the admin's open calendar, which was never reloaded.
    await expect(events).toHaveCount(before + 1);
    expect(
      await admin.evaluate(() => (window as unknown as { stillThisPage?: boolean }).stillThisPage),
    ).toBe(true);
    await screenshot(admin, 'cave-story-admin-calendar');
  } finally {
    await setFlag(superAdmin, LIVE_STATUS, false, 'Back to its default after the story');
  }
});
