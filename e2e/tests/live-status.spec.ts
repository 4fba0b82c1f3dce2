import { expect, test, type Page } from './fixtures';
import { setFlag, superAdminToken } from './flag-api';
import { readAllNotifications } from './notification-api';
import { urls } from './urls';
import { personAt } from './cave-session';

const LIVE_STATUS = 'ENABLE_REAL_TIME_EQUIPMENT_STATUS';
const hub = 'makrx-hub-bengaluru';
const machine = { slug: 'prusa-mk4-1', name: 'Prusa MK4 #1' };

const header = (page: Page) => page.getByRole('banner');
const bell = (page: Page) =>
  header(page)
    .getByRole('button', { name: /^Notifications/ })
    .filter({ visible: true });
/** The machine's status as its page shows it to a member (no controls to change it). */
const machineStatus = (page: Page, label: string) =>
  page.getByRole('main').getByText(label, { exact: true });

async function api(token: string, method: string, url: string, body?: unknown) {
  const response = await fetch(url, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  expect(response.ok, `${method} ${url}: ${await response.clone().text()}`).toBe(true);
  return response;
}

test.describe('Live status in the cave', () => {
  test('a machine’s new status and a new notification reach a member’s open page without a reload', async ({
    browser,
  }) => {
    const admin = await superAdminToken(browser);
    await setFlag(admin, LIVE_STATUS, true, 'Live status for the hub, checked end to end');

    const member = await personAt(
      browser,
      'member@demo.makrx.org',
      `/makerspaces/${hub}/equipment/${machine.slug}`,
    );
    await expect(member.getByRole('heading', { level: 1, name: machine.name })).toBeVisible();
    await expect(machineStatus(member, 'Available')).toBeVisible();
    await readAllNotifications(member);
    await member.reload();
    await expect(bell(member)).toHaveAccessibleName('Notifications, none unread');
    // Marks this very document: a reload or a navigation would lose it.
    await member.evaluate(() => {
      (window as unknown as { stillThisPage: boolean }).stillThisPage = true;
    });

    // An admin changes the machine's status through the API, in another session.
    const statusUrl = `${urls.caveApi}/api/v1/makerspaces/${hub}/equipment/${machine.slug}/status`;
    await api(admin, 'PUT', statusUrl, { status: 'in_use' });
    // Within expect's few seconds: sooner than any refetch on a timer would come.
    await expect(machineStatus(member, 'In use')).toBeVisible();

    // A notification for the member (a role given in the user admin; not the one the
    // notifications spec gives, whose title it looks for) rings the open bell.
    const users = (await (
      await api(admin, 'GET', `${urls.authApi}/api/v1/admin/users?q=member%40demo.makrx.org`)
    ).json()) as { items: Array<{ id: string; email: string }> };
    const memberId = users.items.find((user) => user.email === 'member@demo.makrx.org')!.id;
    const roleUrl = `${urls.authApi}/api/v1/admin/users/${memberId}/roles/admin:store`;
    await api(admin, 'PUT', roleUrl);
    await expect(bell(member)).toHaveAccessibleName('Notifications, 1 unread');
    expect(
      await member.evaluate(() => (window as unknown as { stillThisPage?: boolean }).stillThisPage),
    ).toBe(true);

    // Tidy up for the other tests: the role goes, which notifies the member once more, and
    // the member reads both.
    await api(admin, 'DELETE', roleUrl);
    await expect(bell(member)).toHaveAccessibleName('Notifications, 2 unread');
    const memberToken = await member.evaluate(
      () =>
        (JSON.parse(sessionStorage.getItem('makrx.auth.tokens')!) as { accessToken: string })
          .accessToken,
    );
    await api(memberToken, 'POST', `${urls.authApi}/api/v1/notifications/read-all`);
    await api(admin, 'PUT', statusUrl, { status: 'available' });
    await expect(machineStatus(member, 'Available')).toBeVisible();
    await setFlag(admin, LIVE_STATUS, false, 'Back to its default after the live status check');
  });

  test('a booking made and cancelled shows on an admin’s open machine calendar without a reload', async ({
    browser,
  }) => {
    const admin = await superAdminToken(browser);
    await setFlag(
      admin,
      LIVE_STATUS,
      true,
      'Live bookings on the hub’s calendars, checked end to end',
    );
    const member = await personAt(browser, 'member@demo.makrx.org', `/makerspaces/${hub}`);
    const memberToken = await member.evaluate(
      () =>
        (JSON.parse(sessionStorage.getItem('makrx.auth.tokens')!) as { accessToken: string })
          .accessToken,
    );

    // The makerspace's admin watches tomorrow on the machine's calendar.
    const calendar = await personAt(browser, 'spaceadmin@demo.makrx.org', `/makerspaces/${hub}`);
    await calendar.goto(`${urls.cave}/makerspaces/${hub}/equipment/${machine.slug}/calendar`);
    await calendar.getByRole('button', { name: 'Day', exact: true }).click();
    await calendar.getByRole('button', { name: 'Next', exact: true }).click();
    const events = calendar.locator('.fc-event');
    await expect(calendar.locator('.fc-timegrid-slot-lane[data-time="15:00:00"]')).toBeVisible();
    // Counted once tomorrow's bookings have arrived, not while the day is still being asked for.
    await expect(calendar.locator('.makrx-calendar[aria-busy="false"]')).toBeVisible();
    const before = await events.count();
    await calendar.evaluate(() => {
      (window as unknown as { stillThisPage: boolean }).stillThisPage = true;
    });

    // Tomorrow 15:00–16:00 in Bengaluru (UTC+05:30), booked by the member through the API.
    const bengaluruNow = new Date(Date.now() + 5.5 * 60 * 60 * 1000);
    const startsAt = Date.UTC(
      bengaluruNow.getUTCFullYear(),
      bengaluruNow.getUTCMonth(),
      bengaluruNow.getUTCDate() + 1,
      9,
      30,
    );
    const booked = (await (
      await api(
        memberToken,
        'POST',
        `${urls.caveApi}/api/v1/makerspaces/${hub}/equipment/${machine.slug}/reservations`,
        {
          startsAt: new Date(startsAt).toISOString(),
          endsAt: new Date(startsAt + 60 * 60 * 1000).toISOString(),
        },
      )
    ).json()) as { id: string };
    await expect(events).toHaveCount(before + 1);

    await api(
      memberToken,
      'POST',
      `${urls.caveApi}/api/v1/makerspaces/${hub}/reservations/${booked.id}/cancel`,
    );
    await expect(events).toHaveCount(before);
    expect(
      await calendar.evaluate(
        () => (window as unknown as { stillThisPage?: boolean }).stillThisPage,
      ),
    ).toBe(true);
    await setFlag(admin, LIVE_STATUS, false, 'Back to its default after the live bookings check');
  });
});
