import AxeBuilder from '@axe-core/playwright';
import { expect, type Locator, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const screenshots = fileURLToPath(new URL('../screenshots/', import.meta.url));

/**
 * No serious or critical accessibility violation on the page as it stands, leaving out what
 * `exclude` selects (a sandboxed frame that runs no scripts, which axe cannot enter).
 */
export async function expectAccessible(
  page: Page,
  { exclude = [] }: { exclude?: string[] } = {},
): Promise<void> {
  const axe = new AxeBuilder({ page });
  for (const selector of exclude) axe.exclude(selector);
  const { violations } = await axe.analyze();
  const blocking = violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
    );
  expect(blocking, blocking.join('\n')).toEqual([]);
}

/**
 * Screenshots at desktop and phone widths, kept in e2e/screenshots for review: the full page,
 * or (`fullPage: false`) what the window shows, for a modal dialog over a long page.
 */
export async function screenshot(
  page: Page,
  name: string,
  { fullPage = true }: { fullPage?: boolean } = {},
): Promise<void> {
  mkdirSync(screenshots, { recursive: true });
  await page.screenshot({ path: `${screenshots}${name}-desktop.png`, fullPage });
  const desktop = page.viewportSize();
  await page.setViewportSize({ width: 390, height: 844 });
  // Two frames: what follows the new size (a canvas's resize observer) has drawn. A page
  // opened without JavaScript draws no frames for a script to wait on, so that wait is bounded.
  await Promise.race([
    page.evaluate(
      () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))),
    ),
    page.waitForTimeout(1_000),
  ]);
  await page.screenshot({ path: `${screenshots}${name}-phone.png`, fullPage });
  if (desktop) await page.setViewportSize(desktop);
}

/**
 * Reloads `page` until `check` passes, for what another service sends in the background (an
 * outbox event that has to arrive first). Each reload waits for `loaded`, the part of the page
 * that shows its data has come, before checking, so a page still loading on a busy machine is
 * never taken for one without the change. `check` should look briefly (a second or two).
 */
export async function reloadUntil(
  page: Page,
  loaded: Locator,
  check: () => Promise<void>,
): Promise<void> {
  await expect(async () => {
    await page.reload();
    await expect(loaded).toBeVisible({ timeout: 20_000 });
    await check();
  }).toPass({ timeout: 60_000 });
}
