import { randomUUID } from 'node:crypto';
import type { PlacedOrder, Product } from '@makrx/contracts';
import { expect, test, type Page } from './fixtures';
import { setFlag, superAdminToken } from './flag-api';
import { signUpNewcomerAt } from './newcomer';
import { expectAccessible, screenshot } from './page-checks';
import { urls } from './urls';

const member = { name: 'Milo Member', email: 'member@demo.makrx.org' };

/** Signs in from the gateway's header on `path`, and returns the access token the tab holds. */
async function signInAtGateway(page: Page, email: string, path = '/'): Promise<string> {
  await page.goto(`${urls.gateway}${path}`);
  await page.getByRole('banner').getByRole('button', { name: 'Sign in' }).click();
  await page.locator('input[name="username"]').fill(email);
  await page.locator('input[name="password"]').fill('makrx-demo');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(`${urls.gateway}${path}`);
  return page.evaluate(() => {
    const stored = sessionStorage.getItem('makrx.auth.tokens');
    return stored ? (JSON.parse(stored) as { accessToken: string }).accessToken : '';
  });
}

/** An unpaid store order of the signed-in member's own, placed through the store's API. */
async function placeOrder(token: string): Promise<PlacedOrder> {
  const product = (await (
    await fetch(`${urls.storeApi}/api/v1/products/digital-calipers-150mm`)
  ).json()) as Product;
  const response = await fetch(`${urls.storeApi}/api/v1/orders`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${token}`,
      'content-type': 'application/json',
      'idempotency-key': randomUUID(),
    },
    body: JSON.stringify({
      items: [{ variantId: product.variants[0]!.id, quantity: 1 }],
      shippingAddress: {
        name: member.name,
        line1: `${Math.floor(Math.random() * 9000) + 100} Navigator Lane`,
        city: 'San Francisco',
        region: 'CA',
        postalCode: '94107',
        country: 'US',
      },
      shippingMethod: 'standard',
    }),
  });
  expect(response.status, await response.clone().text()).toBe(201);
  return (await response.json()) as PlacedOrder;
}

/** Cancels the order again, so it holds no stock and counts against no limit of later tests. */
async function cancelOrder(token: string, order: PlacedOrder) {
  const response = await fetch(`${urls.storeApi}/api/v1/orders/${order.id}/cancel`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}` },
  });
  expect(response.status, await response.clone().text()).toBe(200);
}

