import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, test, type Browser, type Page } from './fixtures';
import { setFlag, superAdminToken } from './flag-api';
import { expectAccessible } from './page-checks';
import { urls } from './urls';

/*
 * Issue 15, "every gateway page looked at, desktop and phone, empty states included": each
 * route of MakrX.org as a guest, a member, a customer with nothing yet and the super admin,
 * photographed at 1280×800 and 390×844 into test-results/pages/<name>-<size>.png, each
 * checked as a visitor would: one titled page, no stray "undefined", nothing wider than a phone.
 */
const shots = fileURLToPath(new URL('../test-results/pages/', import.meta.url));
const sizes = [
  { name: 'desktop', width: 1280, height: 800 },
  { name: 'phone', width: 390, height: 844 },
] as const;

const HUB = 'makrx-hub-bengaluru';
const member = 'member@demo.makrx.org';
const customer = 'customer@demo.makrx.org';
const superAdmin = 'superadmin@demo.makrx.org';

interface Visit {
  name: string;
  path: string | ((page: Page) => Promise<string>);
  /** The main heading a visitor reads first; a RegExp when it carries the data. */
  h1: string | RegExp;
}

async function signedIn(browser: Browser, login: string): Promise<Page> {
  const context = await browser.newContext({ viewport: sizes[0] });
  const page = await context.newPage();
  await page.goto(urls.gateway);
  await page.getByRole('banner').getByRole('button', { name: 'Sign in' }).click();
  await page.locator('input[name="username"]').fill(login);
  await page.locator('input[name="password"]').fill('makrx-demo');
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page).toHaveURL(`${urls.gateway}/`);
  return page;
}

/** Opens the page at each size and checks what a visitor would. */
async function look(page: Page, visit: Visit): Promise<void> {
  const path = typeof visit.path === 'string' ? visit.path : await visit.path(page);
  mkdirSync(shots, { recursive: true });
  for (const size of sizes) {
    await test.step(`${visit.name} at ${size.name}`, async () => {
      await page.setViewportSize({ width: size.width, height: size.height });
      await page.goto(`${urls.gateway}${path}`);
      const heading = page.getByRole('heading', { level: 1 });
      await expect(heading).toHaveCount(1);
      await expect(heading).toHaveText(visit.h1);
      // Down the page and back, as a reader scrolls: sections that load on sight load.
      await page.evaluate(async () => {
        const frame = () => new Promise((done) => requestAnimationFrame(() => done(null)));
        for (let y = 0; y < document.documentElement.scrollHeight; y += window.innerHeight / 2) {
          window.scrollTo(0, y);
          await frame();
        }
        window.scrollTo(0, 0);
      });
      // Loading placeholders gone: what is shown is the page's answer.
      await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
      await expect(page.getByText(/^Loading/)).toHaveCount(0);
      const main = (await page.locator('body').innerText()) ?? '';
      expect.soft(main, `${visit.name}: stray value`).not.toMatch(/\b(undefined|NaN|null)\b/);
      if (size.name === 'phone') {
        const { scrollWidth, innerWidth } = await page.evaluate(() => ({
          scrollWidth: document.documentElement.scrollWidth,
          innerWidth: window.innerWidth,
        }));
        expect
          .soft(scrollWidth, `${visit.name}: wider than the phone`)
          .toBeLessThanOrEqual(innerWidth);
      }
      await page.screenshot({ path: `${shots}${visit.name}-${size.name}.png`, fullPage: true });
      // Soft: one page's finding must not hide the pages after it.
      await expectAccessible(page).catch((error: Error) =>
        expect.soft(error.message, `${visit.name} at ${size.name}: accessibility`).toBe(''),
      );
    });
  }
}

const NOT_FOUND = 'This page doesn’t exist';

