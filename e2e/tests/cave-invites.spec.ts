import { expect, test, type Browser } from './fixtures';
import { superAdminToken } from './flag-api';
import { expectAccessible, screenshot } from './page-checks';
import { urls } from './urls';

/** A store customer who belongs to no makerspace yet. */
const INVITEE = 'customer@demo.makrx.org';
/** Someone without a MakrX account. */
const NEWCOMER = 'new.maker@example.org';
const HUB = 'makrx-hub-bengaluru';

interface Mail {
  to: string;
  subject: string;
  text: string;
}

/** The invite link in the newest invite mail to `email`, waited on until it arrives. */
async function inviteLinkFor(email: string): Promise<string> {
  let link = '';
  await expect
    .poll(async () => {
      const invite = (await mailsTo(email)).find((mail) => mail.subject.includes('Your invite to'));
      link = invite?.text.match(/https?:\/\/\S+\/invites\/accept\?token=[\w-]+/)?.[0] ?? '';
      return link;
    })
    .not.toBe('');
  return link;
}

async function mailsTo(email: string): Promise<Mail[]> {
  const response = await fetch(`${urls.authApi}/dev/mail?to=${encodeURIComponent(email)}`);
  return ((await response.json()) as { items: Mail[] }).items;
}

/** A super admin invites `email` to the hub as a member; the mailed link. */
async function inviteToHub(browser: Browser, email: string): Promise<string> {
  const token = await superAdminToken(browser);
  const space = await fetch(`${urls.caveApi}/api/v1/makerspaces/${HUB}`);
  const { id } = (await space.json()) as { id: string };
  const invited = await fetch(`${urls.caveApi}/api/v1/makerspaces/${id}/invites`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ email, role: 'member' }),
  });
  expect(invited.status, await invited.clone().text()).toBe(201);
  return inviteLinkFor(email);
}

test.describe.serial('Joining a makerspace by invite', () => {
  let link = '';

  test('an invite is mailed with a link to accept it', async ({ browser }) => {
    link = await inviteToHub(browser, INVITEE);
    expect(link.startsWith(`${urls.cave}/invites/accept?token=`)).toBe(true);
  });

  test('the invitee follows the link, signs in, and lands on the makerspace as a member', async ({
    page,
  }) => {
    await page.goto(link);
    await expect(
      page.getByRole('heading', { level: 1, name: 'You’re invited to a makerspace' }),
    ).toBeVisible();
    await expectAccessible(page);
    await screenshot(page, 'cave-invite-sign-in');

    await page.getByRole('button', { name: 'Accept the invite' }).click();
    await page.locator('input[name="username"]').fill(INVITEE);
    await page.locator('input[name="password"]').fill('makrx-demo');
    await page.getByRole('button', { name: 'Sign in' }).click();

    await expect(page).toHaveURL(`${urls.cave}/makerspaces/${HUB}?joined=1`);
    await expect(page.getByRole('status')).toContainText('You are a member now');
    await screenshot(page, 'cave-invite-joined');

    // The link worked once: opening it again says so, and changes nothing.
    await page.goto(link);
    await expect(
      page.getByRole('heading', { level: 1, name: 'This invite has already been used' }),
    ).toBeVisible();
    await expectAccessible(page);
    await screenshot(page, 'cave-invite-used');
  });

  test('someone new signs up from the link, with no second mail to confirm, and joins', async ({
    browser,
    page,
  }) => {
    const newcomerLink = await inviteToHub(browser, NEWCOMER);
    await page.goto(newcomerLink);
    await page.getByRole('button', { name: 'Accept the invite' }).click();
    // The provider knows the invite: it names the makerspace and the invited address.
    await expect(page.getByRole('status')).toContainText('You are invited to join');
    await expect(page.locator('input[name="username"]')).toHaveValue(NEWCOMER);
    await page.getByRole('link', { name: 'Create an account' }).click();
    await expect(page.locator('input[name="email"]')).toHaveValue(NEWCOMER);
    await screenshot(page, 'cave-invite-sign-up');
    await page.locator('input[name="displayName"]').fill('Nia Newcomer');
    await page.locator('input[name="password"]').fill('a-long-new-password');
    await page.getByRole('button', { name: 'Create account' }).click();

    await expect(page).toHaveURL(`${urls.cave}/makerspaces/${HUB}?joined=1`);
    await expect(page.getByRole('status')).toContainText('You are a member now');
    expect((await mailsTo(NEWCOMER)).map((mail) => mail.subject)).not.toContain(
      'Verify your email for MakrX',
    );
  });

  test('an altered link is refused with a clear message', async ({ page }) => {
    await page.goto(`${urls.cave}/invites/accept?token=not-a-real-token`);
    await page.getByRole('button', { name: 'Accept the invite' }).click();
    await page.locator('input[name="username"]').fill(INVITEE);
    await page.locator('input[name="password"]').fill('makrx-demo');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(
      page.getByRole('heading', { level: 1, name: 'This invite link does not work' }),
    ).toBeVisible();
  });
});
