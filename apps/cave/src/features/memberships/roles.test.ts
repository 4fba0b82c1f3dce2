import { describe, expect, it } from 'vitest';
import { abilitiesOf, leadingRole, rolesText } from './roles';

describe('makerspace roles', () => {
  it('names the strongest role first', () => {
    expect(leadingRole(['member', 'makerspace_admin'])).toBe('makerspace_admin');
    expect(rolesText(['member', 'service_provider'])).toBe('Service provider · Member');
    expect(leadingRole([])).toBeUndefined();
  });

  it('lets a member book, read equipment and their own invoices, and nothing more', () => {
    expect(abilitiesOf(['store_customer'], ['member'])).toEqual({
      isInside: true,
      manageEquipment: false,
      manageMembers: false,
      book: true,
      manageFeatures: false,
      viewAnalytics: false,
      runMakerspace: false,
      viewBilling: true,
      providePrints: false,
    });
  });

  it('lets a service provider run the machines but not the members', () => {
    const provider = abilitiesOf(['store_customer'], ['service_provider']);
    expect(provider.manageEquipment).toBe(true);
    expect(provider.manageMembers).toBe(false);
    expect(provider.viewAnalytics).toBe(true);
    expect(provider.runMakerspace).toBe(false);
    expect(provider.viewBilling).toBe(false);
    expect(provider.providePrints).toBe(true);
  });

  it('lets a makerspace admin manage everything there', () => {
    const admin = abilitiesOf(['store_customer'], ['makerspace_admin']);
    expect(admin).toMatchObject({
      manageEquipment: true,
      manageMembers: true,
      book: true,
      runMakerspace: true,
    });
    // "Service provider tools" is ❌ for makerspace admins in the access matrix.
    expect(admin.providePrints).toBe(false);
  });

  it('lets super admins and MakrCave admins in everywhere, but not admins of another domain', () => {
    expect(abilitiesOf(['super_admin'], []).manageMembers).toBe(true);
    expect(abilitiesOf(['admin', 'admin:cave'], []).manageEquipment).toBe(true);
    expect(abilitiesOf(['admin', 'admin:store'], []).isInside).toBe(false);
  });

  it('gives an outsider nothing', () => {
    expect(Object.values(abilitiesOf(['store_customer'], [])).some(Boolean)).toBe(false);
  });
});
