import { describe, expect, it } from 'vitest';
import type { ServiceCaller, UserCaller } from './caller';
import { matrixRolesOf } from './roles';

const user = (realmRoles: string[]): UserCaller => ({
  kind: 'user',
  userId: 'u-1',
  username: 'ada',
  email: 'ada@demo.makrx.org',
  emailVerified: true,
  name: 'Ada',
  realmRoles,
  sessionId: 's-1',
  clientId: 'makrcave-frontend',
  tokenExpiresAt: Date.now() + 300_000,
});

describe('the matrix columns a caller stands in', () => {
  it('makes a caller without a token a guest and nothing else', () => {
    expect(matrixRolesOf(null, 'cave', ['member'])).toEqual(['guest']);
  });

  it('counts every signed-in user as a store customer, even with no realm role', () => {
    expect(matrixRolesOf(user([]), 'store')).toEqual(['store_customer']);
  });

  it('counts a super admin in every domain', () => {
    for (const domain of ['global', 'org', 'cave', 'store'] as const) {
      expect(matrixRolesOf(user(['super_admin']), domain)).toContain('super_admin');
    }
  });

  it('counts an admin as Admin only in the domains the token scopes it to', () => {
    const caveAdmin = user(['admin', 'admin:cave', 'store_customer']);
    expect(matrixRolesOf(caveAdmin, 'cave')).toContain('admin');
    expect(matrixRolesOf(caveAdmin, 'store')).not.toContain('admin');
    expect(matrixRolesOf(caveAdmin, 'org')).not.toContain('admin');
    expect(matrixRolesOf(caveAdmin, 'store')).toEqual(['store_customer']);
  });

  it('counts a scoped admin as Admin for global features', () => {
    expect(matrixRolesOf(user(['admin', 'admin:store']), 'global')).toContain('admin');
  });

  it('gives an admin without a domain role no Admin column anywhere', () => {
    const unscoped = user(['admin']);
    for (const domain of ['global', 'org', 'cave', 'store'] as const) {
      expect(matrixRolesOf(unscoped, domain)).toEqual(['store_customer']);
    }
  });

  it('does not read a domain scope without the admin role itself', () => {
    expect(matrixRolesOf(user(['admin:cave']), 'cave')).toEqual(['store_customer']);
  });

  it('adds the makerspace roles the service resolved', () => {
    expect(matrixRolesOf(user([]), 'cave', ['member', 'service_provider']).sort()).toEqual([
      'member',
      'service_provider',
      'store_customer',
    ]);
  });

  it('puts a service caller in no column: it is not a person', () => {
    const service: ServiceCaller = { kind: 'service', clientId: 'store-backend' };
    expect(matrixRolesOf(service, 'store', ['member'])).toEqual([]);
  });
});
