import { expect, test, type Page } from './fixtures';
import { expectAccessible, screenshot } from './page-checks';
import { urls } from './urls';

const password = 'makrx-demo';
const superAdmin = 'superadmin@demo.makrx.org';
const caveAdmin = 'admin@demo.makrx.org';
const spaceAdmin = 'spaceadmin@demo.makrx.org';
const hub = { slug: 'makrx-hub-bengaluru', name: 'MakrX Hub Bengaluru' };

const mainNav = (page: Page) => page.getByRole('banner').getByRole('navigation', { name: 'Main' });
const flagCard = (page: Page, key: string) => page.getByRole('article', { name: key });

/** Signs in from the app's header "Sign in", on the identity provider's page. */
async function signIn(page: Page, appUrl: string, email: string) {
  await page.goto(appUrl);
  await page.getByRole('banner').getByRole('button', { name: 'Sign in' }).click();
  await page.locator('input[name="username"]').fill(email);
  await page.locator('input[name="password"]').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(`${appUrl}/`);
}

/** Fills the reason into the open change dialog and confirms it; waits for it to close. */
async function justifyAndConfirm(page: Page, title: string, reason: string, confirm: string) {
  const dialog = page.getByRole('dialog', { name: title });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('textbox', { name: 'Why are you making this change?' }).fill(reason);
  await dialog.getByRole('button', { name: confirm }).click();
  await expect(dialog).toBeHidden();
}

