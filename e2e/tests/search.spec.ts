import { expect, test, type Page } from './fixtures';
import { expectAccessible, screenshot } from './page-checks';
import { urls } from './urls';

const group = (page: Page, name: string) =>
  page.getByRole('region', { name: new RegExp(`^${name}`) });

test.describe('Unified search', () => {
  test('the header search box at the cave lands on grouped results at the gateway', async ({
    page,
  }) => {
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(urls.cave);
    const box = page.getByRole('searchbox', { name: /Search products, makerspaces/ });
    await box.fill('printer');
    await box.press('Enter');

    await expect(page).toHaveURL(`${urls.gateway}/search?q=printer`);
    await expect(
      page.getByRole('heading', { level: 1, name: 'Results for “printer”' }),
    ).toBeVisible();
    await expect(page.getByRole('status').filter({ hasText: /results? for/ })).toBeVisible();

    const products = group(page, 'Products');
    await expect(products.getByRole('link').first()).toHaveAttribute(
      'href',
      new RegExp(`^${urls.store}/products/`),
    );
    await expect(
      group(page, 'Makerspaces').getByRole('link', { name: /MakrX Hub Bengaluru/ }),
    ).toHaveAttribute('href', `${urls.cave}/makerspaces/makrx-hub-bengaluru`);
    await expect(group(page, 'Makers').getByRole('link', { name: /Ananya Rao/ })).toHaveAttribute(
      'href',
      `${urls.gateway}/makers/ananya-rao`,
    );
    await expect(
      group(page, 'Projects').getByRole('link', { name: /Tendon-driven prosthetic hand/ }),
    ).toHaveAttribute('href', `${urls.cave}/projects/tendon-driven-prosthetic-hand`);

    // The jump links carry each group's count.
    const jumps = page.getByRole('navigation', { name: 'Result groups' });
    await expect(jumps.getByRole('link', { name: /Makerspaces \d+/ })).toBeVisible();

    await expectAccessible(page);
    await screenshot(page, 'search-results');

    await group(page, 'Projects')
      .getByRole('link', { name: /Tendon-driven prosthetic hand/ })
      .click();
    await expect(page).toHaveURL(`${urls.cave}/projects/tendon-driven-prosthetic-hand`);
    await expect(
      page.getByRole('heading', { level: 1, name: 'Tendon-driven prosthetic hand' }),
    ).toBeVisible();
  });

  test('the results are reachable with the keyboard alone', async ({ page }) => {
    await page.goto(`${urls.gateway}/search?q=robotics`);
    await expect(group(page, 'Projects').getByRole('link').first()).toBeVisible();
    await page
      .getByRole('navigation', { name: 'Result groups' })
      .getByRole('link', { name: /^Projects/ })
      .focus();
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/#projects$/);
    await page.keyboard.press('Tab');
    await expect(group(page, 'Projects').getByRole('link').first()).toBeFocused();
  });

  test('a private project is never found', async ({ page }) => {
    // The demo member's private greenhouse controller is tagged ESP32 too.
    await page.goto(`${urls.gateway}/search?q=ESP32`);
    const projects = group(page, 'Projects');
    await expect(projects.getByRole('link', { name: /Line-following robot kit/ })).toBeVisible();
    await expect(projects.getByText(/Greenhouse/)).toHaveCount(0);
    await page.goto(`${urls.gateway}/search?q=greenhouse`);
    await expect(page.getByRole('heading', { name: 'Nothing matches “greenhouse”' })).toBeVisible();
  });

  test('nothing found, and no query yet, each say what to do', async ({ page }) => {
    await page.goto(`${urls.gateway}/search?q=zeppelin`);
    await expect(page.getByRole('heading', { name: 'Nothing matches “zeppelin”' })).toBeVisible();
    await expectAccessible(page);
    await screenshot(page, 'search-nothing-found');

    await page.goto(`${urls.gateway}/search`);
    await expect(page.getByRole('heading', { name: 'What are you looking for?' })).toBeVisible();
    await page.getByRole('link', { name: 'laser cutting' }).click();
    await expect(page).toHaveURL(`${urls.gateway}/search?q=laser%20cutting`);
    await expect(group(page, 'Makerspaces').getByRole('link').first()).toBeVisible();
    await expectAccessible(page);
  });

  test('a service that does not answer leaves the other groups standing', async ({ page }) => {
    await page.route(`${urls.caveApi}/api/v1/search**`, (route) => route.abort());
    await page.goto(`${urls.gateway}/search?q=printer`);
    await expect(
      group(page, 'Makerspaces')
        .getByRole('alert')
        .getByText('We couldn’t search makerspaces just now'),
    ).toBeVisible();
    await expect(
      group(page, 'Projects').getByRole('alert').getByText('We couldn’t search projects just now'),
    ).toBeVisible();
    await expect(group(page, 'Makers').getByRole('link', { name: /Ananya Rao/ })).toBeVisible();
    await expect(group(page, 'Products').getByRole('link').first()).toBeVisible();
    await expect(
      page.getByRole('status').filter({ hasText: 'some services did not answer' }),
    ).toBeVisible();
    await expectAccessible(page);
    await screenshot(page, 'search-one-service-down');
  });

  test('the store header searches the store without JavaScript, one link from all of MakrX', async ({
    browser,
  }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(urls.store);
    await screenshot(page, 'search-store-header-no-js');
    const box = page.getByRole('banner').getByRole('combobox', { name: 'Search the store' });
    await box.fill('calipers');
    await box.press('Enter');
    await expect(page).toHaveURL(`${urls.store}/search?q=calipers`);
    await expect(page.getByRole('link', { name: /Digital Calipers, 150 mm/ })).toBeVisible();
    await page.getByRole('link', { name: 'Search all of MakrX for “calipers”' }).click();
    await expect(page).toHaveURL(`${urls.gateway}/search?q=calipers`);
    await context.close();
  });

  test('on a phone the search box is in the menu', async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(urls.cave);
    await page.getByRole('button', { name: 'Open menu' }).click();
    const box = page.getByRole('searchbox', { name: /Search products, makerspaces/ });
    await box.fill('filament');
    await box.press('Enter');
    await expect(page).toHaveURL(`${urls.gateway}/search?q=filament`);
    await expect(group(page, 'Products').getByRole('link').first()).toBeVisible();
  });
});

