import { personAt } from './cave-session';
import { expect, test, type Page } from './fixtures';
import { expectAccessible, reloadUntil, screenshot } from './page-checks';
import { urls } from './urls';

/*
 * Issue 15, "Following a maker puts their next public project into the follower's feed": Chris
 * Customer follows Milo Member on MakrX.org; Milo starts a private and a public project in
 * MakrCave; Chris's feed shows the public one only. Milo's profile starts private and is left so.
 */
const maker = { login: 'member@demo.makrx.org', name: 'Milo Member', handle: 'member' };
const follower = 'customer@demo.makrx.org';

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

async function startProject(page: Page, title: string, visibility: 'public' | 'private') {
  await page.goto(`${urls.cave}/new-project`);
  const form = page.getByRole('form', { name: 'New project' });
  await form.getByLabel('Title').fill(title);
  await form
    .getByLabel('Summary')
    .fill('A weatherproof sensor that logs soil moisture every hour.');
  await form.getByLabel('Status').selectOption('in_progress');
  await form.getByRole('radio', { name: visibility === 'public' ? /^Public/ : /^Private/ }).check();
  await form.getByRole('button', { name: 'Create project' }).click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
}

test.describe('The community feed on MakrX.org', () => {
  test('following a maker puts their next public project into the follower’s feed, never a private one', async ({
    browser,
  }) => {
    test.setTimeout(180_000);
    const stamp = Date.now().toString(36);
    const shown = `Soil moisture logger ${stamp}`;
    const hidden = `Anniversary music box ${stamp}`;

    const milo = await personAt(browser, maker.login, '/my-projects');
    await setProfileVisibility(milo, 'public');

    const chris = await personAt(browser, follower, '/');
    await chris.goto(`${urls.gateway}/makers/${maker.handle}`);
    await expect(chris.getByRole('heading', { level: 1, name: maker.name })).toBeVisible();
    const unfollow = chris.getByRole('button', { name: `Unfollow ${maker.name}` });
    const follow = chris.getByRole('button', { name: `Follow ${maker.name}` });
    await expect(follow.or(unfollow)).toBeVisible();
    if (await unfollow.isVisible()) await unfollow.click();
    await expect(follow).toBeVisible();

    // Following nobody yet: the feed says so and suggests makers, each with a follow button.
    await chris.goto(`${urls.gateway}/feed`);
    await expect(chris.getByRole('heading', { level: 1, name: 'Your feed' })).toBeVisible();
    await expect(chris.getByRole('heading', { name: 'Your feed is empty' })).toBeVisible();
    await expect(chris.getByRole('button', { name: 'Follow Ananya Rao' })).toBeVisible();
    await expect(chris.getByText('Nobody yet.')).toBeVisible();
    await expectAccessible(chris);
    await screenshot(chris, 'gateway-feed-empty');

    await chris.goto(`${urls.gateway}/makers/${maker.handle}`);
    await follow.click();
    await expect(unfollow).toHaveAttribute('aria-pressed', 'true');
    await expect(chris.getByTestId('follower-count')).toContainText('1 follower');
    await screenshot(chris, 'gateway-maker-following');

    // Private first: the cave's events leave in order, so the public one arrives after it.
    await startProject(milo, hidden, 'private');
    await startProject(milo, shown, 'public');

    await chris.goto(`${urls.gateway}/feed`);
    const item = chris.getByRole('article', {
      name: `${maker.name} shared a new project: ${shown}`,
    });
    await reloadUntil(
      chris,
      chris
        .getByRole('article')
        .or(chris.getByRole('heading', { name: 'Your feed is empty' }))
        .first(),
      () => expect(item).toBeVisible({ timeout: 2_000 }),
    );
    await expect(item.getByRole('link', { name: shown })).toHaveAttribute(
      'href',
      new RegExp(`^${urls.cave}/projects/`),
    );
    await expect(chris.getByRole('main')).not.toContainText(hidden);
    await expect(
      chris.getByRole('complementary', { name: 'Whom you follow' }).getByRole('link', {
        name: maker.name,
      }),
    ).toBeVisible();
    await expectAccessible(chris);
    await screenshot(chris, 'gateway-feed');

    // Milo's makerspace directory, from the feed's makerspaces: Milo is named, the others counted.
    await milo.goto(`${urls.gateway}/feed`);
    await milo.getByRole('link', { name: 'Members directory' }).first().click();
    await expect(
      milo.getByRole('heading', { level: 1, name: 'MakrX Hub Bengaluru' }),
    ).toBeVisible();
    await expect(milo.getByRole('link', { name: maker.name })).toBeVisible();
    await expect(milo.getByText(/keep their profiles? private/)).toBeVisible();
    await expectAccessible(milo);
    await screenshot(milo, 'gateway-makerspace-members');

    // Leave the demo as it was: Chris follows nobody, Milo's profile is private again.
    await chris.goto(`${urls.gateway}/makers/${maker.handle}`);
    await unfollow.click();
    await expect(follow).toBeVisible();
    await setProfileVisibility(milo, 'private');
  });
});