test.describe('Feature flag administration', () => {
  test('the landing page does not load the flag screen, which asks a guest to sign in', async ({
    page,
  }) => {
    const scripts: string[] = [];
    page.on('request', (request) => {
      if (request.resourceType() === 'script') scripts.push(request.url());
    });
    await page.goto(urls.gateway, { waitUntil: 'networkidle' });
    expect(scripts.filter((url) => url.includes('flag-admin'))).toEqual([]);

    await page.goto(`${urls.gateway}/admin/flags`);
    await expect(
      page.getByRole('heading', { level: 1, name: 'Sign in to manage feature flags' }),
    ).toBeVisible();
    await expect(mainNav(page).getByRole('link', { name: 'Flags' })).toHaveCount(0);
  });

  test('a super admin turns the maker spotlight off, and an open landing page loses it without a reload', async ({
    page,
    browser,
  }) => {
    const visitor = await (await browser.newContext()).newPage();
    await visitor.goto(urls.gateway);
    const spotlight = visitor.getByRole('heading', { name: 'Featured makers' });
    await expect(spotlight).toBeVisible();
    let reloads = 0;
    visitor.on('framenavigated', (frame) => {
      if (frame === visitor.mainFrame()) reloads += 1;
    });

    await signIn(page, urls.gateway, superAdmin);
    await mainNav(page).getByRole('link', { name: 'Flags' }).click();
    await expect(page).toHaveURL(`${urls.gateway}/admin/flags`);
    await expect(page.getByRole('heading', { level: 1, name: 'Feature flags' })).toBeVisible();
    await expect(page.getByText('You can change all 17 flags.')).toBeVisible();

    const card = flagCard(page, 'SHOW_MAKER_SPOTLIGHT');
    await expect(card).toContainText('On');
    await card.getByRole('button', { name: 'Turn off SHOW_MAKER_SPOTLIGHT' }).click();
    const dialog = page.getByRole('dialog', { name: 'Turn SHOW_MAKER_SPOTLIGHT off?' });
    await dialog.getByRole('button', { name: 'Turn off' }).click();
    await expect(dialog.getByRole('alert')).toHaveText('Say why in at least 10 characters.');
    await expectAccessible(page);
    await screenshot(page, 'gateway-flags-justification');
    await justifyAndConfirm(
      page,
      'Turn SHOW_MAKER_SPOTLIGHT off?',
      'Spotlight photos are being re-shot this week.',
      'Turn off',
    );
    await expect(card.getByRole('button', { name: 'Turn on SHOW_MAKER_SPOTLIGHT' })).toBeVisible();

    await expect(spotlight, 'gone from the open landing page').toHaveCount(0, { timeout: 10_000 });
    expect(reloads, 'the landing page was not reloaded').toBe(0);

    await card.getByRole('button', { name: 'History of SHOW_MAKER_SPOTLIGHT' }).click();
    const history = card.getByRole('region', { name: 'History of SHOW_MAKER_SPOTLIGHT' });
    await expect(history.getByRole('listitem').first()).toContainText('Sam Superadmin');
    await expect(history).toContainText('State: On → Off');
    await expect(history).toContainText('“Spotlight photos are being re-shot this week.”');
    await expectAccessible(page);
    await screenshot(page, 'gateway-flags');

    // Put it back, so the landing page shows its makers again (and for the specs after this one).
    await card.getByRole('button', { name: 'Turn on SHOW_MAKER_SPOTLIGHT' }).click();
    await justifyAndConfirm(
      page,
      'Turn SHOW_MAKER_SPOTLIGHT on?',
      'New spotlight photos are in.',
      'Turn on',
    );
    await expect(spotlight).toBeVisible({ timeout: 10_000 });
    await visitor.context().close();
  });

  test('a MakrCave admin sees which flags are theirs, and a store flag read-only with why', async ({
    page,
  }) => {
    await signIn(page, urls.gateway, caveAdmin);
    await mainNav(page).getByRole('link', { name: 'Flags' }).click();
    await expect(page.getByText(/You can change 5 of the 17 flags/)).toBeVisible();

    const store = flagCard(page, 'ENABLE_STL_UPLOAD');
    await expect(store).toContainText(
      'Read only. This flag belongs to the store domain; you administer cave.',
    );
    await expect(store.getByRole('button', { name: /Turn (on|off)/ })).toHaveCount(0);
    await expect(flagCard(page, 'MAINTENANCE_MODE')).toContainText(
      'Only a super admin may change a global flag.',
    );

    const bom = flagCard(page, 'ENABLE_BOM_ORDERING');
    await bom.getByRole('button', { name: 'Set rollout of ENABLE_BOM_ORDERING' }).click();
    const dialog = page.getByRole('dialog', { name: 'Change the rollout of ENABLE_BOM_ORDERING' });
    await expect(dialog.getByRole('spinbutton', { name: 'Percentage of users' })).toBeFocused();
    await dialog.getByRole('spinbutton', { name: 'Percentage of users' }).fill('50');
    await justifyAndConfirm(
      page,
      'Change the rollout of ENABLE_BOM_ORDERING',
      'Half the makers first while the store sync settles.',
      'Save change',
    );
    await expect(bom).toContainText('50% of users');

    const billing = flagCard(page, 'ENABLE_AUTOMATED_BILLING');
    await billing
      .getByRole('button', { name: 'Set ENABLE_AUTOMATED_BILLING for a makerspace' })
      .click();
    const override = page.getByRole('dialog', {
      name: 'Set ENABLE_AUTOMATED_BILLING for one makerspace',
    });
    await override.getByRole('combobox', { name: 'Makerspace' }).selectOption('TinkerWorks Pune');
    await override.getByRole('radio', { name: 'On' }).check();
    await justifyAndConfirm(
      page,
      'Set ENABLE_AUTOMATED_BILLING for one makerspace',
      'Pune runs the billing pilot from next month.',
      'Save change',
    );
    await expect(billing).toContainText('TinkerWorks Pune: on');
    await expectAccessible(page);
    await screenshot(page, 'gateway-flags-domain-admin');

    // Back to everyone, for the specs after this one.
    await bom.getByRole('button', { name: 'Set rollout of ENABLE_BOM_ORDERING' }).click();
    await dialog.getByRole('spinbutton', { name: 'Percentage of users' }).fill('100');
    await justifyAndConfirm(
      page,
      'Change the rollout of ENABLE_BOM_ORDERING',
      'Store sync is steady again; everyone gets BOM ordering.',
      'Save change',
    );
    await expect(bom).toContainText('100% of users');
  });

  test('a makerspace admin turns a feature on for their makerspace in MakrCave', async ({
    page,
  }) => {
    await signIn(page, urls.cave, spaceAdmin);
    await page.goto(`${urls.cave}/makerspaces/${hub.slug}`);
    await expect(page.getByRole('heading', { level: 1, name: hub.name })).toBeVisible();
    await screenshot(page, 'cave-makerspace-with-manage-link');
    await page.getByRole('link', { name: 'Features', exact: true }).click();
    await expect(page).toHaveURL(`${urls.cave}/makerspaces/${hub.slug}/manage/features`);
    await expect(page.getByRole('heading', { level: 1, name: 'Features' })).toBeVisible();

    const analytics = page.getByRole('article', { name: 'Advanced analytics' });
    await expect(analytics).toContainText('Not set: follows MakrX');
    await analytics
      .getByRole('button', { name: `Turn on advanced analytics for ${hub.name}` })
      .click();
    await justifyAndConfirm(
      page,
      `Turn advanced analytics on for ${hub.name}?`,
      'Members asked to see machine usage by week.',
      'Turn on',
    );
    await expect(analytics.getByRole('definition').first()).toHaveText('On');
    await expect(
      analytics.getByRole('button', { name: `Turn off advanced analytics for ${hub.name}` }),
    ).toBeVisible();

    await analytics.getByRole('button', { name: 'History of Advanced analytics' }).click();
    const history = analytics.getByRole('region', { name: 'History of Advanced analytics' });
    await expect(history).toContainText('Maya Spaceadmin');
    await expect(history).toContainText('MakrX default → On');
    await expect(history).toContainText('“Members asked to see machine usage by week.”');
    await expectAccessible(page);
    await screenshot(page, 'cave-makerspace-features');
  });

  test('a member of the makerspace sees no way in, and is told who manages it', async ({
    page,
  }) => {
    await signIn(page, urls.cave, 'member@demo.makrx.org');
    await page.goto(`${urls.cave}/makerspaces/${hub.slug}`);
    await expect(page.getByRole('heading', { level: 1, name: hub.name })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Features', exact: true })).toHaveCount(0);
    await page.goto(`${urls.cave}/makerspaces/${hub.slug}/manage/features`);
    await expect(
      page.getByRole('heading', { name: `Only admins of ${hub.name} can manage its features` }),
    ).toBeVisible();
  });
});
