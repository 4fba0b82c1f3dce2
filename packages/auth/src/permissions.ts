import type { MakerspaceMembership } from '@makrx/contracts';
import type { Caller } from './caller';
import { adminDomains, realmRoles, type AdminDomain, type MakerspaceRole } from './roles';

/**
 * What a realm role grants: `super_admin`, or a domain admin (`admin` with `admin:<domain>`,
 * as in roles.ts: an `admin` without a domain administers nothing).
 */
export type RealmGrant = 'super_admin' | `admin:${AdminDomain}`;

export interface PermissionGrant {
  /** What the permission lets one do, for refusals: "Only … may <label>." */
  label: string;
  /** Realm roles (from the token) that hold it everywhere. */
  realm: readonly RealmGrant[];
  /**
   * Makerspace roles (from the cave's memberships) that hold it: in the makerspace the route
   * names (`:makerspaceId` or `:makerspaceSlug`), or in any makerspace the user belongs to.
   */
  makerspace?: { roles: readonly MakerspaceRole[]; in: 'route' | 'any' };
}

const domainAdmins = adminDomains.map((domain) => `admin:${domain}` as const);

/**
 * The administrative permissions the spec implies (section 4, role definitions; section 5, flag
 * governance), as data: who holds each. Routes declare one (`access: { permission }`); handlers
 * whose rule depends on the data (this flag's domain, this order's buyer) ask `request.access`.
 */
export const permissions = {
  'store:admin': {
    label: 'administer the store',
    realm: ['super_admin', 'admin:store'],
  },
  'users:admin': {
    label: 'manage accounts and their roles',
    realm: ['super_admin'],
  },
  // Spec 4: a domain admin "can manage users within their domain": they see the accounts and
  // give or take away their own domain's admin role; everything else is the super admin's.
  'users:read': {
    label: 'see accounts and their roles',
    realm: ['super_admin', ...domainAdmins],
  },
  'users:roles:org': {
    label: 'give or take away the MakrX.org admin role',
    realm: ['super_admin', 'admin:org'],
  },
  'users:roles:cave': {
    label: 'give or take away the MakrCave admin role',
    realm: ['super_admin', 'admin:cave'],
  },
  'users:roles:store': {
    label: 'give or take away the MakrX.Store admin role',
    realm: ['super_admin', 'admin:store'],
  },
  'audit:read': {
    label: 'read the audit log',
    realm: ['super_admin'],
  },
  'events:replay': {
    label: 'see and replay parked events',
    realm: ['super_admin'],
  },
  'flags:admin': {
    label: 'administer feature flags',
    realm: ['super_admin', ...domainAdmins],
    makerspace: { roles: ['makerspace_admin'], in: 'any' },
  },
  'flags:manage': {
    label: 'change feature flags for everyone',
    realm: ['super_admin', ...domainAdmins],
  },
  'flags:emergency': {
    label: 'change a feature flag at once, without the change process (an emergency change)',
    realm: ['super_admin'],
  },
  'flags:manage:global': {
    label: 'change a global feature flag',
    realm: ['super_admin'],
  },
  'flags:manage:org': {
    label: 'change a MakrX.org feature flag',
    realm: ['super_admin', 'admin:org'],
  },
  'flags:manage:cave': {
    label: 'change a MakrCave feature flag',
    realm: ['super_admin', 'admin:cave'],
  },
  'flags:manage:store': {
    label: 'change a MakrX.Store feature flag',
    realm: ['super_admin', 'admin:store'],
  },
  'flags:manage:makerspace': {
    label: "change this makerspace's own feature flags",
    realm: ['super_admin'],
    makerspace: { roles: ['makerspace_admin'], in: 'route' },
  },
  'makerspaces:create': {
    label: 'open a new makerspace on MakrCave',
    realm: ['super_admin', 'admin:cave'],
  },
  'makerspace:admin': {
    label: 'run this makerspace',
    realm: ['super_admin', 'admin:cave'],
    makerspace: { roles: ['makerspace_admin'], in: 'route' },
  },
  'makerspace:provide': {
    label: "take this makerspace's service jobs",
    realm: ['super_admin', 'admin:cave'],
    makerspace: { roles: ['service_provider'], in: 'route' },
  },
  'makerspace:members:read': {
    label: "see this makerspace's members directory",
    realm: ['super_admin', 'admin:org', 'admin:cave'],
    makerspace: { roles: ['makerspace_admin', 'service_provider', 'member'], in: 'route' },
  },
} as const satisfies Record<string, PermissionGrant>;

export type Permission = keyof typeof permissions;
export const permissionNames = Object.keys(permissions) as Permission[];

/** The flag permission for changing a flag of `domain` for everyone (null: a global flag). */
export const flagPermission = (domain: AdminDomain | null): Permission =>
  domain === null ? 'flags:manage:global' : `flags:manage:${domain}`;

/** Which makerspace a request is about, as the route names it. */
export type MakerspaceRef = { id: string } | { slug: string };

/** Whether the caller's token alone grants `permission`. A service or a guest holds none. */
export function realmGrants(caller: Caller | null, permission: Permission): boolean {
  if (caller?.kind !== 'user') return false;
  const held = new Set(caller.realmRoles);
  const grant: PermissionGrant = permissions[permission];
  return grant.realm.some((role) =>
    role === 'super_admin'
      ? held.has(realmRoles.superAdmin)
      : held.has(realmRoles.admin) && held.has(role),
  );
}

/** Whether holding `roles` in a makerspace grants `permission` there. */
export function makerspaceGrants(
  permission: Permission,
  roles: readonly MakerspaceRole[],
): boolean {
  const grant: PermissionGrant = permissions[permission];
  return grant.makerspace?.roles.some((role) => roles.includes(role)) ?? false;
}

/** The caller's roles in one makerspace, or in all of theirs together when `where` is absent. */
export function rolesIn(
  memberships: readonly MakerspaceMembership[],
  where?: MakerspaceRef,
): MakerspaceRole[] {
  const matching = memberships.filter(
    ({ makerspace }) =>
      !where || ('id' in where ? makerspace.id === where.id : makerspace.slug === where.slug),
  );
  return [...new Set(matching.flatMap((membership) => membership.roles))];
}
