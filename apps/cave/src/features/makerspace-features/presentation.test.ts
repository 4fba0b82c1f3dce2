import type { FeatureFlagListItem } from '@makrx/contracts';
import { describe, expect, it } from 'vitest';
import { featureName, hereStateOf, isLiveHere } from './presentation';

const HUB = '6a1c7c2e-4f1e-4d55-9a57-0d7c3b1f9e01';
const flag = (overrides: Partial<FeatureFlagListItem>): FeatureFlagListItem => ({
  key: 'ENABLE_ADVANCED_ANALYTICS',
  name: 'Advanced analytics',
  scope: 'makerspace',
  domain: 'cave',
  description: 'The advanced analytics dashboard of a makerspace.',
  enabled: true,
  rolloutPercentage: 100,
  targeting: {},
  makerspaceOverrides: {},
  updatedAt: '2026-11-25T10:00:00.000Z',
  updatedBy: null,
  mayChange: false,
  readOnlyReason: null,
  mayPropose: false,
  mayChangeAtOnce: false,
  ...overrides,
});

describe('makerspace features', () => {
  it('names a flag in words', () => {
    expect(featureName('ENABLE_ADVANCED_ANALYTICS')).toBe('Advanced analytics');
  });

  it("follows the makerspace's own choice while MakrX has the feature on", () => {
    expect(hereStateOf(flag({}), HUB)).toBe('default');
    expect(isLiveHere(flag({}), HUB)).toBe(true);
    const off = flag({ makerspaceOverrides: { [HUB]: false } });
    expect(hereStateOf(off, HUB)).toBe('off');
    expect(isLiveHere(off, HUB)).toBe(false);
  });

  it('is off everywhere while MakrX has the feature off, whatever the makerspace chose', () => {
    expect(isLiveHere(flag({ enabled: false, makerspaceOverrides: { [HUB]: true } }), HUB)).toBe(
      false,
    );
  });
});
