import { expect, test, type Page } from './fixtures';
import { setFlag, superAdminToken } from './flag-api';
import { expectAccessible, screenshot } from './page-checks';
import { urls } from './urls';

const password = 'makrx-demo';
const superAdmin = { name: 'Sam Superadmin', email: 'superadmin@demo.makrx.org' };
const member = { name: 'Milo Member', email: 'member@demo.makrx.org' };
const customer = 'Chris Customer';

const mainNav = (page: Page) => page.getByRole('banner').getByRole('navigation', { name: 'Main' });
const userRow = (page: Page, name: string) =>
  page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: new RegExp(name) }) });

/** Signs in on the identity provider's page, which the gateway's "Sign in" has opened. */
async function signInOnProviderPage(page: Page, email: string) {
  await page.locator('input[name="username"]').fill(email);
  await page.locator('input[name="password"]').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

async function signInAtGateway(page: Page, email: string) {
  await page.goto(urls.gateway);
  await page.getByRole('banner').getByRole('button', { name: 'Sign in' }).click();
  await signInOnProviderPage(page, email);
  await expect(page).toHaveURL(`${urls.gateway}/`);
}

/** Confirms a lock or unlock in its dialog, and waits for the dialog to close. */
async function confirmInDialog(page: Page, title: string, confirmLabel: string) {
  const dialog = page.getByRole('dialog', { name: title });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: confirmLabel }).click();
  await expect(dialog).toBeHidden();
}

