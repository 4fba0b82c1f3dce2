import { expect, test } from '@playwright/test';
import { superAdminToken } from './flag-api';
import { expectAccessible, screenshot } from './page-checks';
import { urls } from './urls';

/** A store customer who belongs to no makerspace yet. */
const INVITEE = 'customer@demo.makrx.org';
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
      const response = await fetch(`${urls.authApi}/dev/mail?to=${encodeURIComponent(email)}`);
      const mails = ((await response.json()) as { items: Mail[] }).items;
      const invite = mails.find((mail) => mail.subject.includes('Your invite to'));
      link = invite?.text.match(/https?:\/\/\S+\/invites\/accept\?token=[\w-]+/)?.[0] ?? '';
      return link;
    })
    .not.toBe('');
  return link;
}

test.describe.serial('Joining a makerspace by invite', () => {
  let link = '';

  test('an invite is mailed with a link to accept it', async ({ browser }) => {
    const token = await superAdminToken(browser);
    const space = await fetch(`${urls.caveApi}/api/v1/makerspaces/${HUB}`);
    const { id } = (await space.json()) as { id: string };
    const invited = await fetch(`${urls.caveApi}/api/v1/makerspaces/${id}/invites`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ email: INVITEE, role: 'member' }),
    });
    expect(invited.status, await invited.clone().text()).toBe(201);
    link = await inviteLinkFor(INVITEE);
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

    await page.getByRole('button', { name: 'Sign in to accept' }).click();
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

  test('an altered link is refused with a clear message', async ({ page }) => {
    await page.goto(`${urls.cave}/invites/accept?token=not-a-real-token`);
    await page.getByRole('button', { name: 'Sign in to accept' }).click();
    await page.locator('input[name="username"]').fill(INVITEE);
    await page.locator('input[name="password"]').fill('makrx-demo');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(
      page.getByRole('heading', { level: 1, name: 'This invite link does not work' }),
    ).toBeVisible();
  });
});
