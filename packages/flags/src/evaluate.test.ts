import { describe, expect, it } from 'vitest';
import { evaluateFlag, type FlagDefinition } from './evaluate.js';

function flag(overrides: Partial<FlagDefinition> = {}): FlagDefinition {
  return {
    key: 'ENABLE_STL_UPLOAD',
    enabled: true,
    rolloutPercentage: 100,
    targeting: {},
    ...overrides,
  };
}

const users = Array.from({ length: 1000 }, (_, i) => `user-${i}`);

describe('evaluateFlag', () => {
  it('is false when the flag is disabled, whatever else says', () => {
    expect(evaluateFlag(flag({ enabled: false }), { userId: 'u', roles: [] })).toBe(false);
    expect(
      evaluateFlag(flag({ enabled: false, makerspaceOverrides: { m1: true } }), {
        userId: 'u',
        roles: [],
        makerspaceId: 'm1',
      }),
    ).toBe(false);
  });

  it('a 30% rollout gives between 25% and 35% of 1,000 users true, and they stay true at 50%', () => {
    const at30 = users.filter((userId) =>
      evaluateFlag(flag({ rolloutPercentage: 30 }), { userId, roles: [] }),
    );
    expect(at30.length).toBeGreaterThanOrEqual(250);
    expect(at30.length).toBeLessThanOrEqual(350);
    const at50 = new Set(
      users.filter((userId) =>
        evaluateFlag(flag({ rolloutPercentage: 50 }), { userId, roles: [] }),
      ),
    );
    expect(at50.size).toBeGreaterThan(at30.length);
    for (const userId of at30) expect(at50.has(userId)).toBe(true);
    // Sticky: asking again gives the same answer.
    const again = users.filter((userId) =>
      evaluateFlag(flag({ rolloutPercentage: 30 }), { userId, roles: [] }),
    );
    expect(again).toEqual(at30);
  });

  it('gives guests true only at 100%', () => {
    expect(evaluateFlag(flag({ rolloutPercentage: 99 }), { roles: [] })).toBe(false);
    expect(evaluateFlag(flag({ rolloutPercentage: 100 }), { roles: [] })).toBe(true);
    expect(evaluateFlag(flag({ rolloutPercentage: 0 }), { userId: 'u', roles: [] })).toBe(false);
  });

  it('targets by role', () => {
    const targeted = flag({ targeting: { roles: ['admin', 'maker'] } });
    expect(evaluateFlag(targeted, { userId: 'u', roles: ['maker'] })).toBe(true);
    expect(evaluateFlag(targeted, { userId: 'u', roles: ['member'] })).toBe(false);
    expect(evaluateFlag(targeted, { roles: [] })).toBe(false);
  });

  it('targets by makerspace', () => {
    const targeted = flag({ targeting: { makerspaceIds: ['m1'] } });
    expect(evaluateFlag(targeted, { userId: 'u', roles: [], makerspaceId: 'm1' })).toBe(true);
    expect(evaluateFlag(targeted, { userId: 'u', roles: [], makerspaceId: 'm2' })).toBe(false);
    expect(evaluateFlag(targeted, { userId: 'u', roles: [] })).toBe(false);
  });

  it('lets a makerspace override win over targeting and rollout for that makerspace only', () => {
    const overridden = flag({
      rolloutPercentage: 0,
      targeting: { roles: ['admin'] },
      makerspaceOverrides: { m1: true, m2: false },
    });
    expect(evaluateFlag(overridden, { roles: [], makerspaceId: 'm1' })).toBe(true);
    expect(
      evaluateFlag(
        { ...overridden, rolloutPercentage: 100 },
        { roles: ['admin'], makerspaceId: 'm2' },
      ),
    ).toBe(false);
    expect(evaluateFlag(overridden, { userId: 'u', roles: ['admin'], makerspaceId: 'm3' })).toBe(
      false,
    );
  });
});
