import { test as base } from '@playwright/test';

export * from '@playwright/test';

/**
 * Playwright's own `test`, closing at the end of each test every browser context the test
 * opened itself (`browser.newContext()`, one per person signed in): the browser lives for the
 * whole run, and a page left open keeps its live streams and sessions on the services, which
 * cap the streams one user may hold — a later test would meet what an earlier one left.
 */
export const test = base.extend<{ closeOwnContexts: void }>({
  closeOwnContexts: [
    async ({ browser }, use) => {
      const before = new Set(browser.contexts());
      await use();
      for (const context of browser.contexts()) if (!before.has(context)) await context.close();
    },
    { auto: true },
  ],
});
