import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { expect, test } from './fixtures';

const storeApp = fileURLToPath(new URL('../../apps/store', import.meta.url));
const nextBin = createRequire(`${storeApp}/package.json`).resolve('next/dist/bin/next');

/** The built store app started as production starts it, with `env` alone; its exit and output. */
function startStoreApp(env: Record<string, string>) {
  const child = spawn(process.execPath, [nextBin, 'start', '--port', '13993'], {
    cwd: storeApp,
    env: { PATH: process.env.PATH ?? '', NODE_ENV: 'production', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
  return { exited, output: () => output, stop: () => child.kill('SIGTERM') };
}

test.describe('The store app in production', () => {
  test('refuses to start on development defaults, naming each in one message', async () => {
    const run = startStoreApp({});
    try {
      expect(await run.exited).toBe(1);
    } finally {
      run.stop();
    }
    expect(run.output()).toContain('Refusing to run in production on:');
    expect(run.output()).toContain('  - STORE_SESSION_SECRET: not set');
    expect(run.output()).toContain('  - STRIPE_PUBLISHABLE_KEY: not set, so payments');
  });

  test('refuses the built-in development session secret', async () => {
    const run = startStoreApp({
      STORE_SESSION_SECRET: 'embedded-store-app-session-development-secret',
      MAKRX_PAYMENTS: 'offline',
    });
    try {
      expect(await run.exited).toBe(1);
    } finally {
      run.stop();
    }
    expect(run.output()).toContain('  - STORE_SESSION_SECRET: is a built-in development secret');
  });
});
