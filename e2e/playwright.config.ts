import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from '@playwright/test';
import { urls } from './tests/urls';

// The whole system, started by the launcher on ports of its own and a fresh data folder, so
// the suite never touches a running `npm start` or its data.
const dataDir = process.env.E2E_DATA_DIR ?? mkdtempSync(join(tmpdir(), 'makrx-e2e-'));

export default defineConfig({
  testDir: './tests',
  outputDir: './test-results',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: true,
  timeout: 30_000,
  // What a page shows after a server round trip can take a few seconds on a busy two-core
  // machine; waiting up to ten costs nothing when it is quick.
  expect: { timeout: 10_000 },
  reporter: [['list']],
  use: {
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-gpu',
      ],
    },
    screenshot: 'only-on-failure',
    trace: 'off',
  },
  webServer: {
    command: 'npx tsx launcher/src/main.ts',
    cwd: '..',
    url: `${urls.store}/`,
    timeout: 15 * 60_000,
    reuseExistingServer: false,
    stdout: 'pipe',
    stderr: 'pipe',
    env: {
      MAKRX_DATA_DIR: dataDir,
      GATEWAY_URL: urls.gateway,
      CAVE_URL: urls.cave,
      STORE_URL: urls.store,
      AUTH_API_URL: urls.authApi,
      CAVE_API_URL: urls.caveApi,
      STORE_API_URL: urls.storeApi,
      OIDC_ISSUER: urls.issuer,
      MAKRX_EMBEDDED_IDP: 'true',
    },
  },
});
