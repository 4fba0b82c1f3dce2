import { describe, expect, it } from 'vitest';
import { changesOf } from './audit-changes';

describe('an audited change, field by field', () => {
  it('puts the roles before and after a grant side by side and marks what changed', () => {
    expect(changesOf({ roles: ['member'] }, { roles: ['member', 'super_admin'] })).toEqual([
      { field: 'roles', before: 'member', after: 'member, super_admin', changed: true },
    ]);
  });

  it('shows a field only one side has, and leaves equal fields unmarked', () => {
    expect(
      changesOf({ enabled: false, note: 'x' }, { enabled: true, note: 'x', by: 'ops' }),
    ).toEqual([
      { field: 'enabled', before: 'false', after: 'true', changed: true },
      { field: 'note', before: 'x', after: 'x', changed: false },
      { field: 'by', before: '—', after: 'ops', changed: true },
    ]);
  });

  it('has nothing to show when neither side holds anything', () => {
    expect(changesOf(null, null)).toEqual([]);
  });
});