test.describe('The landing of MakrX.org', () => {
  test('tells a guest what MakrX is and leads into each portal for real', async ({ page }) => {
    await page.goto(urls.gateway);
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Dream.');
    await expect(
      page.getByRole('heading', { name: 'One maker platform, three portals' }),
    ).toBeVisible();

    // Every picture tile of the hero is a link to a page that answers.
    const tiles = page.getByRole('navigation', { name: 'Explore by craft' }).getByRole('link');
    await expect(tiles).toHaveCount(4);
    for (const name of ['3D printing', 'Laser cutting', 'Electronics', 'Community']) {
      const href = await tiles.filter({ hasText: name }).getAttribute('href');
      const target = new URL(href!, urls.gateway).href;
      expect((await page.request.get(target)).status(), `${name} → ${target}`).toBe(200);
    }
    await tiles.filter({ hasText: 'Community' }).click();
    await expect(page).toHaveURL(`${urls.gateway}/makers`);
    await page.goBack();

    // One way into each portal: the hub's makers, the cave's makerspaces, the store's shelves.
    const portals = page.getByRole('region', { name: 'One maker platform, three portals' });
    await portals.getByRole('link', { name: 'Meet the makers' }).click();
    await expect(page).toHaveURL(`${urls.gateway}/makers`);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await page.goBack();
    await portals.getByRole('link', { name: 'Explore MakrCave' }).click();
    await expect(page).toHaveURL(`${urls.cave}/`);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await page.goBack();
    await portals.getByRole('link', { name: 'Shop MakrX.Store' }).click();
    await expect(page).toHaveURL(`${urls.store}/`);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await page.goBack();

    // A card promises only what is on: the demo has no live machine status.
    await expect(portals.getByText('Live machine status')).toHaveCount(0);

    // The sections below the fold load as the visitor scrolls to them.
    const projects = page.getByRole('region', { name: 'Recent projects' });
    await projects.scrollIntoViewIfNeeded();
    const projectLink = projects.getByRole('heading', { level: 3 }).getByRole('link').first();
    await expect(projectLink).toHaveAttribute('href', new RegExp(`^${urls.cave}/projects/`));
    const spaces = page.getByRole('region', { name: 'Makerspaces to visit' });
    await spaces.scrollIntoViewIfNeeded();
    const spaceLink = spaces.getByRole('heading', { level: 3 }).getByRole('link').first();
    await expect(spaceLink).toHaveAttribute('href', new RegExp(`^${urls.cave}/makerspaces/`));
    const spaceName = (await spaceLink.textContent())!;
    await spaceLink.click();
    await expect(page.getByRole('heading', { level: 1, name: spaceName })).toBeVisible();
    await page.goBack();

    await expect(spaces.getByRole('heading', { level: 3 }).first()).toBeVisible();
    await expectAccessible(page);
    await screenshot(page, 'gateway-landing-portals');
  });

  test('spotlights featured makers only while SHOW_MAKER_SPOTLIGHT is on', async ({
    page,
    browser,
  }) => {
    const admin = await superAdminToken(browser);
    const spotlight = page.getByRole('region', { name: 'Featured makers' });
    await page.goto(urls.gateway);
    await expect(spotlight).toBeVisible();
    await expect(spotlight.getByRole('link', { name: /Ananya Rao/ })).toBeVisible();
    try {
      await setFlag(admin, 'SHOW_MAKER_SPOTLIGHT', false, 'Landing test: the spotlight goes');
      await page.reload();
      await expect(page.getByRole('region', { name: 'Recent projects' })).toBeVisible();
      await expect(spotlight).toHaveCount(0);
      await expect(page.getByText('Featured makers', { exact: true })).toHaveCount(0);
    } finally {
      await setFlag(admin, 'SHOW_MAKER_SPOTLIGHT', true, 'Landing test: the spotlight is back');
    }
    await page.reload();
    await expect(spotlight).toBeVisible();
  });
});

test.describe('Portal navigation V2', () => {
  test('puts the member’s makerspaces and latest order one click away in all three portals', async ({
    page,
    browser,
  }) => {
    const admin = await superAdminToken(browser);
    const navigator = page.getByRole('banner').getByRole('button', { name: /^Portals/ });
    // With the flag off, the header keeps its row of portal links.
    await page.goto(urls.gateway);
    await expect(page.getByRole('navigation', { name: 'MakrX portals' })).toBeVisible();
    await expect(navigator).toHaveCount(0);

    await setFlag(admin, 'ENABLE_PORTAL_NAVIGATION_V2', true, 'Landing test: navigation V2');
    const token = await signInAtGateway(page, member.email);
    const order = await placeOrder(token);
    try {
      await page.reload();
      await expect(navigator).toBeVisible();
      await expect(page.getByRole('navigation', { name: 'MakrX portals' })).toHaveCount(0);

      // The menu pattern: Enter opens it on its first item, arrows move, Escape closes it.
      await navigator.focus();
      await page.keyboard.press('Enter');
      const menu = page.getByRole('menu', { name: 'Portals and my places' });
      await expect(menu).toBeVisible();
      await expect(menu.getByRole('menuitem').first()).toBeFocused();
      await expect(menu.getByRole('menuitem', { name: /MakrCave/ })).toBeVisible();
      await expect(menu.getByRole('menuitem', { name: /MakrX\.Store/ })).toBeVisible();
      await expect(menu.getByRole('menuitem', { name: /MakrX Hub Bengaluru/ })).toBeVisible();
      await expect(menu.getByRole('menuitem', { name: /MakrX Hub Bengaluru/ })).toContainText(
        'Member',
      );
      const orderItem = menu.getByRole('menuitem', { name: new RegExp(order.number) });
      await expect(orderItem).toBeVisible();
      await page.keyboard.press('ArrowDown');
      await expect(menu.getByRole('menuitem').nth(1)).toBeFocused();
      await page.keyboard.press('End');
      await expect(menu.getByRole('menuitem').last()).toBeFocused();
      await expectAccessible(page);
      await page.screenshot({ path: 'test-results/nav-v2-open-desktop.png' });
      await page.keyboard.press('Escape');
      await expect(menu).toBeHidden();
      await expect(navigator).toBeFocused();

      await page.setViewportSize({ width: 390, height: 844 });
      await navigator.click();
      await expect(orderItem).toBeVisible();
      await page.screenshot({ path: 'test-results/nav-v2-open-phone.png' });
      await orderItem.click();
      await expect(page).toHaveURL(`${urls.store}/orders/${order.number}`);
      await expect(page.getByRole('heading', { level: 1 })).toContainText(order.number);
      await page.setViewportSize({ width: 1280, height: 720 });

      // The store renders the same menu on its server, the cave in the browser.
      await navigator.click();
      await expect(page.getByRole('menuitem', { name: /MakrX Hub Bengaluru/ })).toBeVisible();
      await expect(page.getByRole('menuitem', { name: new RegExp(order.number) })).toBeVisible();
      await page.screenshot({ path: 'test-results/nav-v2-open-store.png' });
      await page.getByRole('menuitem', { name: /MakrX Hub Bengaluru/ }).click();
      await expect(page).toHaveURL(`${urls.cave}/makerspaces/makrx-hub-bengaluru`);
      await navigator.click();
      await expect(page.getByRole('menuitem', { name: new RegExp(order.number) })).toBeVisible();
      await page.getByRole('menuitem', { name: 'My ecosystem' }).click();
      await expect(page).toHaveURL(`${urls.gateway}/account/ecosystem`);
    } finally {
      await cancelOrder(token, order);
      await setFlag(admin, 'ENABLE_PORTAL_NAVIGATION_V2', false, 'Landing test: back to V1');
    }
  });
});

