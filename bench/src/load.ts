import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { promisify } from 'node:util';
import autocannon from 'autocannon';

export interface LoadResult {
  requestsPerSecond: number;
  p99Ms: number;
  errors: number;
  non2xx: number;
  /** Which load generator measured it. */
  tool: 'wrk' | 'autocannon';
}

const WRK = '/usr/bin/wrk';
const run = promisify(execFile);

/**
 * Load against one URL: a short warm-up, then the measured run. wrk (Debian's package) when it
 * is installed: written in C, it leaves the two cores of a small machine to the server under
 * test, so the latencies are the server's rather than the load generator's. autocannon
 * otherwise, which runs in this Node process.
 */
export async function load(url: string, connections: number, seconds: number): Promise<LoadResult> {
  return existsSync(WRK)
    ? loadWithWrk(url, connections, seconds)
    : loadWithAutocannon(url, connections, seconds);
}

async function loadWithWrk(url: string, connections: number, seconds: number): Promise<LoadResult> {
  const args = (duration: number) => [
    '-t1',
    `-c${connections}`,
    `-d${duration}s`,
    '--latency',
    url,
  ];
  await run(WRK, args(2));
  const { stdout } = await run(WRK, args(seconds));
  const number = (pattern: RegExp) => Number(pattern.exec(stdout)?.[1] ?? Number.NaN);
  const socketErrors = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(
    stdout,
  );
  return {
    requestsPerSecond: number(/Requests\/sec:\s+([\d.]+)/),
    p99Ms: wrkDurationMs(/^\s+99%\s+(\S+)$/m.exec(stdout)?.[1] ?? 'NaN'),
    errors: socketErrors ? socketErrors.slice(1).reduce((sum, n) => sum + Number(n), 0) : 0,
    non2xx: number(/Non-2xx or 3xx responses: (\d+)/) || 0,
    tool: 'wrk',
  };
}

/** wrk prints durations as `812.00us`, `9.53ms` or `1.02s`. */
function wrkDurationMs(text: string): number {
  const match = /^([\d.]+)(us|ms|s)$/.exec(text);
  if (!match) return Number.NaN;
  const value = Number(match[1]);
  return match[2] === 'us' ? value / 1000 : match[2] === 's' ? value * 1000 : value;
}

async function loadWithAutocannon(
  url: string,
  connections: number,
  seconds: number,
): Promise<LoadResult> {
  await autocannon({ url, connections, duration: 2 });
  const result = await autocannon({ url, connections, duration: seconds });
  return {
    requestsPerSecond: result.requests.average,
    p99Ms: result.latency.p99,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
    tool: 'autocannon',
  };
}
