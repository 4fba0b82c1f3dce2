import { describe, expect, it } from 'vitest';
import { accountStatusOf } from './account-status';

const now = new Date('2026-03-01T12:00:00Z');

describe('accountStatusOf', () => {
  it('calls an account without a lock active', () => {
    expect(accountStatusOf(null, now)).toEqual({ kind: 'active' });
  });

  it('recognises a lock by an administrator by its year 9999', () => {
    expect(accountStatusOf('9999-12-31T00:00:00.000Z', now)).toEqual({ kind: 'locked-by-admin' });
  });

  it('shows when a lock after failed sign-ins ends', () => {
    expect(accountStatusOf('2026-03-01T12:15:00.000Z', now)).toEqual({
      kind: 'locked-until',
      until: new Date('2026-03-01T12:15:00.000Z'),
    });
  });

  it('calls an account active again once its lock has run out', () => {
    expect(accountStatusOf('2026-03-01T11:59:00.000Z', now)).toEqual({ kind: 'active' });
  });
});
