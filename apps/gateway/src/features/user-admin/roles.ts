import type { AssignableRole } from '@makrx/contracts';

/**
 * The global roles the API assigns, least powerful first, so the riskiest choice sits at the
 * bottom of the list. A copy of the contract's enum: importing its zod schema would ship zod to
 * the browser for six strings (roles.test.ts keeps the two in step).
 */
export const assignableRoles = [
  'store_customer',
  'admin',
  'admin:org',
  'admin:cave',
  'admin:store',
  'super_admin',
] as const satisfies readonly AssignableRole[];

export function isAssignableRole(role: string): role is AssignableRole {
  return (assignableRoles as readonly string[]).includes(role);
}

/** The roles a user could still be given. */
export function rolesLacking(roles: readonly string[]): AssignableRole[] {
  return assignableRoles.filter((role) => !roles.includes(role));
}

/** Assignable roles in list order, then any others (from an older or newer API) by name. */
export function sortRoles(roles: readonly string[]): string[] {
  const rank = (role: string) =>
    isAssignableRole(role) ? assignableRoles.indexOf(role) : assignableRoles.length;
  return [...roles].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
}

/** What each global role is called on the admin pages (spec 4's names, the domain spelled out). */
export const roleLabels: Record<AssignableRole, string> = {
  store_customer: 'Store customer',
  admin: 'Admin (no domain yet)',
  'admin:org': 'MakrX.org admin',
  'admin:cave': 'MakrCave admin',
  'admin:store': 'MakrX.Store admin',
  super_admin: 'Super admin',
};

/** A role's name for people; a role this app does not know keeps its own spelling. */
export const roleLabel = (role: string): string =>
  isAssignableRole(role) ? roleLabels[role] : role;

/** Makerspace roles (the cave's), as the user pages name them. */
export const makerspaceRoleLabels: Record<string, string> = {
  makerspace_admin: 'Makerspace admin',
  service_provider: 'Service provider',
  member: 'Member',
};

/** A makerspace role's name for people; one this app does not know keeps its own spelling. */
export const makerspaceRoleLabel = (role: string): string => makerspaceRoleLabels[role] ?? role;

/** One membership as the users list shows it: "MakrX Hub Bengaluru · Member". */
export function membershipLine(membership: {
  makerspace: { name: string };
  roles: readonly string[];
}): string {
  const roles = membership.roles.map(makerspaceRoleLabel).join(', ');
  return roles ? `${membership.makerspace.name} · ${roles}` : membership.makerspace.name;
}

/** Whether MakrCave could not be asked for some row's makerspaces (the list says so once). */
export const makerspacesMissing = (rows: readonly { makerspaces: unknown[] | null }[]): boolean =>
  rows.some((row) => row.makerspaces === null);
