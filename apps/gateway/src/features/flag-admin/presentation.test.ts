import type { FeatureFlagChange } from '@makrx/contracts';
import { describe, expect, it } from 'vitest';
import { audienceOf, changeLines, groupOf, matchesSearch, stateOf } from './presentation';

const HUB = '6a1c7c2e-4f1e-4d55-9a57-0d7c3b1f9e01';
const change = (before: unknown, after: unknown): FeatureFlagChange => ({
  id: 1,
  flagKey: 'ENABLE_ADVANCED_ANALYTICS',
  changedAt: '2026-11-25T10:00:00.000Z',
  changedBy: null,
  changedByName: 'Sam Superadmin',
  justification: 'Pilot makerspace for the analytics beta.',
  before,
  after,
  emergency: false,
  proposalId: null,
});

describe('flag presentation', () => {
  it('puts global flags in their own group and the rest under their domain', () => {
    expect(groupOf({ scope: 'global', domain: null })).toBe('global');
    expect(groupOf({ scope: 'makerspace', domain: 'cave' })).toBe('cave');
  });

  it('says who a flag reaches', () => {
    expect(audienceOf({ rolloutPercentage: 100, targeting: {} })).toBe('Everyone');
    expect(audienceOf({ rolloutPercentage: 30, targeting: { roles: ['store_customer'] } })).toBe(
      '30% of store_customer',
    );
  });

  it('tells what a change did, line by line', () => {
    const settings = change(
      { enabled: true, rolloutPercentage: 30, targeting: {} },
      { enabled: false, rolloutPercentage: 50, targeting: { roles: ['admin'] } },
    );
    expect(changeLines(settings, new Map())).toEqual([
      { what: 'State', before: 'On', after: 'Off' },
      { what: 'Rollout', before: '30%', after: '50%' },
      { what: 'Roles', before: 'everyone', after: 'admin' },
    ]);
    const override = change(
      { makerspaceId: HUB, enabled: null },
      { makerspaceId: HUB, enabled: true },
    );
    expect(changeLines(override, new Map([[HUB, 'MakrX Hub Bengaluru']]))).toEqual([
      { what: 'MakrX Hub Bengaluru', before: 'Default', after: 'On' },
    ]);
  });

  it('calls a flag partly on when its rollout, roles, makerspaces or overrides narrow it', () => {
    const flag = {
      enabled: true,
      rolloutPercentage: 100,
      targeting: {},
      makerspaceOverrides: {},
    };
    expect(stateOf(flag)).toBe('on');
    expect(stateOf({ ...flag, enabled: false })).toBe('off');
    expect(stateOf({ ...flag, rolloutPercentage: 30 })).toBe('partial');
    expect(stateOf({ ...flag, targeting: { roles: ['store_customer'] } })).toBe('partial');
    expect(stateOf({ ...flag, makerspaceOverrides: { [HUB]: false } })).toBe('partial');
  });

  it('finds a flag by any words of its name, description or key', () => {
    const flag = {
      key: 'SHOW_MAKER_SPOTLIGHT',
      name: 'Maker spotlight',
      description: 'The featured makers section on the MakrX.org home page.',
    };
    expect(matchesSearch(flag, 'spotlight')).toBe(true);
    expect(matchesSearch(flag, 'home FEATURED')).toBe(true);
    expect(matchesSearch(flag, 'show_maker')).toBe(true);
    expect(matchesSearch(flag, 'maker checkout')).toBe(false);
    expect(matchesSearch(flag, '  ')).toBe(true);
  });
});