test.describe('MakrCave projects', () => {
  test('the projects page lists public projects and opens one', async ({ page }) => {
    await page.goto(urls.cave);
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Projects' })
      .click();
    await expect(page).toHaveURL(`${urls.cave}/projects`);
    await expect(
      page.getByRole('link', { name: 'Line-following robot kit for school teams' }),
    ).toBeVisible();
    await expect(page.getByText('Greenhouse climate controller')).toHaveCount(0);
    await expectAccessible(page);
    await screenshot(page, 'cave-projects');

    await page.getByRole('link', { name: 'Tendon-driven prosthetic hand' }).click();
    await expect(
      page.getByRole('heading', { level: 1, name: 'Tendon-driven prosthetic hand' }),
    ).toBeVisible();
    await expect(page.getByRole('link', { name: 'MakrX Hub Bengaluru' })).toBeVisible();
    await expectAccessible(page);
    await screenshot(page, 'cave-project');
  });

  test('a private project is shown to its owner once signed in', async ({ page }) => {
    await page.goto(`${urls.cave}/projects/greenhouse-climate-controller`);
    await expect(
      page.getByRole('heading', { level: 1, name: 'We couldn’t find that project' }),
    ).toBeVisible();
    await page.getByRole('banner').getByRole('button', { name: 'Sign in' }).click();
    await page.locator('input[name="username"]').fill('member@demo.makrx.org');
    await page.locator('input[name="password"]').fill('makrx-demo');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page).toHaveURL(`${urls.cave}/projects/greenhouse-climate-controller`);
    await expect(
      page.getByRole('heading', { level: 1, name: 'Greenhouse climate controller' }),
    ).toBeVisible();
    await expect(page.getByText('Private — only its owner and collaborators see it')).toBeVisible();
    await expectAccessible(page);
    await screenshot(page, 'cave-project-private');
  });

  test('a private project is not shown to a guest', async ({ page }) => {
    await page.goto(`${urls.cave}/projects/greenhouse-climate-controller`);
    await expect(
      page.getByRole('heading', { level: 1, name: 'We couldn’t find that project' }),
    ).toBeVisible();
  });
});
