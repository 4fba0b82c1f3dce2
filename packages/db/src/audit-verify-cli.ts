/**
 * `npm run audit:verify`: checks the audit log's hash chain and reports every edited row, every
 * break (a deleted row), and every row left unsealed for longer than the maximum merge delay
 * (no sequencer running); rows younger than that are reported as pending, which is no fault.
 * Against DATABASE_URL, or the embedded database in MAKRX_DATA_DIR (default ./.makrx) when it
 * is unset — stop `npm start` first, since PGlite serves one process. Exits 1 when the log
 * fails the check, 2 when it could not be checked.
 */
import { join, resolve } from 'node:path';
import { AUDIT_MAX_MERGE_DELAY_MS } from './audit-sequencer';
import { verifyAuditChain, type AuditChainReport } from './audit-verify';
import { connectDatabase } from './connect';

const url = process.env.DATABASE_URL || undefined;
const dataDir = url ? undefined : join(resolve(process.env.MAKRX_DATA_DIR || '.makrx'), 'db');
const handle = await connectDatabase({ url, dataDir, poolSize: 1 }).catch((err: unknown) => {
  console.error(`audit:verify could not open the database: ${String(err)}`);
  process.exit(2);
});

const rows = (n: number) => `${n} ${n === 1 ? 'row' : 'rows'}`;

/** Prints the report; true when the log passes. */
function printReport({ checked, broken, pending, overdue, overdueRows }: AuditChainReport) {
  const pendingNote = pending > 0 ? `; ${pending} pending, to be sealed shortly` : '';
  if (broken.length === 0 && overdue === 0) {
    console.log(`Audit log intact: ${rows(checked)} sealed${pendingNote}`);
    return true;
  }
  if (broken.length > 0) {
    console.error(`Audit log broken: ${broken.length} of ${checked} rows`);
    for (const row of broken) console.error(`  row ${row.id}: ${row.reason}`);
  }
  if (overdue > 0) {
    console.error(
      `Audit log not sealed: ${rows(overdue)} unsealed for longer than ${AUDIT_MAX_MERGE_DELAY_MS} ms (is any service running?)`,
    );
    for (const row of overdueRows)
      console.error(`  row ${row.id}: unsealed since ${row.occurredAt.toISOString()}`);
    if (overdue > overdueRows.length) console.error(`  … and ${overdue - overdueRows.length} more`);
  }
  if (pendingNote) console.error(`(${rows(checked)} sealed${pendingNote})`);
  return false;
}

let exitCode = 0;
try {
  exitCode = printReport(await verifyAuditChain(handle.db)) ? 0 : 1;
} catch (err) {
  exitCode = 2;
  console.error(`audit:verify failed: ${err instanceof Error ? err.message : String(err)}`);
} finally {
  await handle.close();
}
process.exit(exitCode);
