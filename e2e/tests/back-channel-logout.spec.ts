import { expect, test, type BrowserContext, type Page } from './fixtures';
import { expectAccessible, screenshot } from './page-checks';
import { urls } from './urls';

const customer = {
  name: 'Chris Customer',
  email: 'customer@demo.makrx.org',
  password: 'makrx-demo',
};
const header = (page: Page) => page.getByRole('banner');
const accountButton = (page: Page) =>
  header(page).getByRole('button', { name: new RegExp(customer.name) });
const signInControl = (page: Page) =>
  header(page)
    .getByRole('button', { name: 'Sign in' })
    .or(header(page).getByRole('link', { name: 'Sign in' }));

async function signInAtGateway(page: Page) {
  await page.goto(urls.gateway);
  await signInControl(page).click();
  await page.locator('input[name="username"]').fill(customer.email);
  await page.locator('input[name="password"]').fill(customer.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(`${urls.gateway}/`);
  await expect(accountButton(page)).toBeVisible();
}

/** The gateway tab's access token: it stays valid for minutes after its session ends. */
const gatewayAccessToken = (page: Page) =>
  page.evaluate(
    () =>
      (JSON.parse(sessionStorage.getItem('makrx.auth.tokens')!) as { accessToken: string })
        .accessToken,
  );

/** How many of the customer's store sessions the store service was told have ended. */
async function endedStoreSessions(accessToken: string): Promise<number> {
  const answer = await fetch(`${urls.storeApi}/api/v1/storefront-sessions`, {
    headers: { authorization: `Bearer ${accessToken}` },
  });
  expect(answer.ok, await answer.clone().text()).toBe(true);
  return ((await answer.json()) as { sessions: unknown[] }).sessions.length;
}

const storeSessionCookie = async (context: BrowserContext) =>
  (await context.cookies(urls.store)).find((cookie) =>
    cookie.name.startsWith('makrx_store_session'),
  );

/** SSO into the store, then back to the gateway; the store's tokens are fresh (< 1 minute). */
async function signInAtStoreToo(page: Page) {
  await page.goto(`${urls.store}/products/digital-calipers-150mm`);
  await expect(page).toHaveURL(`${urls.store}/products/digital-calipers-150mm`);
  await expect(accountButton(page)).toBeVisible();
  expect(await storeSessionCookie(page.context())).toBeDefined();
}

/**
 * The store's session ended by back-channel logout: the browser still holds the store's
 * cookie, whose tokens are under a minute old (the store would not refresh them yet), and the
 * store's very next page shows the visitor signed out and clears it.
 */
async function expectStoreSignedOutAtOnce(page: Page) {
  expect(await storeSessionCookie(page.context()), 'the store cookie is still held').toBeDefined();
  await page.goto(`${urls.store}/products/digital-calipers-150mm`);
  await expect(signInControl(page)).toBeVisible();
  await expect(header(page).getByText(customer.name)).toHaveCount(0);
  expect(await storeSessionCookie(page.context()), 'the store cleared its cookie').toBeUndefined();
}

test.describe('A session ended anywhere ends the store’s at once (back-channel logout)', () => {
  test('signing out at the gateway signs the store out at its very next page', async ({
    browser,
  }) => {
    const page = await (await browser.newContext()).newPage();
    await signInAtGateway(page);
    const token = await gatewayAccessToken(page);
    const endedBefore = await endedStoreSessions(token);
    await signInAtStoreToo(page);

    await page.goto(urls.gateway);
    await accountButton(page).click();
    await header(page).getByRole('button', { name: 'Sign out' }).click();
    await expect(page).toHaveURL(`${urls.gateway}/auth/signed-out`);

    expect(await endedStoreSessions(token), 'the store service recorded the logout').toBe(
      endedBefore + 1,
    );
    await expectStoreSignedOutAtOnce(page);
  });

  test('“Sign out everywhere” on the sessions page signs out this device and the store', async ({
    browser,
  }) => {
    const elsewhere = await (await browser.newContext()).newPage();
    await signInAtGateway(elsewhere);
    const page = await (await browser.newContext()).newPage();
    await signInAtGateway(page);
    const token = await gatewayAccessToken(page);
    const endedBefore = await endedStoreSessions(token);
    await signInAtStoreToo(page);

    await page.goto(`${urls.gateway}/account/sessions`);
    await expect(page.getByRole('heading', { level: 1, name: 'Sessions' })).toBeVisible();
    const sessions = page.getByRole('list', { name: 'Signed-in sessions' }).getByRole('listitem');
    await expect(sessions.first()).toContainText('This device');
    await expect(sessions.first()).toContainText('MakrX.org, MakrX.Store');
    expect(await sessions.count()).toBeGreaterThanOrEqual(2);
    await expectAccessible(page);
    await screenshot(page, 'account-sessions');

    await page.getByRole('button', { name: 'Sign out everywhere' }).click();
    const dialog = page.getByRole('dialog', { name: 'Sign out everywhere?' });
    await expect(dialog).toBeVisible();
    await screenshot(page, 'account-sessions-sign-out-everywhere', { fullPage: false });
    await dialog.getByRole('button', { name: 'Sign out everywhere' }).click();
    await expect(page).toHaveURL(`${urls.gateway}/auth/signed-out`);

    expect(await endedStoreSessions(token)).toBe(endedBefore + 1);
    await expectStoreSignedOutAtOnce(page);
    for (const tab of [page, elsewhere]) {
      await tab.goto(`${urls.gateway}/account/sessions`);
      await expect(
        tab.getByRole('heading', { name: 'Sign in to manage your account' }),
      ).toBeVisible();
    }
    await screenshot(page, 'account-sessions-signed-out');
  });

  test('signing out one other device leaves this one signed in', async ({ browser }) => {
    const other = await (await browser.newContext()).newPage();
    await signInAtGateway(other);
    const page = await (await browser.newContext()).newPage();
    await signInAtGateway(page);

    await page.goto(`${urls.gateway}/account/sessions`);
    const sessions = page.getByRole('list', { name: 'Signed-in sessions' }).getByRole('listitem');
    await expect(sessions.first()).toContainText('This device');
    const count = await sessions.count();
    expect(count).toBeGreaterThanOrEqual(2);
    await sessions.nth(1).getByRole('button', { name: 'Sign out' }).click();
    const dialog = page.getByRole('dialog', { name: 'Sign out this session?' });
    await dialog.getByRole('button', { name: 'Sign out' }).click();
    await expect(dialog).toBeHidden();
    await expect(sessions).toHaveCount(count - 1);
    await expect(sessions.first()).toContainText('This device');
  });
});
