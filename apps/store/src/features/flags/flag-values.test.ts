import { describe, expect, it } from 'vitest';
import { changedFlags, fetchFlagValues, serverFlagsOf } from './flag-values';

describe('the store’s reading of the flags', () => {
  it('names the flags whose value changed, including ones that appeared or went away', () => {
    expect(changedFlags({ A: true, B: false }, { A: true, B: true })).toEqual(['B']);
    expect(changedFlags({}, { A: false })).toEqual(['A']);
    expect(changedFlags({ A: true }, {})).toEqual(['A']);
    expect(changedFlags({ A: true }, { A: true })).toEqual([]);
  });

  it('answers the fallback for a flag it could not read', () => {
    const flags = serverFlagsOf({ MAINTENANCE_MODE: true });
    expect(flags.isOn('MAINTENANCE_MODE')).toBe(true);
    expect(flags.isOn('ENABLE_UNIFIED_SEARCH')).toBe(false);
    expect(flags.isOn('ENABLE_UNIFIED_SEARCH', true)).toBe(true);
  });

  it('leaves every flag at its fallback when the auth service cannot be reached', async () => {
    // Port 9 (discard) refuses the connection.
    expect(await fetchFlagValues('http://127.0.0.1:9', undefined)).toEqual({});
  });
});
