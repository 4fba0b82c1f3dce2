import { OpenFeature } from '@openfeature/server-sdk';
import { afterAll, describe, expect, it } from 'vitest';
import type { FlagDefinition } from './evaluate.js';
import { MakrxFlagProvider } from './provider.js';

describe('MakrxFlagProvider through the OpenFeature server SDK', () => {
  afterAll(async () => {
    await OpenFeature.close();
  });

  it('resolves boolean flags from the current flag set, picking up changes without a restart', async () => {
    let flags: FlagDefinition[] = [
      { key: 'ENABLE_STL_UPLOAD', enabled: true, rolloutPercentage: 100, targeting: {} },
      {
        key: 'ENABLE_ADVANCED_ANALYTICS',
        enabled: true,
        rolloutPercentage: 100,
        targeting: { roles: ['admin'] },
        makerspaceOverrides: { 'space-1': true },
      },
    ];
    await OpenFeature.setProviderAndWait(new MakrxFlagProvider(() => flags));
    const client = OpenFeature.getClient();

    expect(await client.getBooleanValue('ENABLE_STL_UPLOAD', false, {})).toBe(true);
    expect(
      await client.getBooleanValue('ENABLE_ADVANCED_ANALYTICS', false, {
        targetingKey: 'u1',
        roles: ['member'],
      }),
    ).toBe(false);
    expect(
      await client.getBooleanValue('ENABLE_ADVANCED_ANALYTICS', false, {
        targetingKey: 'u1',
        roles: ['admin'],
      }),
    ).toBe(true);
    expect(
      await client.getBooleanValue('ENABLE_ADVANCED_ANALYTICS', false, {
        targetingKey: 'u1',
        roles: [],
        makerspaceId: 'space-1',
      }),
    ).toBe(true);

    const missing = await client.getBooleanDetails('NO_SUCH_FLAG', true, {});
    expect(missing.value).toBe(true);
    expect(missing.errorCode).toBe('FLAG_NOT_FOUND');

    flags = flags.map((flag) => ({ ...flag, enabled: false }));
    expect(await client.getBooleanValue('ENABLE_STL_UPLOAD', true, {})).toBe(false);
  });
});
