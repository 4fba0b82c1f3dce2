import { expect, test, type Page } from './fixtures';
import { signInAtCave } from './cave-session';
import { expectAccessible, reloadUntil, screenshot } from './page-checks';
import { urls } from './urls';

// The demo member, whose profile starts private; it is made public here and private again.
const maker = { login: 'member@demo.makrx.org', name: 'Milo Member', handle: 'member' };

async function setProfileVisibility(page: Page, visibility: 'public' | 'private') {
  await page.goto(`${urls.gateway}/account/addresses`);
  const card = page.getByRole('region', { name: 'Your maker profile' });
  const wanted = visibility === 'public' ? 'Public — listed' : 'Private — hidden from everyone';
  const button = visibility === 'public' ? 'Make my profile public' : 'Make my profile private';
  await expect(card.getByRole('button', { name: /Make my profile/ })).toBeEnabled();
  if (!(await card.textContent())?.includes(wanted)) {
    await card.getByRole('button', { name: button }).click();
  }
  await expect(card).toContainText(wanted);
}

/** Creates a project from the cave's form, completed, and returns its page's path. */
async function createCompletedProject(
  page: Page,
  title: string,
  visibility: 'public' | 'private',
): Promise<string> {
  await page.goto(`${urls.cave}/new-project`);
  const form = page.getByRole('form', { name: 'New project' });
  await form.getByLabel('Title').fill(title);
  await form.getByLabel('Summary').fill('Built, tested and written up.');
  await form.getByLabel('Tags').fill('Electronics');
  await form.getByLabel('Status').selectOption('completed');
  await form.getByRole('radio', { name: visibility === 'public' ? /^Public/ : /^Private/ }).check();
  await form.getByRole('button', { name: 'Create project' }).click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  return new URL(page.url()).pathname;
}

test.describe('A maker’s achievements and projects on MakrX.org', () => {
  test('a completed public project shows on the profile with its achievement; a private one nowhere public', async ({
    page,
    browser,
  }) => {
    test.setTimeout(180_000);
    const stamp = Date.now().toString(36);
    const shown = `Solar garden light ${stamp}`;
    const hidden = `Surprise birthday drone ${stamp}`;

    await signInAtCave(page, maker.login, '/my-projects');
    await setProfileVisibility(page, 'public');
    const shownPath = await createCompletedProject(page, shown, 'public');
    // The owner features it on the profile from the project's page.
    await page.getByRole('button', { name: 'Feature on my profile' }).click();
    await expect(page.getByRole('button', { name: 'Featured on your profile' })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
    const hiddenPath = await createCompletedProject(page, hidden, 'private');
    await expect(page.getByText('Make the project public to feature it')).toBeVisible();

    // A guest, in a browser of their own.
    const guestContext = await browser.newContext();
    const guest = await guestContext.newPage();
    await guest.goto(`${urls.gateway}/makers/${maker.handle}`);
    await expect(guest.getByRole('heading', { level: 1, name: maker.name })).toBeVisible();
    const achievements = guest.getByRole('region', { name: 'Achievements' });
    // The cave sends the change through its outbox; the profile has it once it arrived.
    await reloadUntil(guest, guest.getByRole('heading', { level: 1, name: maker.name }), () =>
      expect(achievements.getByText(`Completed “${shown}”`)).toBeVisible({ timeout: 2_000 }),
    );
    await expect(achievements.getByText('Completed a first project')).toBeVisible();
    // Milo has written no bio and named no city: no empty heading, and nowhere odd to go.
    await expect(guest.getByRole('heading', { name: 'About Milo' })).toHaveCount(0);
    await expect(guest.getByRole('link', { name: 'Find a makerspace' })).toHaveAttribute(
      'href',
      `${urls.cave}/`,
    );
    const projects = guest.getByRole('region', { name: 'Projects' });
    const card = projects.getByRole('listitem').filter({ hasText: shown });
    await expect(card).toContainText('Featured');
    await expect(card).toContainText('Completed');
    await expect(card.getByRole('link', { name: shown })).toHaveAttribute(
      'href',
      `${urls.cave}${shownPath}`,
    );
    // The private project: not on the profile, not in its achievements.
    await expect(guest.getByRole('main')).not.toContainText(hidden);
    await expect(guest.getByRole('main')).not.toContainText('Surprise birthday drone');
    await expectAccessible(guest);
    await screenshot(guest, 'gateway-maker-highlights');
    await guest.setViewportSize({ width: 390, height: 844 });
    await screenshot(guest, 'gateway-maker-highlights-phone');

    // Nor anywhere else a guest looks: the cave's lists, its page, the unified search.
    await guest.goto(`${urls.cave}/projects?tag=Electronics`);
    await expect(guest.getByRole('link', { name: shown })).toBeVisible();
    await expect(guest.getByRole('main')).not.toContainText(hidden);
    await guest.goto(`${urls.cave}${hiddenPath}`);
    await expect(
      guest.getByRole('heading', { level: 1, name: 'We couldn’t find that project' }),
    ).toBeVisible();
    await guest.goto(`${urls.gateway}/search?q=${encodeURIComponent(stamp)}`);
    await expect(
      guest.getByRole('region', { name: /^Projects/ }).getByRole('link', { name: shown }),
    ).toBeVisible();
    await expect(guest.getByRole('main')).not.toContainText(hidden);
    await guestContext.close();

    await setProfileVisibility(page, 'private');
  });
});
