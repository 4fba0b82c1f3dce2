import { randomUUID } from 'node:crypto';
import type { DatabaseHandle } from '@makrx/db';
import { featureFlagMakerspaceOverrides, featureFlags } from '@makrx/db/schema';
import { createTestDatabase, testDrivers } from '@makrx/db/testing';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFlagReader } from './server.js';

describe.each(testDrivers)('createFlagReader over %s', (driver) => {
  let database: DatabaseHandle;
  const makerspaceId = randomUUID();
  const otherMakerspaceId = randomUUID();

  beforeAll(async () => {
    database = await createTestDatabase(driver);
    await database.db.insert(featureFlags).values([
      {
        key: 'MAINTENANCE_MODE',
        scope: 'global',
        domain: null,
        description: 'Maintenance.',
        enabled: false,
      },
      {
        key: 'ENABLE_ADVANCED_ANALYTICS',
        scope: 'makerspace',
        domain: 'cave',
        description: 'Analytics.',
        enabled: true,
        targeting: { roles: ['admin'] },
      },
      {
        key: 'ENABLE_AUTOMATED_BILLING',
        scope: 'makerspace',
        domain: 'cave',
        description: 'Billing.',
        enabled: false,
      },
    ]);
    await database.db.insert(featureFlagMakerspaceOverrides).values([
      { flagKey: 'ENABLE_ADVANCED_ANALYTICS', makerspaceId, enabled: true },
      { flagKey: 'ENABLE_ADVANCED_ANALYTICS', makerspaceId: otherMakerspaceId, enabled: false },
    ]);
  });
  afterAll(async () => {
    await database.close();
  });

  it('keeps a reading for maxAgeMs, then sees the change', async () => {
    let clock = 0;
    const reader = createFlagReader(database.db, { maxAgeMs: 2000, now: () => clock });
    expect(await reader.isOn('MAINTENANCE_MODE')).toBe(false);

    await database.db
      .update(featureFlags)
      .set({ enabled: true })
      .where(eq(featureFlags.key, 'MAINTENANCE_MODE'));
    clock = 1999;
    expect(await reader.isOn('MAINTENANCE_MODE')).toBe(false);
    clock = 2000;
    expect(await reader.isOn('MAINTENANCE_MODE')).toBe(true);

    await database.db
      .update(featureFlags)
      .set({ enabled: false })
      .where(eq(featureFlags.key, 'MAINTENANCE_MODE'));
    reader.invalidate();
    expect(await reader.isOn('MAINTENANCE_MODE')).toBe(false);
  });

  it("applies a makerspace's override over the flag's targeting", async () => {
    const reader = createFlagReader(database.db);
    const member = { userId: randomUUID(), roles: ['member'] };
    // Targeted at admins: a member elsewhere does not get it…
    expect(await reader.isOn('ENABLE_ADVANCED_ANALYTICS', member)).toBe(false);
    expect(await reader.isOn('ENABLE_ADVANCED_ANALYTICS', { roles: ['admin'] })).toBe(true);
    // …but a makerspace that turned it on gives it to everyone there, and one that turned it
    // off takes it from admins too.
    expect(await reader.isOn('ENABLE_ADVANCED_ANALYTICS', { ...member, makerspaceId })).toBe(true);
    expect(
      await reader.isOn('ENABLE_ADVANCED_ANALYTICS', {
        roles: ['admin'],
        makerspaceId: otherMakerspaceId,
      }),
    ).toBe(false);
  });

  it('answers off for a flag switched off globally, even where a makerspace turned it on', async () => {
    await database.db
      .insert(featureFlagMakerspaceOverrides)
      .values({ flagKey: 'ENABLE_AUTOMATED_BILLING', makerspaceId, enabled: true });
    const reader = createFlagReader(database.db);
    expect(await reader.isOn('ENABLE_AUTOMATED_BILLING', { makerspaceId })).toBe(false);
  });

  it('answers off for a flag it does not know', async () => {
    const reader = createFlagReader(database.db);
    expect(await reader.isOn('NO_SUCH_FLAG')).toBe(false);
    expect((await reader.definitions()).map((flag) => flag.key).sort()).toEqual([
      'ENABLE_ADVANCED_ANALYTICS',
      'ENABLE_AUTOMATED_BILLING',
      'MAINTENANCE_MODE',
    ]);
  });
});
