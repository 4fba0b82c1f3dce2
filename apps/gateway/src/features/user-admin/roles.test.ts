import { assignableRole } from '@makrx/contracts';
import { describe, expect, it } from 'vitest';
import {
  assignableRoles,
  makerspacesMissing,
  membershipLine,
  roleLabel,
  rolesLacking,
  sortRoles,
} from './roles';

describe('global roles', () => {
  it('offers exactly the roles the API assigns', () => {
    expect([...assignableRoles].sort()).toEqual([...assignableRole.options].sort());
  });

  it('offers a user only the roles they lack, least powerful first', () => {
    expect(rolesLacking(['admin', 'admin:cave', 'store_customer'])).toEqual([
      'admin:org',
      'admin:store',
      'super_admin',
    ]);
  });

  it('lists a user’s roles in the same order, with unknown roles last', () => {
    expect(sortRoles(['super_admin', 'beta_tester', 'admin:cave', 'admin'])).toEqual([
      'admin',
      'admin:cave',
      'super_admin',
      'beta_tester',
    ]);
  });

  it('names every role for people, and keeps an unknown one as it is spelled', () => {
    expect(roleLabel('admin:cave')).toBe('MakrCave admin');
    expect(roleLabel('super_admin')).toBe('Super admin');
    expect(roleLabel('auditor')).toBe('auditor');
    expect(assignableRoles.every((role) => !roleLabel(role).includes(':'))).toBe(true);
  });
});

describe('makerspace roles in the users list', () => {
  const hub = { name: 'MakrX Hub Bengaluru' };

  it('names the makerspace and the user’s roles there in words', () => {
    expect(membershipLine({ makerspace: hub, roles: ['member'] })).toBe(
      'MakrX Hub Bengaluru · Member',
    );
    expect(
      membershipLine({ makerspace: hub, roles: ['makerspace_admin', 'service_provider'] }),
    ).toBe('MakrX Hub Bengaluru · Makerspace admin, Service provider');
    expect(membershipLine({ makerspace: hub, roles: ['night_owl'] })).toBe(
      'MakrX Hub Bengaluru · night_owl',
    );
  });

  it('notices when MakrCave could not be asked, not when a user simply has no makerspace', () => {
    expect(makerspacesMissing([{ makerspaces: [] }, { makerspaces: [] }])).toBe(false);
    expect(makerspacesMissing([{ makerspaces: null }])).toBe(true);
    expect(makerspacesMissing([])).toBe(false);
  });
});
