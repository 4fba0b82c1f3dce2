import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { OFFLINE_PAYMENTS } from '@makrx/service-kit';
import type { LauncherConfig } from './config';

/**
 * The store app always runs as a production build (`next start`), so it is handed what
 * production needs: its session key, and whether payments are in test mode. In embedded mode
 * the key is random, made on the first start and kept in the data folder, so nobody can forge
 * a session from a key printed in this repository and sessions survive a restart; the store
 * takes test cards, and says so on every page. In production both come from the environment,
 * where the launcher's own start-up check has already refused them missing.
 */
export function storeAppSecrets(config: LauncherConfig, dataDir: string): Record<string, string> {
  const sessionSecret =
    config.STORE_SESSION_SECRET ??
    (config.NODE_ENV === 'production' ? undefined : embeddedSessionSecret(dataDir));
  if (!sessionSecret) throw new Error('STORE_SESSION_SECRET: required in production');
  const payments: Record<string, string> = config.STRIPE_PUBLISHABLE_KEY
    ? { STRIPE_PUBLISHABLE_KEY: config.STRIPE_PUBLISHABLE_KEY }
    : { MAKRX_PAYMENTS: OFFLINE_PAYMENTS };
  return { STORE_SESSION_SECRET: sessionSecret, ...payments };
}

function embeddedSessionSecret(dataDir: string): string {
  const file = join(dataDir, 'store-session-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  const secret = randomBytes(32).toString('base64url');
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}

/** Starts the built Next.js store as a child process and resolves once it answers. */
export async function startStoreApp(
  root: string,
  port: number,
  env: Record<string, string>,
  onExit: (code: number | null) => void,
): Promise<ChildProcess> {
  const nextBin = createRequire(join(root, 'apps/store/package.json')).resolve(
    'next/dist/bin/next',
  );
  const child = spawn(
    process.execPath,
    [nextBin, 'start', '--port', String(port), '--hostname', '127.0.0.1'],
    {
      cwd: join(root, 'apps/store'),
      env: { ...process.env, ...env, PORT: String(port), NODE_ENV: 'production' },
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
  child.on('exit', onExit);
  await waitUntilAnswering(`http://127.0.0.1:${port}/`, child);
  return child;
}

async function waitUntilAnswering(url: string, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the store app exited with ${child.exitCode}`);
    try {
      await fetch(url, { method: 'HEAD' });
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
  throw new Error(`the store app did not answer at ${url} within a minute`);
}
