import { describe, expect, it } from 'vitest';
import { changedFlags, flagValuesOf, serverFlagsOf } from './flag-values';

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

  it('reads only the flags that have a yes or no, and none from an answer without flags', () => {
    expect(flagValuesOf({ flags: { A: true, B: 'yes', C: false } })).toEqual({ A: true, C: false });
    expect(flagValuesOf({ error: { code: 'INTERNAL' } })).toEqual({});
    expect(flagValuesOf(null)).toEqual({});
  });
});
