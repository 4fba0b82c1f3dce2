import type { MakerspaceRoleName } from '@makrx/contracts';

/** How a makerspace role reads beside a person's name. */
export const roleLabels: Record<MakerspaceRoleName, string> = {
  makerspace_admin: 'Admin',
  service_provider: 'Service provider',
  member: 'Member',
};

/** Strongest first: a person shown with one role is shown with the one that lets them most. */
const rank: MakerspaceRoleName[] = ['makerspace_admin', 'service_provider', 'member'];

export function leadingRole(roles: readonly MakerspaceRoleName[]): MakerspaceRoleName | undefined {
  return rank.find((role) => roles.includes(role));
}

/** "Admin", "Service provider · Member"; the strongest first. */
export function rolesText(roles: readonly MakerspaceRoleName[]): string {
  return rank
    .filter((role) => roles.includes(role))
    .map((role) => roleLabels[role])
    .join(' · ');
}

/** What a person may do in one makerspace: the access matrix's cave rows, for choosing controls. */
export interface MakerspaceAbilities {
  /** Belongs there in some role, or runs MakrCave: sees the makerspace's own pages. */
  isInside: boolean;
  /** Equipment management, full: edit machines, status, maintenance. */
  manageEquipment: boolean;
  /** Member management: members and invites. */
  manageMembers: boolean;
  /** Equipment reservations: book machines. */
  book: boolean;
  /** The makerspace's features (spec 5, "Flag Governance"). */
  manageFeatures: boolean;
  /** The analytics dashboard: admins and service providers, not members. */
  viewAnalytics: boolean;
  /** Running the makerspace (`makerspace:admin`): trainings, passes, billing, settings. */
  runMakerspace: boolean;
  /** Billing: members read their own invoices, admins run it; service providers see none. */
  viewBilling: boolean;
  /** Service provider tools (`makerspace:provide`): print offerings, jobs, earnings. */
  providePrints: boolean;
}

/**
 * Whether the token's realm roles run MakrCave: super admins, and admins of the cave domain.
 * They hold `makerspace:admin` everywhere and `makerspaces:create` (packages/auth permissions).
 */
export function runsMakrCave(realmRoles: readonly string[]): boolean {
  return (
    realmRoles.includes('super_admin') ||
    (realmRoles.includes('admin') && realmRoles.includes('admin:cave'))
  );
}

/** `makerspaces:create`: who may open a new makerspace (held through the realm roles only). */
export const mayOpenMakerspaces = runsMakrCave;

/**
 * The matrix cells for the cave rows, given the token's realm roles and the roles held in the
 * makerspace. The services decide again on every request; this only chooses what to show, so
 * that a control a role may not use is absent rather than refused.
 */
export function abilitiesOf(
  realmRoles: readonly string[],
  heldHere: readonly MakerspaceRoleName[],
): MakerspaceAbilities {
  const runsCave = runsMakrCave(realmRoles);
  const admin = runsCave || heldHere.includes('makerspace_admin');
  const provider = heldHere.includes('service_provider');
  return {
    isInside: runsCave || heldHere.length > 0,
    manageEquipment: admin || provider,
    manageMembers: admin,
    book: runsCave || heldHere.length > 0,
    manageFeatures: admin,
    viewAnalytics: admin || provider,
    runMakerspace: admin,
    viewBilling: admin || heldHere.includes('member'),
    providePrints: runsCave || provider,
  };
}

export const noAbilities: MakerspaceAbilities = {
  isInside: false,
  manageEquipment: false,
  manageMembers: false,
  book: false,
  manageFeatures: false,
  viewAnalytics: false,
  runMakerspace: false,
  viewBilling: false,
  providePrints: false,
};