test.describe('Every MakrX.org page, desktop and phone', () => {
  test.describe.configure({ timeout: 240_000 });

  test('as a guest', async ({ page }) => {
    const stamp = Date.now().toString(36);
    for (const visit of [
      { name: 'guest-home', path: '/', h1: /.+/ },
      { name: 'guest-makers', path: '/makers', h1: 'Makers on MakrX' },
      { name: 'guest-makers-no-match', path: `/makers?skill=nothing-${stamp}`, h1: /.+/ },
      { name: 'guest-search-empty', path: '/search', h1: 'Search MakrX' },
      {
        name: 'guest-search-no-results',
        path: `/search?q=https://example.org/no-such-thing-anywhere-${stamp}`,
        h1: /.+/,
      },
      { name: 'guest-maker-private', path: '/makers/member', h1: /.+/ },
      { name: 'guest-members', path: `/makerspaces/${HUB}/members`, h1: /.+/ },
      { name: 'guest-feed', path: '/feed', h1: 'Sign in to see your feed' },
      { name: 'guest-notifications', path: '/notifications', h1: /.+/ },
      { name: 'guest-account', path: '/account', h1: 'Sign in to manage your account' },
      { name: 'guest-admin-users', path: '/admin/users', h1: /.+/ },
      { name: 'guest-signed-out', path: '/auth/signed-out', h1: /.+/ },
      {
        name: 'guest-callback-error',
        path: '/auth/callback?error=access_denied',
        h1: 'We couldn’t sign you in',
      },
      { name: 'guest-404', path: `/no-such-page-${stamp}`, h1: NOT_FOUND },
    ] satisfies Visit[])
      await look(page, visit);
  });

  test('as a member, Milo Member', async ({ browser }) => {
    const token = await superAdminToken(browser);
    const page = await signedIn(browser, member);
    const visits: Visit[] = [
      { name: 'member-home', path: '/', h1: /.+/ },
      { name: 'member-makers', path: '/makers', h1: 'Makers on MakrX' },
      { name: 'member-own-profile', path: '/makers/member', h1: /.+/ },
      { name: 'member-account', path: '/account', h1: 'Your account' },
      { name: 'member-profile-edit', path: '/account/profile', h1: /.+/ },
      { name: 'member-preferences', path: '/account/preferences', h1: /.+/ },
      { name: 'member-addresses', path: '/account/addresses', h1: /.+/ },
      { name: 'member-sessions', path: '/account/sessions', h1: 'Sessions' },
      { name: 'member-data', path: '/account/data', h1: 'Your data' },
      { name: 'member-ecosystem', path: '/account/ecosystem', h1: 'My ecosystem' },
      { name: 'member-feed', path: '/feed', h1: 'Your feed' },
      { name: 'member-members', path: `/makerspaces/${HUB}/members`, h1: /.+/ },
      { name: 'member-notifications', path: '/notifications', h1: 'Notifications' },
      { name: 'member-search', path: '/search?q=laser', h1: /.+/ },
      {
        name: 'member-admin-refused',
        path: '/admin/flags',
        h1: 'Only admins can manage feature flags',
      },
    ];
    for (const visit of visits) await look(page, visit);

    await setFlag(token, 'ENABLE_NEW_AUTHENTICATION_FLOW', true, 'Passkey page photographed.');
    try {
      await look(page, { name: 'member-passkeys', path: '/account/passkeys', h1: 'Passkeys' });
    } finally {
      await setFlag(token, 'ENABLE_NEW_AUTHENTICATION_FLOW', false, 'Back as the seed has it.');
    }
  });

  test('as a customer with no makerspace and no projects, Chris Customer', async ({ browser }) => {
    const page = await signedIn(browser, customer);
    for (const visit of [
      { name: 'customer-ecosystem', path: '/account/ecosystem', h1: 'My ecosystem' },
      { name: 'customer-feed', path: '/feed', h1: 'Your feed' },
      { name: 'customer-account', path: '/account', h1: 'Your account' },
      { name: 'customer-notifications', path: '/notifications', h1: 'Notifications' },
    ] satisfies Visit[])
      await look(page, visit);
  });

  test('as the super admin', async ({ browser }) => {
    const page = await signedIn(browser, superAdmin);
    for (const visit of [
      { name: 'admin-flags', path: '/admin/flags', h1: 'Feature flags' },
      { name: 'admin-users', path: '/admin/users', h1: 'Users' },
      {
        name: 'admin-user-detail',
        path: async (p: Page) => {
          await p.goto(`${urls.gateway}/admin/users`);
          const link = p.locator('a[href^="/admin/users/"]').first();
          await expect(link).toBeVisible();
          return (await link.getAttribute('href')) ?? '/admin/users';
        },
        h1: /.+/,
      },
      { name: 'admin-audit', path: '/admin/audit', h1: 'Audit log' },
    ] satisfies Visit[])
      await look(page, visit);
  });
});
