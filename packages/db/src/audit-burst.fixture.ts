/**
 * A service's audit traffic, for the crash test in audit-sequencer.test.ts: against
 * DATABASE_URL it runs the sequencer and writes audited rows in concurrent waves, each in a
 * transaction of its own, until it is killed.
 */
import { recordAudit } from './audit';
import { startAuditSequencer } from './audit-sequencer';
import { connectDatabase } from './connect';

const WAVE = 20;

const url = process.env.DATABASE_URL;
if (!url) throw new Error('audit-burst needs DATABASE_URL');
const handle = await connectDatabase({ url, poolSize: 10 });
startAuditSequencer(handle.db, { intervalMs: 50 });
for (let wave = 0; ; wave += 1) {
  await Promise.all(
    Array.from({ length: WAVE }, (_, n) =>
      handle.db.transaction((tx) =>
        recordAudit(tx, {
          service: 'store',
          action: 'burst.write',
          entityType: 'burst',
          entityId: `${wave}-${n}`,
          after: { wave, n },
        }),
      ),
    ),
  );
}