test.describe('My ecosystem', () => {
  test('shows the demo member their makerspace and role, and where their orders are', async ({
    page,
  }) => {
    await page.goto(`${urls.gateway}/account/ecosystem`);
    await expect(
      page.getByRole('heading', { level: 1, name: 'Sign in to see your ecosystem' }),
    ).toBeVisible();

    await signInAtGateway(page, member.email, '/account/ecosystem');
    await expect(page.getByRole('heading', { level: 1, name: 'My ecosystem' })).toBeVisible();
    const spaces = page.getByRole('region', { name: 'Makerspaces', exact: true });
    const hub = spaces.getByRole('listitem').filter({ hasText: 'MakrX Hub Bengaluru' });
    await expect(hub).toContainText('Member');
    await expect(hub.getByRole('link')).toHaveAttribute(
      'href',
      `${urls.cave}/makerspaces/makrx-hub-bengaluru`,
    );
    // Orders and prints: whatever earlier tests left, each section has finished loading.
    for (const name of ['Recent orders', '3D prints']) {
      const section = page.getByRole('region', { name });
      await expect(section.locator('[aria-busy="true"]')).toHaveCount(0);
      await expect(section.getByRole('link').first()).toBeVisible();
    }
    await expectAccessible(page);
    await screenshot(page, 'gateway-my-ecosystem');

    // Purchases stay private until Milo chooses; the choice is kept, and he can take it back.
    const sharing = page.getByRole('checkbox', { name: 'Show my purchase activity on my profile' });
    await expect(sharing).not.toBeChecked();
    await sharing.check();
    await page.reload();
    await expect(sharing).toBeChecked();
    await sharing.uncheck();
    await page.reload();
    await expect(sharing).not.toBeChecked();
  });

  test('leads a newcomer in no makerspace to find one', async ({ page }) => {
    test.slow();
    await signUpNewcomerAt(page, '/account/ecosystem');
    const spaces = page.getByRole('region', { name: 'Makerspaces', exact: true });
    await expect(
      spaces.getByRole('heading', { name: 'You are not in a makerspace yet' }),
    ).toBeVisible();
    await expect(spaces.getByRole('link', { name: 'Find a makerspace' })).toHaveAttribute(
      'href',
      urls.cave,
    );
    await expect(page.getByRole('region', { name: '3D prints' })).toContainText('No prints yet');
    await expectAccessible(page);
    await screenshot(page, 'gateway-my-ecosystem-empty');
  });
});
