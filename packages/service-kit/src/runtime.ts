import { ConfigError } from './config';

/**
 * The Node.js line MakrX runs, is tested and is benchmarked on. The project carries it as its
 * `node` dev dependency, and `npm start`, `npm test` and `npm run …` put that binary first on
 * the path, so a machine whose own Node.js is older still runs MakrX on this one.
 */
export const SUPPORTED_NODE_MAJOR = 24;

/** Refuses to start on a Node.js line that no longer gets security fixes. */
export function requireSupportedRuntime(version: string = process.versions.node): void {
  const major = Number(version.split('.')[0]);
  if (major >= SUPPORTED_NODE_MAJOR) return;
  throw new ConfigError([
    `MakrX runs on Node.js ${SUPPORTED_NODE_MAJOR} or later, not ${version}: start it through npm ` +
      `(npm start, npm test, npm run …), which uses the project's own Node.js ${SUPPORTED_NODE_MAJOR}.`,
  ]);
}
