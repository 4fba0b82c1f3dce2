import { AUDIT_MAX_MERGE_DELAY_MS } from '@makrx/db';
import { rushForVariant } from '@makrx/store-service/rush';
import pg from 'pg';
import type { BenchDatabase } from './database';
import { startProcess, stopProcess, waitForHttp } from './processes';
import type { Comparison } from './report';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

const root = fileURLToPath(new URL('../..', import.meta.url));
const BUYERS = 200;
const UNITS = 50;
const SKU = 'TOL-CAL-DIG-150';
const POOL = 10;

/**
 * DESIGN "no overselling": 200 buyers at once for 50 units of one variant, each placing and
 * paying an order over HTTP. Exactly 50 must be paid, stock must end at 0, no 5xx. The peer is
 * the bare conditional UPDATE that guards the stock, run as often with as many connections;
 * the targets: settled in under 0.5 s, at least half the bare UPDATE's rate.
 * Audited writes no longer wait for each other; the audit settle time says how soon after the
 * rush the sequencer has sealed them all (within the maximum merge delay).
 */
export async function benchCheckoutRush(database: BenchDatabase): Promise<Comparison[]> {
  if (!database.url) return [];
  const storePort = '18905';
  const db = new pg.Pool({ connectionString: database.url, max: POOL });
  // An idle connection dropped by the server is the pool's to replace, not the bench's end.
  db.on('error', (error) => console.warn(`bench pool: ${error.message}`));
  const store = startProcess(join(root, 'services/store/src/main.ts'), [], {
    PORT: storePort,
    LOG_LEVEL: 'warn',
    // Not NODE_ENV=production: it only makes the store refuse the demo catalog and the offline
    // payment gateway this bench runs on (packages/contracts/src/production-defaults.ts).
    DATABASE_URL: database.url,
    DATABASE_POOL_SIZE: String(POOL),
  });
  try {
    await waitForHttp(`http://127.0.0.1:${storePort}/ready`, store);
    const restock = async () =>
      (
        await db.query<{ id: string }>(
          'update store.product_variants set stock = $1 where sku = $2 returning id',
          [UNITS, SKU],
        )
      ).rows[0]!.id;

    // A warm-up rush first, as the catalog's load has its warm-up: a server that has never
    // placed an order is still compiling the code that does; the measured rush is the second.
    await rushForVariant(`http://127.0.0.1:${storePort}`, await restock(), BUYERS);
    const variantId = await restock();
    const rush = await rushForVariant(`http://127.0.0.1:${storePort}`, variantId, BUYERS);
    const settleMs = await auditSettleTime(db);
    const left = (
      await db.query<{ stock: number }>('select stock from store.product_variants where id = $1', [
        variantId,
      ])
    ).rows[0]!.stock;

    await restock();
    const started = performance.now();
    await Promise.all(
      Array.from({ length: BUYERS }, () =>
        db.query(
          'update store.product_variants set stock = stock - 1 where id = $1 and stock >= 1',
          [variantId],
        ),
      ),
    );
    const bareMs = performance.now() - started;

    const failures =
      rush.serverErrors + rush.other.length + Math.abs(rush.paid - UNITS) + Math.abs(left);
    const what = `checkout rush: ${BUYERS} buyers for ${UNITS} units (${database.label}; ${rush.paid} paid, ${rush.soldOut} sold out, ${rush.serverErrors} 5xx, stock left ${left})`;
    return [
      {
        what,
        metric: 'buyers served/s',
        ours: BUYERS / (rush.elapsedMs / 1000),
        peer: BUYERS / (bareMs / 1000),
        peerName: `bare conditional UPDATE (pg, ${POOL} connections)`,
        higherIsBetter: true,
        target: { ratioAtLeast: 0.5 },
        failures,
      },
      {
        what,
        metric: 'rush settled ms',
        ours: rush.elapsedMs,
        peer: bareMs,
        peerName: `bare conditional UPDATE (pg, ${POOL} connections)`,
        higherIsBetter: false,
        target: { oursAtMost: 500 },
        failures,
      },
      {
        what,
        metric: 'audit settle ms',
        ours: settleMs,
        peer: AUDIT_MAX_MERGE_DELAY_MS,
        peerName: "the audit log's maximum merge delay",
        higherIsBetter: false,
        target: { oursAtMost: AUDIT_MAX_MERGE_DELAY_MS },
        failures,
      },
      {
        what,
        metric: 'paid orders',
        ours: rush.paid,
        peer: UNITS,
        peerName: 'units in stock',
        higherIsBetter: true,
        target: { ratioAtLeast: 1, oursAtMost: UNITS },
        failures,
      },
    ];
  } finally {
    await stopProcess(store);
    await db.end();
  }
}

/**
 * From the last answer until the service's audit sequencer has sealed every row the rush
 * wrote: how far behind the writers the hash chain runs. Gives up (and so fails the target) at
 * ten times the maximum merge delay, rather than hang on a sequencer that is not running.
 */
async function auditSettleTime(db: pg.Pool): Promise<number> {
  const started = performance.now();
  const elapsed = () => performance.now() - started;
  while (elapsed() < 10 * AUDIT_MAX_MERGE_DELAY_MS) {
    const { rows } = await db.query<{ unsealed: boolean }>(
      'select exists (select 1 from public.audit_logs where chain_position is null) as unsealed',
    );
    if (!rows[0]!.unsealed) break;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return elapsed();
}
