import type { FeatureDomain, MatrixRole } from './roles';

/** A cell of the matrix: ✅ full, 👁️ read only, ❌ none. */
export type Access = 'full' | 'read' | 'none';
export type AccessMode = 'read' | 'write';
export type AccessDecision = 'allow' | 'deny';

export interface FeatureAccess {
  label: string;
  domain: FeatureDomain;
  access: Record<MatrixRole, Access>;
}

const F = 'full';
const R = 'read';
const N = 'none';

/** One row, its cells in the spec's column order. */
function row(
  label: string,
  domain: FeatureDomain,
  [super_admin, admin, makerspace_admin, service_provider, member, store_customer, guest]: [
    Access,
    Access,
    Access,
    Access,
    Access,
    Access,
    Access,
  ],
): FeatureAccess {
  return {
    label,
    domain,
    access: {
      super_admin,
      admin,
      makerspace_admin,
      service_provider,
      member,
      store_customer,
      guest,
    },
  };
}

/**
 * The access matrix of spec section 4, the one place it lives in code. Columns: Super Admin,
 * Admin, Makerspace Admin, Service Provider, Member, Store Customer, Guest.
 */
export const accessMatrix = {
  // Global features
  crossDomainSso: row('Cross-domain SSO', 'global', [F, F, F, F, F, F, N]),
  userProfileManagement: row('User profile management', 'global', [F, F, F, F, F, F, N]),
  systemFeatureFlags: row('System feature flags', 'global', [F, N, N, N, N, N, N]),
  // MakrX.org features
  communityFeatures: row('Community features', 'org', [F, F, F, F, F, F, R]),
  makerProfiles: row('Maker profiles', 'org', [F, F, F, F, F, F, R]),
  // MakrCave features
  equipmentManagement: row('Equipment management', 'cave', [F, F, F, F, R, N, N]),
  memberManagement: row('Member management', 'cave', [F, F, F, N, N, N, N]),
  equipmentReservations: row('Equipment reservations', 'cave', [F, F, F, F, F, N, N]),
  projectManagement: row('Project management', 'cave', [F, F, F, F, F, N, N]),
  billingManagement: row('Billing management', 'cave', [F, F, F, N, R, N, N]),
  analyticsDashboard: row('Analytics dashboard', 'cave', [F, F, F, F, N, N, N]),
  // MakrX.Store features
  productBrowsing: row('Product browsing', 'store', [F, F, F, F, F, F, F]),
  purchaseProducts: row('Purchase products', 'store', [F, F, F, F, F, F, N]),
  uploadFilesForQuotes: row('Upload files for quotes', 'store', [F, F, F, F, F, F, N]),
  orderManagement: row('Order management', 'store', [F, F, F, F, F, F, N]),
  serviceProviderTools: row('Service provider tools', 'store', [F, F, N, F, N, N, N]),
} as const satisfies Record<string, FeatureAccess>;

export type Feature = keyof typeof accessMatrix;
export const features = Object.keys(accessMatrix) as Feature[];

const grants: Record<Access, readonly AccessMode[]> = {
  full: ['read', 'write'],
  read: ['read'],
  none: [],
};

/**
 * Whether callers standing in `roles` may use `feature` in `mode`. A caller with several
 * roles gets the most generous of their cells.
 */
export function decideAccess(
  feature: Feature,
  mode: AccessMode,
  roles: readonly MatrixRole[],
): AccessDecision {
  if (roles.includes('guest') && roles.length > 1) {
    throw new Error(`A guest holds no other role, but was given ${roles.join(', ')}.`);
  }
  const cells = accessMatrix[feature].access;
  return roles.some((role) => grants[cells[role]].includes(mode)) ? 'allow' : 'deny';
}
