import type { Caller } from './caller';

/** The columns of the access matrix (spec section 4), in the spec's order. */
export const matrixRoles = [
  'super_admin',
  'admin',
  'makerspace_admin',
  'service_provider',
  'member',
  'store_customer',
  'guest',
] as const;
export type MatrixRole = (typeof matrixRoles)[number];

/**
 * Roles a user holds in one makerspace. They live in the cave's membership table, never in a
 * token: a user can be a member here and an admin there (spec 4, "Makerspace Membership Rules").
 */
export const makerspaceRoles = ['makerspace_admin', 'service_provider', 'member'] as const;
export type MakerspaceRole = (typeof makerspaceRoles)[number];

/** The domains an `admin` can be scoped to, each encoded as a realm role `admin:<domain>`. */
export const adminDomains = ['org', 'cave', 'store'] as const;
export type AdminDomain = (typeof adminDomains)[number];

/** Where a feature of the matrix lives: global features belong to no single domain. */
export type FeatureDomain = 'global' | AdminDomain;

/** The realm roles tokens carry (DESIGN "Identity"); per-makerspace roles are not among them. */
export const realmRoles = {
  superAdmin: 'super_admin',
  admin: 'admin',
  storeCustomer: 'store_customer',
  adminOf: (domain: AdminDomain) => `admin:${domain}`,
} as const;

/**
 * The matrix columns a caller stands in for a feature of `domain`.
 *
 * - No caller is a guest, and a guest holds nothing else.
 * - Every signed-in user is at least a store customer (everyone who signs up is one).
 * - `admin` counts as the Admin column only with `admin:<domain>` for the feature's domain;
 *   for global features any domain scope will do. An admin without a domain role
 *   administers nothing and falls back to the user's other roles.
 * - Makerspace roles are the ones the service resolved for this request.
 * - A service (client-credentials) caller is no person and stands in no column.
 */
export function matrixRolesOf(
  caller: Caller | null,
  domain: FeatureDomain,
  heldInMakerspace: readonly MakerspaceRole[] = [],
): MatrixRole[] {
  if (caller === null) return ['guest'];
  if (caller.kind === 'service') return [];
  const held = new Set(caller.realmRoles);
  const roles = new Set<MatrixRole>(['store_customer', ...heldInMakerspace]);
  if (held.has(realmRoles.superAdmin)) roles.add('super_admin');
  if (held.has(realmRoles.admin) && administers(held, domain)) roles.add('admin');
  return [...roles];
}

function administers(held: ReadonlySet<string>, domain: FeatureDomain): boolean {
  const scopes = domain === 'global' ? adminDomains : [domain];
  return scopes.some((scope) => held.has(realmRoles.adminOf(scope)));
}
