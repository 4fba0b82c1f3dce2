import { spawn, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { join } from 'node:path';

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
