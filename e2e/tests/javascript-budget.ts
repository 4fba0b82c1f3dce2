import { gzipSync } from 'node:zlib';
import type { Page } from '@playwright/test';

/**
 * Opens `url` and returns the gzipped size in bytes of every script the page loaded
 * (DESIGN: each app's first page ships at most 150 KB of gzipped JavaScript). A script loaded
 * again after the sign-in check's round trip through the identity provider comes from the
 * browser's cache, so it counts once.
 */
export async function gzippedJavaScriptOf(page: Page, url: string): Promise<number> {
  const scripts = new Map<string, Promise<number>>();
  page.on('response', (response) => {
    if (response.request().resourceType() !== 'script' || scripts.has(response.url())) return;
    scripts.set(
      response.url(),
      response.body().then(
        (body) => gzipSync(body).length,
        () => 0,
      ),
    );
  });
  await page.goto(url, { waitUntil: 'networkidle' });
  const sizes = await Promise.all(scripts.values());
  return sizes.reduce((sum, size) => sum + size, 0);
}

export const FIRST_PAGE_BUDGET = 150 * 1024;
