import { expect, test, type Page } from './fixtures';
import { setFlag, superAdminToken } from './flag-api';
import { expectAccessible, screenshot } from './page-checks';
import { urls } from './urls';

const FLAG = 'ENABLE_NEW_AUTHENTICATION_FLOW';
// A user of its own: the customer's passkeys touch no other spec's data.
const user = 'customer@demo.makrx.org';

const header = (page: Page) => page.getByRole('banner');
const passkeyButton = (page: Page) => page.getByRole('button', { name: 'Continue with a passkey' });

/**
 * Chromium's virtual authenticator (DevTools protocol): a platform authenticator that holds
 * discoverable credentials and verifies its user at once, as a phone or laptop would after
 * a fingerprint.
 */
async function addVirtualAuthenticator(page: Page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('WebAuthn.enable');
  const { authenticatorId } = await cdp.send('WebAuthn.addVirtualAuthenticator', {
    options: {
      protocol: 'ctap2',
      transport: 'internal',
      hasResidentKey: true,
      hasUserVerification: true,
      isUserVerified: true,
      automaticPresenceSimulation: true,
    },
  });
  return { cdp, authenticatorId };
}

async function openSignIn(page: Page) {
  await page.goto(urls.gateway);
  await header(page).getByRole('button', { name: 'Sign in' }).click();
  await expect(page.locator('input[name="username"]')).toBeVisible();
}

test.describe.serial('Passkeys: added on MakrX.org, used on the sign-in page', () => {
  test.describe.configure({ timeout: 120_000 });
  let token: string;

  test.beforeAll(async ({ browser }) => {
    token = await superAdminToken(browser);
  });
  test.afterAll(async () => {
    // As the seed has it, for the specs after this one.
    await setFlag(token, FLAG, false, 'Passkey checks are done.');
  });

  test('with the flag off there is no passkey anywhere', async ({ page }) => {
    await setFlag(token, FLAG, false, 'Passkeys are off before their check.');
    await openSignIn(page);
    await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
    await expect(passkeyButton(page)).toHaveCount(0);
    await expect(page.getByText(/passkey/i)).toHaveCount(0);
    await screenshot(page, 'passkeys-sign-in-flag-off');

    await page.goto(`${urls.gateway}/account/passkeys`);
    await expect(
      page.getByRole('heading', { level: 1, name: 'This page doesn’t exist' }),
    ).toBeVisible();
  });

  test('a maker adds a passkey, signs out, and signs in with the passkey alone', async ({
    page,
  }) => {
    await setFlag(token, FLAG, true, 'Passkeys are checked in the browser.');
    await addVirtualAuthenticator(page);
    const name = `Test laptop ${Date.now().toString(36)}`;

    await openSignIn(page);
    await expect(passkeyButton(page)).toBeVisible();
    await screenshot(page, 'passkeys-sign-in-flag-on');
    await page.getByRole('link', { name: 'Create an account' }).click();
    await expect(page.getByRole('button', { name: 'Create account with a passkey' })).toBeVisible();
    await screenshot(page, 'passkeys-sign-up-flag-on');
    await page.goBack();
    await page.locator('input[name="username"]').fill(user);
    await page.locator('input[name="password"]').fill('makrx-demo');
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await expect(page).toHaveURL(`${urls.gateway}/`);

    await header(page)
      .getByRole('button', { name: /account menu/ })
      .click();
    await header(page).getByRole('link', { name: 'Passkeys' }).click();
    await expect(page).toHaveURL(`${urls.gateway}/account/passkeys`);
    await expect(page.getByRole('heading', { level: 1, name: 'Passkeys' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Add a passkey' })).toBeVisible();
    await expectAccessible(page);
    await screenshot(page, 'passkeys-account-before');

    await page.getByRole('button', { name: 'Add a passkey' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add a passkey' });
    await dialog.getByLabel('Name').fill(name);
    await screenshot(page, 'passkeys-add-dialog', { fullPage: false });
    await dialog.getByRole('button', { name: 'Create passkey' }).click();
    await expect(dialog).toBeHidden();
    const mine = page.getByRole('list', { name: 'Your passkeys' }).getByRole('listitem').filter({
      hasText: name,
    });
    await expect(mine).toBeVisible();
    await expect(mine).toContainText('Never used to sign in');
    await expectAccessible(page);
    await screenshot(page, 'passkeys-account-list');

    // Sign out everywhere, then back in with nothing but the passkey.
    await header(page)
      .getByRole('button', { name: /account menu/ })
      .click();
    await header(page).getByRole('button', { name: 'Sign out' }).click();
    await expect(header(page).getByRole('button', { name: 'Sign in' })).toBeVisible();
    await header(page).getByRole('button', { name: 'Sign in' }).click();
    await passkeyButton(page).click();
    await expect(page).toHaveURL(new RegExp(`^${urls.gateway}/`));
    await expect(header(page).getByRole('button', { name: /account menu/ })).toBeVisible();

    await page.goto(`${urls.gateway}/account/passkeys`);
    await expect(mine).toContainText('Last used today');

    await mine.getByRole('button', { name: `Rename ${name}` }).click();
    const rename = page.getByRole('dialog', { name: 'Rename passkey' });
    await rename.getByLabel('Name').fill(`${name} (renamed)`);
    await rename.getByRole('button', { name: 'Save name' }).click();
    await expect(mine).toContainText(`${name} (renamed)`);

    // Removing asks first; the password stays, so the passkey may go.
    await mine.getByRole('button', { name: /^Remove / }).click();
    const confirm = page.getByRole('dialog', { name: 'Remove this passkey?' });
    await expect(confirm).toBeVisible();
    await confirm.getByRole('button', { name: 'Remove passkey' }).click();
    await expect(mine).toHaveCount(0);
  });

  test('a new maker signs up with a passkey, verifies the email and signs in with it', async ({
    page,
  }) => {
    await setFlag(token, FLAG, true, 'Passkeys are checked in the browser.');
    await addVirtualAuthenticator(page);
    const email = `passkey-maker-${Date.now().toString(36)}@example.org`;

    await openSignIn(page);
    await page.getByRole('link', { name: 'Create an account' }).click();
    await page.getByLabel('Your name').fill('Pat Passkey');
    await page.getByLabel('Email').fill(email);
    await page.getByRole('button', { name: 'Create account with a passkey' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Check your email' })).toBeVisible();

    const mailbox = await fetch(`${urls.authApi}/dev/mail?to=${encodeURIComponent(email)}`);
    const [mail] = ((await mailbox.json()) as { items: { kind: string; text: string }[] }).items;
    expect(mail?.kind).toBe('email-verification');
    await page.goto(/https?:\/\/\S+verify-email\?key=[\w-]+/.exec(mail!.text)![0]);
    await expect(page.getByRole('heading', { level: 1, name: 'Email verified' })).toBeVisible();

    await openSignIn(page);
    await passkeyButton(page).click();
    await expect(page).toHaveURL(new RegExp(`^${urls.gateway}/`));
    await expect(
      header(page).getByRole('button', { name: /Pat Passkey.*account menu/ }),
    ).toBeVisible();
  });

  test('an authenticator holding no MakrX passkey signs nobody in', async ({ page }) => {
    await setFlag(token, FLAG, true, 'Passkeys are checked in the browser.');
    // A fresh authenticator holds no passkey of this site: the browser finds none to offer.
    await addVirtualAuthenticator(page);
    await openSignIn(page);
    await passkeyButton(page).click();
    await expect(page.getByText(/No passkey was used|That did not work/)).toBeVisible();
    await expect(page.locator('input[name="username"]')).toBeVisible();
  });
});
