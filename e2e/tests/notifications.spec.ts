import { expect, test, type Browser, type Page } from './fixtures';
import { readAllNotifications } from './notification-api';
import { expectAccessible, screenshot } from './page-checks';
import { urls } from './urls';

const password = 'makrx-demo';
const superAdmin = 'superadmin@demo.makrx.org';
const member = { name: 'Milo Member', email: 'member@demo.makrx.org' };
const grantedTitle = 'You now have the MakrX.org admin role';

/** The store's bell polls every 10 s (the gateway's and the cave's hear at once); two polls. */
const BELL_WAIT = { timeout: 25_000 };

const header = (page: Page) => page.getByRole('banner');
const bell = (page: Page) =>
  header(page)
    .getByRole('button', { name: /^Notifications/ })
    .filter({ visible: true });
const userRow = (page: Page, name: string) =>
  page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: new RegExp(name) }) });

async function signInAtGateway(browser: Browser, email: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await page.goto(urls.gateway);
  await header(page).getByRole('button', { name: 'Sign in' }).click();
  await page.locator('input[name="username"]').fill(email);
  await page.locator('input[name="password"]').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(`${urls.gateway}/`);
  return page;
}

test.describe('Notifications across the three apps', () => {
  test('a role given in the gateway’s user admin shows up in the member’s header in the cave and the store', async ({
    browser,
  }) => {
    // The member is signed in at all three apps (one sign-in) before anything happens.
    const memberPage = await signInAtGateway(browser, member.email);
    await readAllNotifications(memberPage);
    await memberPage.goto(urls.store);
    await expect(bell(memberPage)).toHaveAccessibleName('Notifications, none unread', BELL_WAIT);
    const scripts: string[] = [];
    memberPage.on('request', (request) => {
      if (request.resourceType() === 'script') scripts.push(request.url());
    });
    await memberPage.goto(urls.cave);
    await expect(bell(memberPage)).toHaveAccessibleName('Notifications, none unread', BELL_WAIT);

    // A super admin gives the member a role in the gateway.
    const admin = await signInAtGateway(browser, superAdmin);
    await admin.goto(`${urls.gateway}/admin/users?q=member`);
    const row = userRow(admin, member.name);
    await row
      .getByRole('combobox', { name: `Role to give ${member.name}` })
      .selectOption('admin:org');
    await row.getByRole('button', { name: `Add role to ${member.name}` }).click();
    await expect(
      row
        .getByRole('list', { name: `Global roles of ${member.name}` })
        .getByText('MakrX.org admin', { exact: true }),
    ).toBeVisible();

    // The cave, open all along, picks it up by itself.
    await expect(bell(memberPage)).toHaveAccessibleName('Notifications, 1 unread', BELL_WAIT);
    const panelScripts = () => scripts.filter((url) => url.includes('notification-panel'));
    expect(panelScripts(), 'the dropdown’s code waits until it is opened').toEqual([]);
    await bell(memberPage).click();
    const caveDropdown = header(memberPage).getByRole('heading', { name: 'Notifications' });
    await expect(caveDropdown).toBeVisible();
    await expect(header(memberPage).getByText(grantedTitle)).toBeVisible();
    expect(panelScripts().length).toBeGreaterThan(0);
    await expectAccessible(memberPage);
    await screenshot(memberPage, 'cave-notifications-dropdown');
    await memberPage.keyboard.press('Escape');
    await expect(bell(memberPage)).toBeFocused();

    // The store, server-rendered, shows it too, through its own route handlers.
    await memberPage.goto(urls.store);
    await expect(bell(memberPage)).toHaveAccessibleName('Notifications, 1 unread', BELL_WAIT);
    await bell(memberPage).click();
    await expect(header(memberPage).getByText(grantedTitle)).toBeVisible();
    await expectAccessible(memberPage);
    await screenshot(memberPage, 'store-notifications-dropdown');
    await header(memberPage).getByRole('button', { name: 'Mark all read' }).click();
    await expect(bell(memberPage)).toHaveAccessibleName('Notifications, none unread');

    // The full list and the preferences live on the gateway.
    await header(memberPage).getByRole('link', { name: 'See all notifications' }).click();
    await expect(memberPage).toHaveURL(`${urls.gateway}/notifications`);
    await expect(
      memberPage.getByRole('heading', { level: 1, name: 'Notifications' }),
    ).toBeVisible();
    await expect(memberPage.getByRole('main').getByText(grantedTitle)).toBeVisible();
    const emailForRoles = memberPage.getByRole('checkbox', { name: 'Your roles: by email' });
    await expect(emailForRoles).toBeChecked();
    await emailForRoles.uncheck();
    await memberPage.getByRole('button', { name: 'Save preferences' }).click();
    await expect(memberPage.getByRole('status').getByText('Saved.')).toBeVisible();
    await memberPage.reload();
    await expect(
      memberPage.getByRole('checkbox', { name: 'Your roles: by email' }),
    ).not.toBeChecked();
    await expectAccessible(memberPage);
    await screenshot(memberPage, 'gateway-notifications');

    // Tidy up: the member goes back to the roles they had.
    await row
      .getByRole('button', { name: `Remove role MakrX.org admin from ${member.name}` })
      .click();
    await expect(
      row.getByRole('list', { name: `Global roles of ${member.name}` }),
    ).not.toContainText('admin:org');
  });

  test('a super admin reads the audit log with filters and sees the parked events of every service', async ({
    browser,
  }) => {
    const admin = await signInAtGateway(browser, superAdmin);
    await header(admin)
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Audit log' })
      .click();
    await expect(admin).toHaveURL(`${urls.gateway}/admin/audit`);
    await expect(admin.getByRole('heading', { level: 1, name: 'Audit log' })).toBeVisible();

    await admin.getByRole('textbox', { name: 'Action' }).fill('role.granted');
    await admin.getByRole('button', { name: 'Apply filters' }).click();
    await expect(admin).toHaveURL(/action=role\.granted/);
    const entries = admin.getByRole('table', { name: /Audit log entries/ });
    await expect(entries.getByRole('rowheader').first()).toContainText('role.granted');
    await entries.getByText('Show before and after').first().click();
    await expect(entries.getByRole('rowheader', { name: 'roles' }).first()).toBeVisible();

    const download = admin.waitForEvent('download');
    await admin.getByRole('button', { name: 'Download CSV' }).click();
    expect((await download).suggestedFilename()).toMatch(/^audit-log-.*\.csv$/);

    const parked = admin.getByRole('region', { name: 'Parked events' });
    for (const service of ['MakrX.org', 'MakrCave', 'MakrX.Store'])
      await expect(
        parked.getByRole('region', { name: service }).getByText('Nothing parked'),
      ).toBeVisible();
    await expectAccessible(admin);
    await screenshot(admin, 'gateway-audit-log');
  });
});
