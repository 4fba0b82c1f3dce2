import { expect, test, type Page } from './fixtures';
import { expectAccessible, screenshot } from './page-checks';
import { urls } from './urls';

const password = 'makrx-demo';
const superAdmin = 'superadmin@demo.makrx.org';
const caveAdmin = 'admin@demo.makrx.org';
const spaceAdmin = 'spaceadmin@demo.makrx.org';
const hub = { slug: 'makrx-hub-bengaluru', name: 'MakrX Hub Bengaluru' };

const mainNav = (page: Page) => page.getByRole('banner').getByRole('navigation', { name: 'Main' });
/** A flag's row, by its name, with its details (settings, controls, history) opened. */
async function flagRow(page: Page, name: string) {
  const row = page.getByRole('article', { name, exact: true });
  const details = row.getByRole('button', { name: `Details of ${name}` });
  if ((await details.getAttribute('aria-expanded')) !== 'true') await details.click();
  return row;
}

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

  test('a super admin turns the maker spotlight off as an emergency, and an open landing page loses it without a reload', async ({
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
    await expect(page.getByText(/You can propose changes to all 17 flags/)).toBeVisible();

    const card = await flagRow(page, 'Maker spotlight');
    await expect(card).toContainText('SHOW_MAKER_SPOTLIGHT');
    await card.getByRole('button', { name: 'Turn off Maker spotlight' }).click();
    const title = 'Turn “Maker spotlight” off';
    const dialog = page.getByRole('dialog', { name: title });
    await dialog.getByRole('button', { name: 'Propose change' }).click();
    await expect(dialog.getByRole('alert')).toHaveText('Say why in at least 10 characters.');
    await dialog.getByRole('checkbox', { name: /Emergency change/ }).check();
    await expectAccessible(page);
    await screenshot(page, 'gateway-flags-justification');
    await justifyAndConfirm(
      page,
      title,
      'Spotlight photos are being re-shot this week.',
      'Apply now (emergency)',
    );
    await expect(card.getByRole('button', { name: 'Turn on Maker spotlight' })).toBeVisible();

    await expect(spotlight, 'gone from the open landing page').toHaveCount(0, { timeout: 10_000 });
    expect(reloads, 'the landing page was not reloaded').toBe(0);

    await card.getByRole('button', { name: 'History of Maker spotlight' }).click();
    const history = card.getByRole('region', { name: 'History of Maker spotlight' });
    await expect(history.getByRole('listitem').first()).toContainText('Sam Superadmin');
    await expect(history.getByRole('listitem').first()).toContainText('Emergency');
    await expect(history).toContainText('State: On → Off');
    await expect(history).toContainText('“Spotlight photos are being re-shot this week.”');
    await expectAccessible(page);
    await screenshot(page, 'gateway-flags');

    // Put it back, so the landing page shows its makers again (and for the specs after this one).
    await card.getByRole('button', { name: 'Turn on Maker spotlight' }).click();
    await page
      .getByRole('dialog', { name: 'Turn “Maker spotlight” on' })
      .getByRole('checkbox', { name: /Emergency change/ })
      .check();
    await justifyAndConfirm(
      page,
      'Turn “Maker spotlight” on',
      'New spotlight photos are in.',
      'Apply now (emergency)',
    );
    await expect(spotlight).toBeVisible({ timeout: 10_000 });
    await visitor.context().close();
  });

  test('a MakrCave admin proposes a change to their flag, sees a store flag read-only with why, and sets a makerspace override at once', async ({
    page,
  }) => {
    await signIn(page, urls.gateway, caveAdmin);
    await mainNav(page).getByRole('link', { name: 'Flags' }).click();
    await expect(page.getByText(/You can propose changes to 9 of the 17 flags/)).toBeVisible();

    const store = await flagRow(page, '3D file uploads for printing');
    await expect(store).toContainText(
      'Read only. This flag belongs to the store domain; you administer cave.',
    );
    await expect(store.getByRole('button', { name: /Turn (on|off)/ })).toHaveCount(0);

    const bom = await flagRow(page, 'Order BOMs from the store');
    await bom.getByRole('button', { name: 'Set rollout of Order BOMs from the store' }).click();
    const title = 'Change the rollout of “Order BOMs from the store”';
    const dialog = page.getByRole('dialog', { name: title });
    await expect(dialog.getByRole('spinbutton', { name: 'Percentage of users' })).toBeFocused();
    await expect(dialog.getByRole('checkbox', { name: /Emergency change/ })).toHaveCount(0);
    await dialog.getByRole('spinbutton', { name: 'Percentage of users' }).fill('50');
    await justifyAndConfirm(
      page,
      title,
      'Half the makers first while the store sync settles.',
      'Propose change',
    );
    // Proposed, not applied: the flag still reaches everyone until another admin approves.
    await expect(bom).toContainText(/Change proposed; it affects about \d+ of \d+ users/);
    await expect(bom).toContainText('100% of users');
    const proposals = page.getByRole('region', { name: /Proposed changes/ });
    const proposal = proposals.getByRole('listitem').filter({ hasText: 'ENABLE_BOM_ORDERING' });
    await expect(proposal).toContainText('Rollout: 100% → 50%');
    await expect(proposal).toContainText('Alex Admin');

    const billing = await flagRow(page, 'Automated billing');
    await billing.getByRole('button', { name: 'Set Automated billing for a makerspace' }).click();
    const override = page.getByRole('dialog', {
      name: 'Set “Automated billing” for one makerspace',
    });
    await override.getByRole('combobox', { name: 'Makerspace' }).selectOption('TinkerWorks Pune');
    await override.getByRole('radio', { name: 'On' }).check();
    await justifyAndConfirm(
      page,
      'Set “Automated billing” for one makerspace',
      'Pune runs the billing pilot from next month.',
      'Save change',
    );
    await expect(billing).toContainText('TinkerWorks Pune: on');
    await expectAccessible(page);
    await screenshot(page, 'gateway-flags-domain-admin');

    // Take the proposal back, for the specs after this one.
    await proposal.getByRole('button', { name: /Withdraw/ }).click();
    await expect(proposals).toContainText('Nothing is waiting for approval.');
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
