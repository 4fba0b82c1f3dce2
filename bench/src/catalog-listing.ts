import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { load } from './load';
import { startProcess, stopProcess, waitForHttp } from './processes';
import type { Comparison } from './report';
import type { BenchDatabase } from './database';

const root = fileURLToPath(new URL('../..', import.meta.url));
const CONNECTIONS = 50;
const SECONDS = 10;
const LISTING = '/api/v1/products?page=1&pageSize=24&sort=featured';

/**
 * DESIGN target: the catalog listing over HTTP with PostgreSQL does at least 0.85 of the
 * requests per second of a bare Fastify route returning the same JSON, with p99 under 10 ms at
 * 50 connections.
 */
export async function benchCatalogListing(database: BenchDatabase): Promise<Comparison[]> {
  const work = mkdtempSync(join(tmpdir(), 'makrx-bench-'));
  const storePort = '18903';
  const peerPort = '18904';
  const store = startProcess(join(root, 'services/store/src/main.ts'), [], {
    PORT: storePort,
    LOG_LEVEL: 'warn',
    // Not NODE_ENV=production: it only makes the store refuse the demo catalog and the offline
    // payment gateway this bench runs on (packages/contracts/src/production-defaults.ts).
    ...(database.url ? { DATABASE_URL: database.url } : { MAKRX_DATA_DIR: work }),
  });
  let peer;
  try {
    await waitForHttp(`http://127.0.0.1:${storePort}/ready`, store);
    const body = await (await fetch(`http://127.0.0.1:${storePort}${LISTING}`)).text();
    const bodyFile = join(work, 'catalog.json');
    writeFileSync(bodyFile, body);
    peer = startProcess(join(root, 'bench/src/peers/bare-fastify.ts'), [bodyFile, peerPort], {});
    await waitForHttp(`http://127.0.0.1:${peerPort}${LISTING}`, peer);

    const ours = await load(`http://127.0.0.1:${storePort}${LISTING}`, CONNECTIONS, SECONDS);
    const theirs = await load(`http://127.0.0.1:${peerPort}${LISTING}`, CONNECTIONS, SECONDS);
    const what = `catalog listing (${database.label}, ${CONNECTIONS} connections, ${Buffer.byteLength(body)} B, ${ours.tool})`;
    return [
      {
        what,
        metric: 'requests/s',
        ours: ours.requestsPerSecond,
        peer: theirs.requestsPerSecond,
        peerName: 'bare Fastify from memory',
        higherIsBetter: true,
        target: { ratioAtLeast: 0.85 },
        failures: ours.errors + ours.non2xx,
      },
      {
        what,
        metric: 'p99 latency ms',
        ours: ours.p99Ms,
        peer: theirs.p99Ms,
        peerName: 'bare Fastify from memory',
        higherIsBetter: false,
        target: { oursAtMost: 10 },
        failures: ours.errors + ours.non2xx,
      },
    ];
  } finally {
    await stopProcess(store);
    if (peer) await stopProcess(peer);
    rmSync(work, { recursive: true, force: true });
  }
}
