import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const main = fileURLToPath(new URL('./main.ts', import.meta.url));
const tsx = createRequire(import.meta.url).resolve('tsx');
const dataDir = mkdtempSync(join(tmpdir(), 'makrx-cave-main-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

function runService(env: Record<string, string>) {
  const child = spawn(process.execPath, ['--import', tsx, main], {
    env: { ...process.env, LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
  return { child, exited, output: () => output };
}

describe('the cave service as its own process', () => {
  it('refuses to start on bad configuration, naming every bad variable', async () => {
    const run = runService({
      PORT: 'not-a-port',
      DATABASE_URL: 'mysql://db/makrx',
      CAVE_URL: 'nope',
    });
    expect(await run.exited).toBe(1);
    expect(run.output()).toMatch(/PORT/);
    expect(run.output()).toMatch(/DATABASE_URL/);
    expect(run.output()).toMatch(/CAVE_URL/);
  });

  it('refuses to start in production on development defaults, naming them all in one message', async () => {
    const run = runService({ NODE_ENV: 'production', PORT: '28502', MAKRX_DATA_DIR: dataDir });
    expect(await run.exited).toBe(1);
    expect(run.output()).toMatch(/Refusing to run in production on:/);
    for (const variable of ['DATABASE_URL', 'SMTP_URL', 'METRICS_TOKEN', 'MAKRX_DEMO_DATA']) {
      expect(run.output()).toContain(`  - ${variable}: `);
    }
  });

  it('serves, then closes its connections and database and exits cleanly on SIGTERM', async () => {
    const run = runService({ PORT: '28502', MAKRX_DATA_DIR: dataDir });
    let ready: Response | undefined;
    for (let attempt = 0; attempt < 200 && !ready?.ok; attempt++) {
      ready = await fetch('http://127.0.0.1:28502/ready').catch(() => undefined);
      if (!ready?.ok) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(ready?.status).toBe(200);
    // fetch keeps its connection alive: an idle client must not hold the shutdown open.
    expect((await fetch('http://127.0.0.1:28502/api/v1/makerspaces')).status).toBe(200);
    run.child.kill('SIGTERM');
    expect(await run.exited).toBe(0);
    await expect(fetch('http://127.0.0.1:28502/health')).rejects.toThrow();
  });
});
