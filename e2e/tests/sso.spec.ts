import { expect, test, type Page } from './fixtures';
import { expectAccessible, screenshot } from './page-checks';
import { urls } from './urls';

const member = { name: 'Milo Member', email: 'member@demo.makrx.org', password: 'makrx-demo' };
const header = (page: Page) => page.getByRole('banner');
const accountButton = (page: Page) => header(page).getByRole('button', { name: /Milo Member/ });
/** A button in the browser apps, a plain link in the server-rendered store. */
const signInControl = (page: Page) =>
  header(page)
    .getByRole('button', { name: 'Sign in' })
    .or(header(page).getByRole('link', { name: 'Sign in' }));

/** Counts the identity provider's sign-in pages the browser is shown from now on. */
function countSignInPages(page: Page): () => number {
  let shown = 0;
  page.on('response', (response) => {
    const isPage = response.request().resourceType() === 'document';
    if (isPage && response.url().includes('/login-actions/')) shown++;
  });
  return () => shown;
}

/** From the gateway's "Sign in" to the identity provider's sign-in page. */
async function openProviderSignIn(page: Page) {
  await page.goto(urls.gateway);
  await signInControl(page).click();
  await expect(page).toHaveURL(new RegExp(`^${new URL(urls.issuer).origin}/`));
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
}

test.describe('One sign-in for MakrX.org, MakrCave and MakrX.Store', () => {
  test('the identity provider’s sign-in page is accessible', async ({ page }) => {
    await openProviderSignIn(page);
    await screenshot(page, 'idp-sign-in');
    await expectAccessible(page);
  });

  test('signing in at the gateway signs in at the cave and the store; signing out at the store signs out of all three', async ({
    page,
  }) => {
    await openProviderSignIn(page);
    await page.locator('input[name="username"]').fill(member.email);
    await page.locator('input[name="password"]').fill(member.password);
    await page.getByRole('button', { name: 'Sign in' }).click();

    await expect(page).toHaveURL(`${urls.gateway}/`);
    await expect(accountButton(page)).toBeVisible();
    await expect(page.getByText('Welcome, Milo')).toBeVisible();
    await accountButton(page).click();
    await expect(accountButton(page)).toHaveAttribute('aria-expanded', 'true');
    await expect(header(page).getByText(member.email).filter({ visible: true })).toBeVisible();
    await expectAccessible(page);
    await screenshot(page, 'gateway-account-menu');
    await accountButton(page).focus();
    await page.keyboard.press('Enter');
    await expect(accountButton(page)).toHaveAttribute('aria-expanded', 'true');
    await page.keyboard.press('Escape');
    await expect(accountButton(page)).toHaveAttribute('aria-expanded', 'false');
    await expect(accountButton(page)).toBeFocused();

    const signInPagesShown = countSignInPages(page);
    await page.goto(`${urls.cave}/makerspaces/northside-fab-lab`);
    await expect(page).toHaveURL(`${urls.cave}/makerspaces/northside-fab-lab`);
    await expect(accountButton(page)).toBeVisible();
    await page.goto(urls.cave);
    // Milo is a member of the hub: the cave's home is his makerspaces, not the invite-only welcome.
    const mine = page.getByRole('region', { name: 'My makerspaces' });
    await expect(mine).toContainText('MakrX Hub Bengaluru');
    await expect(page.getByText(/Makerspaces on MakrCave are invite-only/)).toHaveCount(0);
    await expectAccessible(page);
    await screenshot(page, 'cave-signed-in');

    await page.goto(`${urls.store}/products/digital-calipers-150mm`);
    await expect(page).toHaveURL(`${urls.store}/products/digital-calipers-150mm`);
    await expect(accountButton(page)).toBeVisible();
    await screenshot(page, 'store-signed-in');
    expect(signInPagesShown(), 'the cave and the store asked for no password').toBe(0);

    await accountButton(page).click();
    await header(page).getByRole('button', { name: 'Sign out' }).click();
    await expect(page).toHaveURL(`${urls.store}/auth/signed-out`);
    await expect(
      page.getByRole('heading', { level: 1, name: 'You are signed out of MakrX' }),
    ).toBeVisible();
    await screenshot(page, 'store-signed-out');

    for (const app of [urls.gateway, urls.cave, urls.store]) {
      await page.goto(app);
      await expect(signInControl(page), `${app} shows signed out`).toBeVisible();
      await expect(header(page).getByText(member.name)).toHaveCount(0);
    }
  });

  test('a guest lands on the page they asked for, with a sign-in that comes back to it', async ({
    page,
  }) => {
    await page.goto(`${urls.cave}/makerspaces/northside-fab-lab`);
    await expect(page.getByRole('heading', { level: 1, name: 'Northside Fab Lab' })).toBeVisible();
    await expect(page).toHaveURL(`${urls.cave}/makerspaces/northside-fab-lab`);
    await expect(signInControl(page)).toBeVisible();

    await page.goto(`${urls.store}/?category=tools`);
    await expect(page).toHaveURL(`${urls.store}/?category=tools`);
    await expect(signInControl(page)).toHaveAttribute(
      'href',
      `/auth/login?returnTo=${encodeURIComponent('/?category=tools')}`,
    );
  });

  test('the store offers a guest sign-in as a plain link, without JavaScript or a detour', async ({
    request,
  }) => {
    const response = await request.get(`${urls.store}/products/asa-filament-grey-1kg`, {
      maxRedirects: 0,
    });
    expect(response.status()).toBe(200);
    expect(await response.text()).toMatch(
      /<a href="\/auth\/login\?returnTo=[^"]+"[^>]*>Sign in<\/a>/,
    );
  });
});
