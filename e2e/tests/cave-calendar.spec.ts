import { expect, test, type Page } from './fixtures';
import { setFlag, superAdminToken } from './flag-api';
import { expectAccessible, screenshot } from './page-checks';
import { urls } from './urls';
import { personAt } from './cave-session';

/*
 * The makerspace calendar: every machine of the hub on one grid. An admin sees who booked and
 * narrows it to one machine; a member sees other people's bookings as "Booked", books from a
 * free slot, and a booking made elsewhere appears on an open calendar without a reload.
 */

const HUB = 'makrx-hub-bengaluru';
const hub = `/makerspaces/${HUB}`;
const LIVE_STATUS = 'ENABLE_REAL_TIME_EQUIPMENT_STATUS';
const PRINTER = { slug: 'prusa-mk4-2', name: 'Prusa MK4 #2' };
const OTHER = { slug: 'bambu-lab-p1s', name: 'Bambu Lab P1S' };
const DAY_MS = 24 * 60 * 60 * 1000;
const HOUR_MS = 60 * 60 * 1000;
/** Bengaluru is UTC+05:30 all year. */
const IST_MS = 5.5 * HOUR_MS;

/**
 * Days ahead, from four on, of a day the hub is open until 22:00 (not a Sunday): no other spec
 * books that far out, and the evening hours used here are no other spec's.
 */
function eveningDay(): { days: number; date: string } {
  for (let days = 4; ; days += 1) {
    const date = new Date(Date.now() + IST_MS + days * DAY_MS).toISOString().slice(0, 10);
    if (new Date(`${date}T12:00:00Z`).getUTCDay() !== 0) return { days, date };
  }
}

/** `hour`:00 on `date` in Bengaluru, as a UTC instant. */
const hubAt = (date: string, hour: number) =>
  new Date(Date.parse(`${date}T${String(hour).padStart(2, '0')}:00:00Z`) - IST_MS).toISOString();

const tokenOf = (page: Page) =>
  page.evaluate(
    () =>
      (JSON.parse(sessionStorage.getItem('makrx.auth.tokens')!) as { accessToken: string })
        .accessToken,
  );

