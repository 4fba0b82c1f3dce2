import { asc, desc, isNotNull, isNull, sql } from 'drizzle-orm';
import { auditRowHash, GENESIS_HASH } from './audit';
import type { Database } from './connect';
import { auditLogs } from './shared-tables';

/**
 * How long a committed audit row may stay unsealed: the log's "maximum merge delay", as a
 * transparency log such as Trillian promises. `npm run audit:verify` fails on rows older.
 */
export const AUDIT_MAX_MERGE_DELAY_MS = 2000;

/** Often enough that a row is sealed well within the delay, rarely enough to cost nothing. */
const POLL_INTERVAL_MS = AUDIT_MAX_MERGE_DELAY_MS / 8;
const DEFAULT_BATCH = 500;

/**
 * One sequencer at a time, on every service and instance, so the chain has one order: the key
 * of the transaction-scoped advisory lock a round holds. Writers never take it. (The ASCII of
 * "mkxaudit".) Holding it pauses sealing, which is how a test makes rows stay unsealed.
 */
export const AUDIT_SEQUENCER_LOCK_KEY = '7885072470484183412';
const AUDIT_SEQUENCER_LOCK = sql.raw(AUDIT_SEQUENCER_LOCK_KEY);

export interface SealOptions {
  /** Rows sealed at most in this round. */
  batch?: number;
  /**
   * Wait for a round running elsewhere to finish, instead of skipping this one; for a test or a
   * tool that needs every committed row sealed now.
   */
  wait?: boolean;
}

type Row = typeof auditLogs.$inferSelect;

interface Seal {
  id: number;
  chainPosition: number;
  prevHash: string;
  hash: string;
}

/**
 * One round of the sequencer: seals the committed, unsealed rows (oldest id first, up to
 * `batch`) into the hash chain, after its last sealed row. Returns how many it sealed; 0 when
 * another sequencer holds the lock.
 *
 * Only committed rows are visible here, and each gets the position after the last one sealed,
 * so a row that commits late is sealed later: nothing is ever placed before a sealed row.
 */
export async function sealAuditLog(
  db: Database,
  { batch = DEFAULT_BATCH, wait = false }: SealOptions = {},
): Promise<number> {
  // Read committed, whatever the database's default: each statement after the lock then sees
  // the seals of the round that held it before.
  return db.transaction((tx) => sealRound(tx, batch, wait), { isolationLevel: 'read committed' });
}

async function sealRound(tx: Database, batch: number, wait: boolean): Promise<number> {
  if (!(await takeSequencerLock(tx, wait))) return 0;
  const unsealed = await tx
    .select()
    .from(auditLogs)
    .where(isNull(auditLogs.chainPosition))
    .orderBy(asc(auditLogs.id))
    .limit(batch);
  if (unsealed.length === 0) return 0;
  const [last] = await tx
    .select({ chainPosition: auditLogs.chainPosition, hash: auditLogs.hash })
    .from(auditLogs)
    .where(isNotNull(auditLogs.chainPosition))
    .orderBy(desc(auditLogs.chainPosition))
    .limit(1);
  const seals = chain(unsealed, last?.chainPosition ?? 0, last?.hash ?? GENESIS_HASH);
  await writeSeals(tx, seals);
  return seals.length;
}

async function takeSequencerLock(tx: Database, wait: boolean): Promise<boolean> {
  if (wait) {
    await tx.execute(sql`select pg_advisory_xact_lock(${AUDIT_SEQUENCER_LOCK})`);
    return true;
  }
  const { rows } = await tx.execute<{ locked: boolean }>(
    sql`select pg_try_advisory_xact_lock(${AUDIT_SEQUENCER_LOCK}) as locked`,
  );
  return rows[0]?.locked === true;
}

/** Each row's seal: the next position, linked to the hash of the row before it. */
function chain(rows: Row[], lastPosition: number, lastHash: string): Seal[] {
  let prevHash = lastHash;
  return rows.map((row, index) => {
    const hash = auditRowHash({ ...row, prevHash });
    const seal = { id: row.id, chainPosition: lastPosition + index + 1, prevHash, hash };
    prevHash = hash;
    return seal;
  });
}

/**
 * One UPDATE for the round. `chain_position is null` and the count check make a row sealed
 * twice impossible to commit, whatever went wrong with the lock.
 */
async function writeSeals(tx: Database, seals: Seal[]): Promise<void> {
  const values = sql.join(
    seals.map((s) => sql`(${s.id}::bigint, ${s.chainPosition}::bigint, ${s.prevHash}, ${s.hash})`),
    sql`, `,
  );
  const { rows } = await tx.execute<{ id: number }>(sql`
    update audit_logs as a
       set chain_position = s.chain_position, prev_hash = s.prev_hash, hash = s.hash
      from (values ${values}) as s (id, chain_position, prev_hash, hash)
     where a.id = s.id and a.chain_position is null
    returning a.id`);
  if (rows.length !== seals.length) {
    throw new Error(`audit_logs: sealed ${rows.length} of ${seals.length} rows; round undone`);
  }
}

/** Whether any committed row waits to be sealed: answered from the partial index. */
export async function hasUnsealedAuditRows(db: Database): Promise<boolean> {
  const rows = await db
    .select({ id: auditLogs.id })
    .from(auditLogs)
    .where(isNull(auditLogs.chainPosition))
    .limit(1);
  return rows.length > 0;
}

export interface AuditSequencerOptions {
  /** Pause between polls; a quarter of a second by default. */
  intervalMs?: number;
  batch?: number;
  /** A failed round; the next poll tries again. */
  onError?: (err: unknown) => void;
}

export interface AuditSequencer {
  /** Stops polling and resolves once a round under way has finished. */
  stop(): Promise<void>;
}

/**
 * Runs the sequencer in the background until stopped: polls for unsealed rows and seals them
 * in rounds until none is left. Starts with a round at once, so rows a crash left unsealed are
 * sealed as soon as a service is back. Its timers never keep the process alive.
 */
export function startAuditSequencer(
  db: Database,
  {
    intervalMs = POLL_INTERVAL_MS,
    batch = DEFAULT_BATCH,
    onError = () => undefined,
  }: AuditSequencerOptions = {},
): AuditSequencer {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let round: Promise<void> = Promise.resolve();

  const schedule = (delayMs: number) => {
    if (stopped) return;
    timer = setTimeout(runRound, delayMs);
    timer.unref();
  };
  const runRound = () => {
    round = sealUntilNoneLeft(db, batch, () => stopped)
      .catch((err: unknown) => reportSafely(onError, err))
      .finally(() => schedule(intervalMs));
  };

  schedule(0);
  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await round;
    },
  };
}

async function sealUntilNoneLeft(db: Database, batch: number, stopped: () => boolean) {
  if (!(await hasUnsealedAuditRows(db))) return;
  while (!stopped()) {
    // A full batch means more may be waiting; a short one (or 0: another sequencer's turn) not.
    if ((await sealAuditLog(db, { batch })) < batch) return;
  }
}

function reportSafely(onError: (err: unknown) => void, err: unknown): void {
  try {
    onError(err);
  } catch {
    // A failing reporter must not stop the sequencer.
  }
}