test.describe('User administration on MakrX.org', () => {
  test('the landing page does not load the user administration code', async ({ page }) => {
    const scripts: string[] = [];
    page.on('request', (request) => {
      if (request.resourceType() === 'script') scripts.push(request.url());
    });
    await page.goto(urls.gateway, { waitUntil: 'networkidle' });
    expect(scripts.length).toBeGreaterThan(0);
    expect(scripts.filter((url) => url.includes('user-admin'))).toEqual([]);
  });

  test('a super admin finds a customer, gives and takes away a role, and locks and unlocks the account', async ({
    page,
  }) => {
    await signInAtGateway(page, superAdmin.email);
    await mainNav(page).getByRole('link', { name: 'Users' }).click();
    await expect(page).toHaveURL(`${urls.gateway}/admin/users`);
    await expect(page.getByRole('heading', { level: 1, name: 'Users' })).toBeVisible();
    await expect(userRow(page, superAdmin.name)).toContainText('You');

    await page.getByRole('searchbox', { name: 'Search users' }).fill('customer');
    await expect(page).toHaveURL(`${urls.gateway}/admin/users?q=customer`);
    await expect(page.getByRole('status').getByText('1 user matches “customer”')).toBeVisible();
    const row = userRow(page, customer);
    await expect(row).toContainText('customer@demo.makrx.org');
    await expect(row).toContainText('Active');

    const roles = row.getByRole('list', { name: `Global roles of ${customer}` });
    const rolePicker = row.getByRole('combobox', { name: `Role to give ${customer}` });
    await rolePicker.selectOption('admin:store');
    await row.getByRole('button', { name: `Add role to ${customer}` }).click();
    await expect(
      roles.getByRole('listitem').filter({ hasText: 'MakrX.Store admin' }),
    ).toBeVisible();
    await expect(rolePicker.locator('option[value="admin:store"]')).toHaveCount(0);

    const removeStoreAdmin = row.getByRole('button', {
      name: `Remove role MakrX.Store admin from ${customer}`,
    });
    await removeStoreAdmin.click();
    await expect(removeStoreAdmin).toHaveCount(0);
    await expect(roles).not.toContainText('MakrX.Store admin');
    await expect(rolePicker, 'focus stays in the row').toBeFocused();

    await row.getByRole('button', { name: `Lock ${customer}` }).click();
    const lockDialog = page.getByRole('dialog', { name: `Lock ${customer}’s account?` });
    await expect(lockDialog).toContainText('signed out everywhere');
    await expectAccessible(page);
    await screenshot(page, 'gateway-user-admin-lock');
    await confirmInDialog(page, `Lock ${customer}’s account?`, 'Lock account');
    await expect(row).toContainText('Locked');
    await expect(row).toContainText('by an administrator');
    const unlock = row.getByRole('button', { name: `Unlock ${customer}` });
    await expect(unlock, 'focus returns to the button, now Unlock').toBeFocused();

    await unlock.click();
    await confirmInDialog(page, `Unlock ${customer}’s account?`, 'Unlock account');
    await expect(row).toContainText('Active');
    await expect(row.getByRole('button', { name: `Lock ${customer}` })).toBeVisible();

    await page.getByRole('searchbox', { name: 'Search users' }).fill('');
    await expect(page).toHaveURL(`${urls.gateway}/admin/users`);
    await expect(userRow(page, member.name)).toBeVisible();
    await expectAccessible(page);
    await screenshot(page, 'gateway-user-admin');
  });

  test('a super admin sees each user’s makerspaces and roles there in the list', async ({
    page,
  }) => {
    await signInAtGateway(page, superAdmin.email);
    await page.goto(`${urls.gateway}/admin/users?q=demo.makrx.org`);
    await expect(page.getByRole('columnheader', { name: 'Makerspaces' })).toBeAttached();
    const makerspaces = userRow(page, member.name).getByRole('list', {
      name: `Makerspaces of ${member.name}`,
    });
    await expect(
      makerspaces.getByRole('listitem').filter({ hasText: /^MakrX Hub Bengaluru · Member$/ }),
    ).toBeVisible();
    await expect(
      userRow(page, 'Maya Spaceadmin').getByRole('listitem').filter({
        hasText: 'MakrX Hub Bengaluru · Makerspace admin',
      }),
    ).toBeVisible();
    await expect(page.getByText('Makerspace roles could not be loaded')).toHaveCount(0);
    await expectAccessible(page);
    await screenshot(page, 'gateway-users-makerspaces');
  });

  test('a super admin is told why the server refuses a change, in place', async ({ page }) => {
    await signInAtGateway(page, superAdmin.email);
    await page.goto(`${urls.gateway}/admin/users?q=superadmin`);
    const row = userRow(page, superAdmin.name);

    await row.getByRole('button', { name: `Lock ${superAdmin.name}` }).click();
    const dialog = page.getByRole('dialog', { name: `Lock ${superAdmin.name}’s account?` });
    await dialog.getByRole('button', { name: 'Lock account' }).click();
    await expect(dialog.getByRole('alert')).toHaveText('You cannot lock your own account.');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(dialog).toBeHidden();

    await row
      .getByRole('button', { name: `Remove role Super admin from ${superAdmin.name}` })
      .click();
    await expect(row.getByRole('alert')).toContainText(
      'You cannot remove your own super admin role',
    );
    await expect(
      row.getByRole('list', { name: `Global roles of ${superAdmin.name}` }),
    ).toContainText('Super admin');
  });

  test('a search that finds no one says so, and the search is in the address', async ({ page }) => {
    await signInAtGateway(page, superAdmin.email);
    await page.goto(`${urls.gateway}/admin/users?q=nobody-by-this-name`);
    await expect(page.getByRole('searchbox', { name: 'Search users' })).toHaveValue(
      'nobody-by-this-name',
    );
    await expect(
      page.getByRole('heading', { name: 'No users match “nobody-by-this-name”' }),
    ).toBeVisible();
    await page.getByRole('button', { name: 'Clear search' }).click();
    await expect(page).toHaveURL(`${urls.gateway}/admin/users`);
    await expect(page.getByRole('searchbox', { name: 'Search users' })).toHaveValue('');
    await expect(userRow(page, customer)).toBeVisible();
  });

  test('a member sees no Users link, and the page tells them it is for admins', async ({
    page,
  }) => {
    await signInAtGateway(page, member.email);
    await expect(mainNav(page).getByRole('link', { name: 'Makers' })).toBeVisible();
    await expect(mainNav(page).getByRole('link', { name: 'Users' })).toHaveCount(0);

    await page.goto(`${urls.gateway}/admin/users`);
    await expect(
      page.getByRole('heading', { level: 1, name: 'Only admins can manage users' }),
    ).toBeVisible();
    await expect(page.getByRole('main')).toContainText(member.email);
    await expect(page.getByRole('table')).toHaveCount(0);
    await expectAccessible(page);
    await screenshot(page, 'gateway-user-admin-not-allowed');
  });

  test('a guest is asked to sign in, and comes back to the page signed in', async ({ page }) => {
    await page.goto(`${urls.gateway}/admin/users?q=customer`);
    await expect(
      page.getByRole('heading', { level: 1, name: 'Sign in to manage users' }),
    ).toBeVisible();
    await page.getByRole('main').getByRole('button', { name: 'Sign in' }).click();
    await signInOnProviderPage(page, superAdmin.email);
    await expect(page).toHaveURL(`${urls.gateway}/admin/users?q=customer`);
    await expect(userRow(page, customer)).toBeVisible();
  });

  test("a super admin opens a user's page: roles by name, makerspaces with their roles, recent activity", async ({
    page,
  }) => {
    await signInAtGateway(page, superAdmin.email);
    await page.goto(`${urls.gateway}/admin/users?q=spaceadmin`);
    await expect(userRow(page, 'Maya Spaceadmin')).toBeVisible();
    await screenshot(page, 'gateway-users-list');
    await userRow(page, 'Maya Spaceadmin').getByRole('link', { name: 'Maya Spaceadmin' }).click();
    await expect(page).toHaveURL(/\/admin\/users\/[0-9a-f-]{36}$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Maya Spaceadmin' })).toBeVisible();
    const makerspaces = page.getByRole('region', { name: 'Makerspaces' });
    await expect(makerspaces).toContainText('MakrX Hub Bengaluru');
    await expect(makerspaces).toContainText('Makerspace admin');
    await expect(page.getByRole('region', { name: 'Recent activity' })).toBeVisible();
    await expectAccessible(page);
    await screenshot(page, 'gateway-user-detail');

    await page.goto(`${urls.gateway}/admin/users/00000000-0000-4000-8000-000000000000`);
    await expect(page.getByRole('heading', { name: 'No such user' })).toBeVisible();
  });

  test('the audit log filters by a person and an entity chosen by name, and shows names', async ({
    page,
    browser,
  }) => {
    // A flag change by the super admin, so there is one to find whatever ran before.
    await setFlag(
      await superAdminToken(browser),
      'SHOW_MAKER_SPOTLIGHT',
      true,
      'Audit filter check; the spotlight stays on.',
    );
    await signInAtGateway(page, superAdmin.email);
    await page.goto(`${urls.gateway}/admin/audit`);
    const person = page.getByRole('combobox', { name: 'Person' });
    await person.fill('sam super');
    await page.getByRole('option', { name: /Sam Superadmin/ }).click();
    const entity = page.getByRole('combobox', { name: 'Entity' });
    await entity.fill('feature_fl');
    await expect(page.getByRole('option', { name: /Every feature flag/ })).toBeVisible();
    await screenshot(page, 'gateway-audit-type-ahead');
    await page.getByRole('option', { name: /Every feature flag/ }).click();
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await expect(page).toHaveURL(/actor=[0-9a-f-]{36}.*entityType=feature_flag/);
    await expect(person).toHaveValue('Sam Superadmin');
    const entries = page.getByRole('table', { name: /Audit log entries/ });
    await expect(entries).toBeVisible();
    const newest = entries.getByRole('row').nth(1);
    await expect(newest).toContainText('Sam Superadmin');
    await expect(newest).toContainText('Maker spotlight');
    await expectAccessible(page);
    await screenshot(page, 'gateway-audit-filtered');
  });

  test('a MakrCave admin sees the users and may offer only the MakrCave admin role, and no lock', async ({
    page,
  }) => {
    await signInAtGateway(page, 'admin@demo.makrx.org');
    await mainNav(page).getByRole('link', { name: 'Users' }).click();
    await page.getByRole('searchbox', { name: 'Search users' }).fill('member');
    await expect(page).toHaveURL(`${urls.gateway}/admin/users?q=member`);
    await expect(page.getByRole('status').getByText(/match(es)? “member”/)).toBeVisible();
    const row = userRow(page, member.name);
    await expect(row).toBeVisible();
    const offered = await row
      .getByRole('combobox', { name: `Role to give ${member.name}` })
      .locator('option:not([value=""])')
      .evaluateAll((options) => options.map((option) => (option as HTMLOptionElement).value));
    expect(offered.filter((role) => role !== 'admin:cave')).toEqual([]);
    await expect(
      row.getByRole('button', { name: /Remove role (Super|MakrX\.Store) admin/ }),
    ).toHaveCount(0);
    await expect(row.getByRole('button', { name: /Lock/ })).toHaveCount(0);
    await expectAccessible(page);
    await screenshot(page, 'gateway-users-domain-admin');
  });
});