async function api(token: string, method: string, path: string, body?: unknown) {
  const response = await fetch(`${urls.caveApi}/api/v1${path}`, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  expect(response.ok, `${method} ${path}: ${await response.clone().text()}`).toBe(true);
  return response;
}

/** Books `machine` from `hour`:00 for an hour on `date` (hub time) as the token's owner. */
async function book(token: string, machine: { slug: string }, date: string, hour: number) {
  const response = await api(token, 'POST', `${hub}/equipment/${machine.slug}/reservations`, {
    startsAt: hubAt(date, hour),
    endsAt: hubAt(date, hour + 1),
  });
  return ((await response.json()) as { id: string }).id;
}

/** The calendar's day view, moved on to the day `days` ahead. */
async function showDay(page: Page, days: number) {
  await page.getByRole('button', { name: 'Day', exact: true }).click();
  for (let step = 0; step < days; step += 1)
    await page.getByRole('button', { name: 'Next', exact: true }).click();
}

const event = (page: Page, text: string) => page.locator('.fc-event').filter({ hasText: text });

test.describe('The makerspace calendar', () => {
  test('an admin narrows it to one machine and sees who booked; a member sees “Booked” and books a free slot', async ({
    browser,
  }) => {
    // Two people, two pages each photographed at two widths: more than the default allows.
    test.slow();
    const { days, date } = eveningDay();
    const member = await personAt(browser, 'member@demo.makrx.org', `/makerspaces/${HUB}`);
    const admin = await personAt(browser, 'spaceadmin@demo.makrx.org', `/makerspaces/${HUB}`);
    const memberToken = await tokenOf(member);
    const adminToken = await tokenOf(admin);
    const booked = [
      await book(memberToken, PRINTER, date, 19),
      await book(adminToken, OTHER, date, 19),
    ];

    // The admin opens the calendar from the makerspace's sections.
    await admin
      .getByRole('navigation', { name: 'MakrX Hub Bengaluru sections' })
      .getByRole('link', { name: 'Calendar' })
      .click();
    await expect(admin.getByRole('heading', { level: 1, name: 'Calendar' })).toBeVisible();
    await expect(admin.getByText('Asia/Kolkata').first()).toBeVisible();
    await showDay(admin, days);
    await expect(event(admin, `${PRINTER.name} · Milo Member`)).toBeVisible();
    await expect(event(admin, `${OTHER.name} · Your booking`)).toBeVisible();

    // Narrowed to the printer: its booking, with the member's name, and nothing of the others.
    await admin.getByRole('button', { name: 'Hide all' }).click();
    await expect(admin.getByText('No machine is shown.')).toBeVisible();
    await admin.getByRole('checkbox', { name: PRINTER.name }).check();
    await expect(event(admin, `${PRINTER.name} · Milo Member`)).toBeVisible();
    await expect(event(admin, OTHER.name)).toHaveCount(0);
    await expect(admin.getByRole('list', { name: 'Legend' })).toContainText('3D printer');
    await expectAccessible(admin);
    await screenshot(admin, 'cave-makerspace-calendar-admin');

    // The member sees the admin's booking as busy, unnamed, and their own as theirs.
    await member.goto(`${urls.cave}/makerspaces/${HUB}/calendar`);
    await showDay(member, days);
    await expect(event(member, `${OTHER.name} · Booked`)).toBeVisible();
    await expect(event(member, `${PRINTER.name} · Your booking`)).toBeVisible();
    await expect(member.locator('.fc-event').filter({ hasText: 'Maya' })).toHaveCount(0);
    await expectAccessible(member);
    await screenshot(member, 'cave-makerspace-calendar-member');

    // A free slot, with one machine shown, books that machine.
    await member.getByRole('button', { name: 'Hide all' }).click();
    await member.getByRole('checkbox', { name: PRINTER.name }).check();
    await member.locator('.fc-timegrid-slot-lane[data-time="20:00:00"]').click();
    const dialog = member.getByRole('dialog', { name: `Book ${PRINTER.name}` });
    await expect(dialog.getByLabel('Start')).toHaveValue('20:00');
    await expect(dialog.getByLabel('Date')).toHaveValue(date);
    await dialog.getByLabel('Length').selectOption('60');
    await dialog.getByRole('button', { name: 'Book' }).click();
    await expect(dialog).toBeHidden();
    await expect(member.getByText(`Booked ${PRINTER.name} for`)).toBeVisible();
    await expect(event(member, `${PRINTER.name} · Your booking`)).toHaveCount(2);

    // The admin's page was open all along; a reload shows the new booking by name too.
    await admin.reload();
    await showDay(admin, days);
    await expect(event(admin, `${PRINTER.name} · Milo Member`)).toHaveCount(2);

    const mine = (await (await api(memberToken, 'GET', '/reservations/mine')).json()) as {
      items: { id: string; status: string; startsAt: string }[];
    };
    const fromTheSlot = mine.items.find(
      (item) => item.status === 'booked' && item.startsAt === hubAt(date, 20),
    );
    for (const id of [...booked.slice(0, 1), fromTheSlot!.id])
      await api(memberToken, 'POST', `${hub}/reservations/${id}/cancel`);
    await api(adminToken, 'POST', `${hub}/reservations/${booked[1]}/cancel`);
  });

  test('a booking made elsewhere appears on an open makerspace calendar without a reload', async ({
    browser,
  }) => {
    const flags = await superAdminToken(browser);
    await setFlag(flags, LIVE_STATUS, true, 'Live bookings on the hub’s makerspace calendar');
    const { days, date } = eveningDay();
    const member = await personAt(browser, 'member@demo.makrx.org', `/makerspaces/${HUB}`);
    const memberToken = await tokenOf(member);
    const admin = await personAt(
      browser,
      'spaceadmin@demo.makrx.org',
      `/makerspaces/${HUB}/calendar`,
    );
    await showDay(admin, days);
    await expect(admin.locator('.fc-timegrid-slot-lane[data-time="21:00:00"]')).toBeVisible();
    await admin.evaluate(() => {
      (window as unknown as { stillThisPage: boolean }).stillThisPage = true;
    });

    const id = await book(memberToken, PRINTER, date, 21);
    await expect(event(admin, `${PRINTER.name} · Milo Member`)).toBeVisible();
    expect(
      await admin.evaluate(() => (window as unknown as { stillThisPage?: boolean }).stillThisPage),
    ).toBe(true);

    await api(memberToken, 'POST', `${hub}/reservations/${id}/cancel`);
    await expect(event(admin, `${PRINTER.name} · Milo Member`)).toHaveCount(0);
    await setFlag(flags, LIVE_STATUS, false, 'Back to its default after the live calendar check');
  });
});
