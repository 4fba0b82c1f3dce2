/**
 * `npm start`: the whole of MakrX in one process tree, in embedded mode. Builds what is not
 * built, migrates, seeds demo data on first run, starts the services and apps, prints the
 * URLs. Ctrl-C stops all of it.
 */
import { fileURLToPath } from 'node:url';
import { ConfigError, requireSupportedRuntime } from '@makrx/service-kit';
import { startMakrx, type RunningMakrx } from './start-makrx';

const root = fileURLToPath(new URL('../..', import.meta.url));

let makrx: RunningMakrx;
try {
  requireSupportedRuntime();
  makrx = await startMakrx(root, process.env, (line) => console.log(line));
} catch (err) {
  if (!(err instanceof ConfigError)) throw err;
  console.error(err.message);
  process.exit(1);
}
makrx.printUrls();

let stopping = false;
const stop = async (signal: string) => {
  if (stopping) process.exit(1);
  stopping = true;
  console.log(`\n${signal}: stopping MakrX …`);
  const timer = setTimeout(() => process.exit(1), 15_000).unref();
  await makrx.stop();
  clearTimeout(timer);
  console.log('Stopped. Your data is in', makrx.config.MAKRX_DATA_DIR);
  process.exit(0);
};
process.once('SIGINT', () => void stop('SIGINT'));
process.once('SIGTERM', () => void stop('SIGTERM'));
makrx.onUnexpectedExit(() => void stop('a part of MakrX stopped'));
