import { expect, test, type Page } from './fixtures';
import { expectAccessible, screenshot } from './page-checks';
import { urls } from './urls';

// A demo maker whose profile starts private, as every new account's does; left private again.
const maker = { login: 'member@demo.makrx.org', name: 'Milo Member', handle: 'member' };
const password = 'makrx-demo';

async function signInAndOpenAccount(page: Page) {
  await page.goto(urls.gateway);
  await page.getByRole('banner').getByRole('button', { name: 'Sign in' }).click();
  await page.locator('input[name="username"]').fill(maker.login);
  await page.locator('input[name="password"]').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(new RegExp(`^${urls.gateway}/`));
  await page
    .getByRole('banner')
    .getByRole('button', { name: /account menu/ })
    .click();
  await page.getByRole('banner').getByRole('link', { name: 'Addresses' }).click();
  await expect(page).toHaveURL(`${urls.gateway}/account/addresses`);
  // The menu closes once it has taken the user there, so it covers nothing on the page.
  await expect(page.getByRole('banner').getByRole('link', { name: 'Addresses' })).toBeHidden();
}

async function directoryNames(page: Page) {
  await page.goto(`${urls.gateway}/makers`);
  await expect(page.getByText(/^\d+ makers?$/)).toBeVisible();
  return page.getByRole('main').getByRole('heading', { level: 2 }).allInnerTexts();
}

test.describe('A maker chooses whether their profile is public', () => {
  test.describe.configure({ timeout: 90_000 });

  test('from the account page: public and listed among the makers, then private again', async ({
    page,
  }) => {
    await signInAndOpenAccount(page);
    const card = page.getByRole('region', { name: 'Your maker profile' });
    await expect(card).toContainText('Private — hidden from everyone');
    await expectAccessible(page);
    await screenshot(page, 'gateway-maker-profile-private');

    // Held on its way until the pending state has been checked, then sent to the service.
    let send!: () => void;
    const sent = new Promise<void>((resolve) => (send = resolve));
    await page.route('**/api/v1/me/profile/visibility', async (route) => {
      await sent;
      await route.continue();
    });
    await card.getByRole('button', { name: 'Make my profile public' }).click();
    await expect(card.getByRole('button', { name: 'Making it public…' })).toBeDisabled();
    await screenshot(page, 'gateway-maker-profile-saving');
    send();
    await expect(card).toContainText(
      `Public — listed in the makers directory at /makers/${maker.handle}`,
    );
    await expect(card.getByRole('button', { name: 'Make my profile private' })).toBeEnabled();
    await expectAccessible(page);
    await screenshot(page, 'gateway-maker-profile-public');

    await card.getByRole('link', { name: `/makers/${maker.handle}` }).click();
    await expect(page).toHaveURL(`${urls.gateway}/makers/${maker.handle}`);
    await expect(page.getByRole('heading', { level: 1, name: maker.name })).toBeVisible();
    expect(await directoryNames(page)).toContain(maker.name);

    await page.goto(`${urls.gateway}/account/addresses`);
    await card.getByRole('button', { name: 'Make my profile private' }).click();
    await expect(card).toContainText('Private — hidden from everyone');
    await expect(card.getByRole('button', { name: 'Make my profile public' })).toBeEnabled();

    const listed = await directoryNames(page);
    expect(listed).toContain('Ananya Rao');
    expect(listed).not.toContain(maker.name);
    // Hidden from everyone else; its owner, at its address, is told it is private.
    const asGuest = await fetch(`${urls.authApi}/api/v1/profiles/${maker.handle}`);
    expect(asGuest.status).toBe(404);
    await page.goto(`${urls.gateway}/makers/${maker.handle}`);
    await expect(
      page.getByRole('heading', { level: 1, name: 'Your profile is private' }),
    ).toBeVisible();
  });

  test('a change the service never receives is reported, and the profile stays as it was', async ({
    page,
  }) => {
    await signInAndOpenAccount(page);
    const card = page.getByRole('region', { name: 'Your maker profile' });
    await expect(card).toContainText('Private — hidden from everyone');

    // The connection drops on the way to the service.
    await page.route('**/api/v1/me/profile/visibility', (route) => route.abort());
    await card.getByRole('button', { name: 'Make my profile public' }).click();
    await expect(card.getByRole('alert')).toHaveText(
      'Your profile was not changed: The service could not be reached.',
    );
    await expect(card).toContainText('Private — hidden from everyone');
    await expectAccessible(page);
    await screenshot(page, 'gateway-maker-profile-not-changed');
    await page.unroute('**/api/v1/me/profile/visibility');

    expect(await directoryNames(page)).not.toContain(maker.name);
  });

  test('a profile the service cannot be asked for is said so, and loads on trying again', async ({
    page,
  }) => {
    await page.route(`${urls.authApi}/api/v1/me/profile`, (route) => route.abort());
    await signInAndOpenAccount(page);
    const card = page.getByRole('region', { name: 'Your maker profile' });
    // The app asks twice more before it gives up on a service that does not answer.
    await expect(card.getByRole('alert')).toHaveText(
      'Your maker profile could not be loaded just now: The service could not be reached.',
      { timeout: 15_000 },
    );
    await expectAccessible(page);
    await screenshot(page, 'gateway-maker-profile-unavailable');

    await page.unroute(`${urls.authApi}/api/v1/me/profile`);
    await card.getByRole('button', { name: 'Try again' }).click();
    await expect(card).toContainText('Private — hidden from everyone');
  });
});
