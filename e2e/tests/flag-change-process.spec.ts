import { expect, test, type Page } from './fixtures';
import { expectAccessible, screenshot } from './page-checks';
import { urls } from './urls';

const password = 'makrx-demo';

async function signIn(page: Page, email: string) {
  await page.goto(urls.gateway);
  await page.getByRole('banner').getByRole('button', { name: 'Sign in' }).click();
  await page.locator('input[name="username"]').fill(email);
  await page.locator('input[name="password"]').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(`${urls.gateway}/`);
  await page.goto(`${urls.gateway}/admin/flags`);
  await expect(page.getByRole('heading', { level: 1, name: 'Feature flags' })).toBeVisible();
}

async function openRow(page: Page, name: string) {
  const row = page.getByRole('article', { name, exact: true });
  const details = row.getByRole('button', { name: `Details of ${name}` });
  if ((await details.getAttribute('aria-expanded')) !== 'true') await details.click();
  return row;
}

async function justify(page: Page, title: string, reason: string, confirm: string) {
  const dialog = page.getByRole('dialog', { name: title });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('textbox', { name: 'Why are you making this change?' }).fill(reason);
  await dialog.getByRole('button', { name: confirm }).click();
  await expect(dialog).toBeHidden();
}

const flagIsOn = async (page: Page, key: string) => {
  const response = await page.request.get(`${urls.authApi}/api/v1/flags/evaluate`);
  return ((await response.json()) as { flags: Record<string, boolean> }).flags[key];
};

test.describe('The flag change process', () => {
  test('a search finds a flag by its name, description or key, on a desktop and a phone', async ({
    page,
  }) => {
    await signIn(page, 'superadmin@demo.makrx.org');
    const search = page.getByRole('searchbox', { name: 'Search flags' });
    await search.fill('spotlight');
    await expect(page.getByRole('status').filter({ hasText: /flags match/ })).toHaveText(
      '1 of 17 flags match',
    );
    await expect(page.getByRole('article', { name: 'Maker spotlight' })).toBeVisible();
    await expect(page.getByRole('article', { name: 'Maintenance mode' })).toHaveCount(0);
    await search.fill('ENABLE_STL');
    await expect(page.getByRole('article', { name: '3D file uploads for printing' })).toBeVisible();
    await search.fill('checkout');
    await expect(page.getByRole('article', { name: 'New checkout' })).toBeVisible();
    await expectAccessible(page);
    await screenshot(page, 'gateway-flags-search');
    await search.fill('no such feature anywhere');
    await expect(page.getByText('No flag matches “no such feature anywhere”.')).toBeVisible();
    await search.fill('');
    await page.getByRole('button', { name: /^Off/ }).click();
    await expect(page.getByRole('article', { name: 'Maintenance mode' })).toBeVisible();
    await expect(page.getByRole('article', { name: 'Search across MakrX' })).toHaveCount(0);
  });

  test('a global change proposed by an admin waits for a super admin, who approves it; the history shows the whole path', async ({
    page,
    browser,
  }) => {
    const proposer = page;
    await signIn(proposer, 'admin@demo.makrx.org');
    const before = await flagIsOn(proposer, 'ENABLE_NEW_AUTHENTICATION_FLOW');
    const name = 'New sign-in flow';
    const row = await openRow(proposer, name);
    const turn = before ? 'off' : 'on';
    await row.getByRole('button', { name: `Turn ${turn} ${name}` }).click();
    const title = `Turn “${name}” ${turn}`;
    await expect(
      proposer.getByRole('dialog', { name: title }).getByRole('checkbox', { name: /Emergency/ }),
    ).toHaveCount(0);
    await screenshot(proposer, 'gateway-flags-proposal-dialog');
    const why = `Passkeys are ready; switch the sign-in flow ${turn} (${Date.now()}).`;
    await justify(proposer, title, why, 'Propose change');
    await expect(row).toContainText(/Change proposed; it affects about \d+ of \d+ users/);
    expect(await flagIsOn(proposer, 'ENABLE_NEW_AUTHENTICATION_FLOW'), 'unchanged').toBe(before);
    const mine = proposer
      .getByRole('region', { name: /Proposed changes/ })
      .getByRole('listitem')
      .filter({ hasText: why });
    await expect(mine.getByRole('button', { name: /Approve/ })).toHaveCount(0);

    const approverContext = await browser.newContext();
    const approver = await approverContext.newPage();
    await signIn(approver, 'superadmin@demo.makrx.org');
    const waiting = approver
      .getByRole('region', { name: /Proposed changes/ })
      .getByRole('listitem')
      .filter({ hasText: why });
    await expect(waiting).toContainText('Alex Admin');
    await expect(waiting).toContainText(/affects about \d+ of \d+ users/);
    await expectAccessible(approver);
    await screenshot(approver, 'gateway-flags-proposals');
    await waiting.getByRole('button', { name: `Approve the change of ${name}` }).click();
    await expect(waiting).toHaveCount(0);
    await expect.poll(() => flagIsOn(approver, 'ENABLE_NEW_AUTHENTICATION_FLOW')).toBe(!before);

    const approved = await openRow(approver, name);
    await approved.getByRole('button', { name: `History of ${name}` }).click();
    const history = approved.getByRole('region', { name: `History of ${name}` });
    const path = history.getByRole('listitem').filter({ hasText: why }).first();
    await expect(path).toContainText('Approved');
    await expect(path).toContainText('Proposed by Alex Admin');
    await expect(path).toContainText('Approved by Sam Superadmin');
    await expect(path).toContainText('applied');
    await expect(history).toContainText('Approved proposal');
    await screenshot(approver, 'gateway-flags-history');

    // An emergency change by the super admin takes effect at once, marked as such; it also
    // puts the flag back as it was for the specs after this one.
    const back = before ? 'on' : 'off';
    await approved.getByRole('button', { name: `Turn ${back} ${name}` }).click();
    const emergencyTitle = `Turn “${name}” ${back}`;
    await approver
      .getByRole('dialog', { name: emergencyTitle })
      .getByRole('checkbox', { name: /Emergency change/ })
      .check();
    await justify(
      approver,
      emergencyTitle,
      'Sign-in errors reported; back out now.',
      'Apply now (emergency)',
    );
    expect(await flagIsOn(approver, 'ENABLE_NEW_AUTHENTICATION_FLOW')).toBe(before);
    await expect(
      history.getByRole('listitem').filter({ hasText: 'Sign-in errors reported' }),
    ).toContainText('Emergency');
    await approverContext.close();
  });
});
