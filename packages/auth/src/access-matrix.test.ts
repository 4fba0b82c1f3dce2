import { describe, expect, it } from 'vitest';
import { accessMatrix, decideAccess, features, type Feature } from './access-matrix';
import { matrixRoles, type MatrixRole } from './roles';
import { specAccessCells } from './spec-access-table';

const cell = (feature: Feature, role: MatrixRole) => accessMatrix[feature].access[role];

describe('the access matrix', () => {
  it('holds exactly the 16 features and 7 roles of the spec', () => {
    expect(features).toHaveLength(16);
    expect(specAccessCells.size).toBe(16);
    expect(matrixRoles).toEqual([
      'super_admin',
      'admin',
      'makerspace_admin',
      'service_provider',
      'member',
      'store_customer',
      'guest',
    ]);
    for (const feature of features) {
      expect(Object.keys(accessMatrix[feature].access).sort()).toEqual([...matrixRoles].sort());
    }
  });

  it('matches the spec table cell for cell', () => {
    const fromCode = new Map(features.map((f) => [accessMatrix[f].label, accessMatrix[f].access]));
    expect(fromCode).toEqual(specAccessCells);
  });

  it('places each feature in the domain of its section', () => {
    const domains = Object.fromEntries(features.map((f) => [f, accessMatrix[f].domain]));
    expect(domains).toEqual({
      crossDomainSso: 'global',
      userProfileManagement: 'global',
      systemFeatureFlags: 'global',
      communityFeatures: 'org',
      makerProfiles: 'org',
      equipmentManagement: 'cave',
      memberManagement: 'cave',
      equipmentReservations: 'cave',
      projectManagement: 'cave',
      billingManagement: 'cave',
      analyticsDashboard: 'cave',
      productBrowsing: 'store',
      purchaseProducts: 'store',
      uploadFilesForQuotes: 'store',
      orderManagement: 'store',
      serviceProviderTools: 'store',
    });
  });

  it('agrees with hand-checked cells of the spec', () => {
    expect(cell('equipmentManagement', 'member')).toBe('read');
    expect(cell('billingManagement', 'member')).toBe('read');
    expect(cell('billingManagement', 'service_provider')).toBe('none');
    expect(cell('productBrowsing', 'guest')).toBe('full');
    expect(cell('communityFeatures', 'guest')).toBe('read');
    expect(cell('systemFeatureFlags', 'admin')).toBe('none');
    expect(cell('systemFeatureFlags', 'super_admin')).toBe('full');
    expect(cell('serviceProviderTools', 'makerspace_admin')).toBe('none');
    expect(cell('serviceProviderTools', 'admin')).toBe('full');
    expect(cell('analyticsDashboard', 'member')).toBe('none');
    expect(cell('equipmentReservations', 'store_customer')).toBe('none');
  });
});

describe('deciding access', () => {
  it('allows reading a read-only cell and denies writing it', () => {
    expect(decideAccess('equipmentManagement', 'read', ['member'])).toBe('allow');
    expect(decideAccess('equipmentManagement', 'write', ['member'])).toBe('deny');
  });

  it('denies both modes on a no-access cell', () => {
    expect(decideAccess('billingManagement', 'read', ['service_provider'])).toBe('deny');
    expect(decideAccess('billingManagement', 'write', ['service_provider'])).toBe('deny');
  });

  it('gives a caller with several roles the most generous cell', () => {
    expect(decideAccess('equipmentManagement', 'write', ['member', 'store_customer'])).toBe('deny');
    expect(decideAccess('equipmentManagement', 'write', ['member', 'service_provider'])).toBe(
      'allow',
    );
    expect(decideAccess('billingManagement', 'read', ['service_provider', 'member'])).toBe('allow');
  });

  it('denies a caller who stands in no column', () => {
    expect(decideAccess('productBrowsing', 'read', [])).toBe('deny');
  });

  it('lets a guest browse products and nothing beyond reading the community', () => {
    expect(decideAccess('productBrowsing', 'read', ['guest'])).toBe('allow');
    expect(decideAccess('communityFeatures', 'read', ['guest'])).toBe('allow');
    expect(decideAccess('communityFeatures', 'write', ['guest'])).toBe('deny');
    expect(decideAccess('purchaseProducts', 'write', ['guest'])).toBe('deny');
  });

  it('refuses to decide for a guest said to hold another role', () => {
    expect(() => decideAccess('productBrowsing', 'read', ['guest', 'member'])).toThrow(
      /guest holds no other role/,
    );
  });
});
