import { hasUnsealedAuditRows, recordAudit, verifyAuditChain } from '@makrx/db';
import { describe, expect, it } from 'vitest';
import { serviceEnv } from './config';
import type { ServiceDefinition } from './create-service';
import { startTestService, testDrivers } from './testing';

/** A service with no modules: the sealing comes with the kit, not with any domain. */
const bareService: ServiceDefinition = {
  name: 'store',
  title: 'Bare test API',
  description: 'Only the plumbing.',
  env: serviceEnv('store'),
  audience: 'store-backend',
  modules: [],
};

/** Polls until the condition holds; the test's timeout bounds the wait. */
async function until(condition: () => Promise<boolean>): Promise<void> {
  while (!(await condition())) await new Promise((resolve) => setTimeout(resolve, 20));
}

describe.each(testDrivers)('a running service, over %s', (driver) => {
  it('seals the audit rows written through it without being asked', async () => {
    const service = await startTestService(bareService, driver);
    try {
      const db = service.app.db;
      for (let n = 0; n < 3; n += 1) {
        await recordAudit(db, {
          service: 'store',
          action: 'order.paid',
          entityType: 'order',
          entityId: `o-${n}`,
        });
      }
      await until(async () => !(await hasUnsealedAuditRows(db)));
      expect(await verifyAuditChain(db)).toMatchObject({ checked: 3, broken: [], overdue: 0 });
    } finally {
      await service.close();
    }
  });
});
