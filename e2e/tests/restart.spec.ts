import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test, type Page } from './fixtures';

/**
 * DESIGN: a restart of the whole system loses nothing. This test runs a MakrX of its own (on
 * ports beside the suite's), signs in, restarts it over the same data, and looks again.
 */
const repository = fileURLToPath(new URL('../..', import.meta.url));
const own = {
  gateway: 'http://localhost:13100',
  cave: 'http://localhost:13101',
  store: 'http://localhost:13103',
  issuer: 'http://localhost:18180/realms/makrx',
};

function startMakrx(dataDir: string): Promise<ChildProcess> {
  const child = spawn('npx', ['tsx', 'launcher/src/main.ts'], {
    cwd: repository,
    detached: true,
    stdio: ['ignore', 'pipe', 'inherit'],
    env: {
      ...process.env,
      MAKRX_DATA_DIR: dataDir,
      GATEWAY_URL: own.gateway,
      CAVE_URL: own.cave,
      STORE_URL: own.store,
      AUTH_API_URL: 'http://localhost:18101',
      CAVE_API_URL: 'http://localhost:18102',
      STORE_API_URL: 'http://localhost:18103',
      OIDC_ISSUER: own.issuer,
      MAKRX_EMBEDDED_IDP: 'true',
    },
  });
  return new Promise((resolve, reject) => {
    let output = '';
    child.stdout!.on('data', (chunk) => {
      output += chunk;
      if (output.includes('Press Ctrl-C')) resolve(child);
    });
    child.on('exit', (code) => reject(new Error(`MakrX exited with ${code} before it was up`)));
  });
}

/** Ctrl-C, as a person would press it: to the whole process group. */
function stopMakrx(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    child.removeAllListeners('exit');
    child.on('exit', () => resolve());
    process.kill(-child.pid!, 'SIGINT');
  });
}

const signedInAs = (page: Page, name: RegExp) =>
  expect(page.getByRole('banner').getByRole('button', { name })).toBeVisible({ timeout: 15_000 });

test('a signed-in browser stays signed in at all three apps across a restart of MakrX', async ({
  browser,
}) => {
  test.setTimeout(240_000);
  const dataDir = mkdtempSync(join(tmpdir(), 'makrx-restart-'));
  let makrx = await startMakrx(dataDir);
  try {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(own.gateway);
    await page.getByRole('banner').getByRole('button', { name: 'Sign in' }).first().click();
    await page.locator('input[name="username"]').fill('customer@demo.makrx.org');
    await page.locator('input[name="password"]').fill('makrx-demo');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await signedInAs(page, /Chris Customer/);
    await page.goto(own.store);
    await signedInAs(page, /Chris Customer/);

    await stopMakrx(makrx);
    makrx = await startMakrx(dataDir);

    await page.goto(own.gateway);
    await signedInAs(page, /Chris Customer/);
    await page.goto(own.store);
    await signedInAs(page, /Chris Customer/);
    const newTab = await context.newPage();
    await newTab.goto(own.cave);
    await signedInAs(newTab, /Chris Customer/);
    await expect(newTab.locator('input[name="password"]')).toHaveCount(0);
    await context.close();
  } finally {
    await stopMakrx(makrx);
    rmSync(dataDir, { recursive: true, force: true });
  }
});
