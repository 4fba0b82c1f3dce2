/**
 * `npm run audit:verify`: checks the audit log's hash chain and reports every edited row and
 * every break (a deleted row). Against DATABASE_URL, or the embedded database in
 * MAKRX_DATA_DIR (default ./.makrx) when it is unset — stop `npm start` first, since PGlite
 * serves one process. Exits 1 when the chain is broken, 2 when it could not be checked.
 */
import { join, resolve } from 'node:path';
import { verifyAuditChain } from './audit-verify';
import { connectDatabase } from './connect';

const url = process.env.DATABASE_URL || undefined;
const dataDir = url ? undefined : join(resolve(process.env.MAKRX_DATA_DIR || '.makrx'), 'db');
const handle = await connectDatabase({ url, dataDir, poolSize: 1 }).catch((err: unknown) => {
  console.error(`audit:verify could not open the database: ${String(err)}`);
  process.exit(2);
});
let exitCode = 0;
try {
  const { checked, broken } = await verifyAuditChain(handle.db);
  if (broken.length === 0) {
    console.log(`Audit log intact: ${checked} rows`);
  } else {
    exitCode = 1;
    console.error(`Audit log broken: ${broken.length} of ${checked} rows`);
    for (const row of broken) console.error(`  row ${row.id}: ${row.reason}`);
  }
} catch (err) {
  exitCode = 2;
  console.error(`audit:verify failed: ${err instanceof Error ? err.message : String(err)}`);
} finally {
  await handle.close();
}
process.exit(exitCode);
