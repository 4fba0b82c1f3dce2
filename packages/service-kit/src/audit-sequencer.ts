import { startAuditSequencer, type AuditSequencer, type Database } from '@makrx/db';
import type { FastifyInstance } from 'fastify';

/**
 * Every running service seals the audit log (packages/db/src/audit-sequencer.ts): one
 * sequencer per app, from ready to close. Sequencers of other services and instances take turns
 * by lock, so any of them keeps the log within its maximum merge delay.
 */
export function sealAuditLogWhileRunning(app: FastifyInstance, db: Database): void {
  let sequencer: AuditSequencer | undefined;
  app.addHook('onReady', async () => {
    sequencer = startAuditSequencer(db, {
      onError: (err) => app.log.error({ err }, 'sealing the audit log failed'),
    });
  });
  app.addHook('onClose', async () => {
    await sequencer?.stop();
  });
}
