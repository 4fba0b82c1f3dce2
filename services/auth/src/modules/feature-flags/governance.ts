import { adminDomains, realmRoles, type UserCaller } from '@makrx/auth';
import type { FeatureFlag } from '@makrx/contracts';
import { AppError, type Peers } from '@makrx/service-kit';

/**
 * Spec 5, "Flag Governance", enforced here and nowhere else:
 * - super admins change every flag;
 * - a domain admin (admin plus admin:<domain>) only the flags of that domain, never a global one;
 * - a makerspace admin only makerspace-scoped flags, and only for their own makerspace.
 * Makerspace roles are not in tokens: the cave answers them from its memberships.
 */

type GovernedFlag = Pick<FeatureFlag, 'key' | 'scope' | 'domain'>;

export const governance = (message: string) => new AppError(403, 'FLAG_GOVERNANCE', message);

const MAKERSPACE_ADMIN_LIMIT =
  'Makerspace admins may only turn makerspace-scoped flags on or off for their own makerspace.';

/** Who is asking, and the makerspaces they administer (asked of the cave once, when needed). */
export interface FlagActor {
  caller: UserCaller;
  makerspacesAdministered(): Promise<string[]>;
}

interface MembershipList {
  items: Array<{ makerspace: { id: string }; roles: string[] }>;
}

export function flagActor(caller: UserCaller, peers: Peers): FlagActor {
  let administered: Promise<string[]> | undefined;
  return {
    caller,
    makerspacesAdministered: () =>
      (administered ??= peers
        .json<MembershipList>(
          'cave',
          `/api/v1/user/makerspaces?userId=${encodeURIComponent(caller.userId)}`,
        )
        .then(({ items }) =>
          items
            .filter((item) => item.roles.includes('makerspace_admin'))
            .map((item) => item.makerspace.id),
        )),
  };
}

const isSuperAdmin = (caller: UserCaller) => caller.realmRoles.includes(realmRoles.superAdmin);
const isAdmin = (caller: UserCaller) => caller.realmRoles.includes(realmRoles.admin);

/** Why the caller may not change the flag's settings for everyone; null when they may. */
export function settingsRefusal(caller: UserCaller, flag: GovernedFlag): string | null {
  if (isSuperAdmin(caller)) return null;
  if (!isAdmin(caller))
    return `Only super admins and domain admins may change a flag for everyone. ${MAKERSPACE_ADMIN_LIMIT}`;
  if (flag.scope === 'global' || flag.domain === null)
    return 'Only a super admin may change a global flag.';
  if (caller.realmRoles.includes(realmRoles.adminOf(flag.domain))) return null;
  const held = adminDomains.filter((domain) =>
    caller.realmRoles.includes(realmRoles.adminOf(domain)),
  );
  return `This flag belongs to the ${flag.domain} domain; you administer ${held.length ? held.join(', ') : 'no domain'}.`;
}

/** PATCH /flags/:key: the settings every user gets. */
export function assertMayChange(caller: UserCaller, flag: GovernedFlag): void {
  const refusal = settingsRefusal(caller, flag);
  if (refusal) throw governance(refusal);
}

/** PUT /flags/:key/makerspaces/:id: a flag's setting for one makerspace. */
export async function assertMayOverride(
  actor: FlagActor,
  flag: GovernedFlag,
  makerspaceId: string,
): Promise<void> {
  const refusal = settingsRefusal(actor.caller, flag);
  if (refusal === null) return;
  // Only a makerspace-scoped flag can be a makerspace admin's; anything else is refused as is.
  if (flag.scope !== 'makerspace') throw governance(refusal);
  const administered = await actor.makerspacesAdministered();
  if (administered.includes(makerspaceId)) return;
  throw governance(
    administered.length > 0
      ? `You administer another makerspace, not this one. ${MAKERSPACE_ADMIN_LIMIT}`
      : refusal,
  );
}

/** What of the flag settings the caller may see: all of them, or their makerspaces' share. */
export type FlagView = { kind: 'all' } | { kind: 'makerspaces'; makerspaceIds: string[] };

export async function flagViewOf(actor: FlagActor): Promise<FlagView> {
  if (isSuperAdmin(actor.caller) || isAdmin(actor.caller)) return { kind: 'all' };
  const makerspaceIds = await actor.makerspacesAdministered();
  if (makerspaceIds.length === 0)
    throw governance('Only super admins, admins and makerspace admins may see the flag settings.');
  return { kind: 'makerspaces', makerspaceIds };
}
