import { expect, test, type Page } from './fixtures';
import { urls } from './urls';

/** The icons a page links, resolved against the page's address. */
async function linkedIcons(page: Page) {
  const links = page.locator('head link[rel~="icon"]');
  await expect(links.first()).toBeAttached();
  const hrefs = await links.evaluateAll((nodes) =>
    nodes.map((node) => (node as HTMLLinkElement).href),
  );
  return hrefs;
}

/** Each icon answers 200 with an image; /favicon.ico too, where browsers look unasked. */
async function expectIconsServed(page: Page, origin: string) {
  const icons = await linkedIcons(page);
  expect(
    icons.some((href) => /\.svg(\?|$)/.test(href)),
    `${origin} links an SVG icon`,
  ).toBe(true);
  for (const href of [...icons, `${origin}/favicon.ico`]) {
    const answer = await page.request.get(href);
    expect(answer.status(), href).toBe(200);
    expect(answer.headers()['content-type'], href).toMatch(
      /^image\/(svg\+xml|x-icon|vnd\.microsoft\.icon)/,
    );
  }
}

test.describe('every MakrX origin has its icon', () => {
  for (const [name, origin] of [
    ['MakrX.org', urls.gateway],
    ['MakrCave', urls.cave],
    ['MakrX.Store', urls.store],
  ] as const) {
    test(`${name} links its icon and answers /favicon.ico`, async ({ page }) => {
      await page.goto(`${origin}/`);
      await expectIconsServed(page, origin);
    });
  }

  test('the sign-in pages link their icon and the identity provider answers /favicon.ico', async ({
    page,
  }) => {
    await page.goto(`${urls.store}/auth/login`);
    await expect(page.locator('input[name="username"]')).toBeVisible();
    expect(page.url().startsWith(new URL(urls.issuer).origin)).toBe(true);
    await expectIconsServed(page, new URL(urls.issuer).origin);
  });
});
