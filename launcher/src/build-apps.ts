import { spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

export interface AppBuild {
  workspace: string;
  /** A file the build writes last; its age says whether the build is current. */
  output: string;
  /** Folders whose files go into the build. */
  inputs: string[];
}

export const appBuilds = (root: string): AppBuild[] => {
  const shared = ['ui', 'contracts', 'spa-kit', 'flags'].map((name) =>
    join(root, 'packages', name, 'src'),
  );
  // Both the store's print page and the cave's project files show 3D models.
  const viewer = ['mesh', 'model-viewer'].map((name) => join(root, 'packages', name, 'src'));
  return [
    {
      workspace: 'apps/gateway',
      output: join(root, 'apps/gateway/dist/index.html'),
      inputs: [join(root, 'apps/gateway/src'), join(root, 'apps/gateway/index.html'), ...shared],
    },
    {
      workspace: 'apps/cave',
      output: join(root, 'apps/cave/dist/index.html'),
      inputs: [
        join(root, 'apps/cave/src'),
        join(root, 'apps/cave/index.html'),
        ...viewer,
        ...shared,
      ],
    },
    {
      workspace: 'apps/store',
      output: join(root, 'apps/store/.next/BUILD_ID'),
      // The print page analyses models in the browser with @makrx/mesh and shows them.
      inputs: [join(root, 'apps/store/src'), ...viewer, ...shared],
    },
  ];
};

/** Builds each app whose output is missing or older than one of its sources. */
export async function buildStaleApps(root: string, log: (line: string) => void): Promise<void> {
  for (const app of appBuilds(root)) {
    if (isCurrent(app)) continue;
    log(`Building ${app.workspace} …`);
    await run('npm', ['run', 'build', '--workspace', app.workspace], root);
  }
}

function isCurrent(app: AppBuild): boolean {
  if (!existsSync(app.output)) return false;
  const built = statSync(app.output).mtimeMs;
  return app.inputs.every((input) => newestChange(input) <= built);
}

function newestChange(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce(
    (newest, entry) => Math.max(newest, newestChange(join(path, entry))),
    stat.mtimeMs,
  );
}

function run(command: string, args: string[], cwd: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, stdio: ['ignore', 'inherit', 'inherit'] });
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0
        ? resolve()
        : reject(new Error(`${command} ${args.join(' ')} exited with ${code}`)),
    );
  });
}
