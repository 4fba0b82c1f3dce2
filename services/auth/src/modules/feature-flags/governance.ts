import {
  adminDomains,
  flagPermission,
  realmGrants,
  signedInUser,
  type RequestAccess,
  type UserCaller,
} from '@makrx/auth';
import type { FeatureFlag } from '@makrx/contracts';
import { AppError } from '@makrx/service-kit';
import type { FastifyRequest } from 'fastify';

/**
 * Spec 5, "Flag Governance": the routes let in anyone holding `flags:admin` (super admins,
 * domain admins, makerspace admins; changes for everyone `flags:manage`, without the latter);
 * which flag they may change depends on the flag, so it is decided here, with the permissions
 * of packages/auth:
 * - super admins change every flag;
 * - a domain admin only the flags of that domain (`flags:manage:<domain>`), never a global one;
 * - a makerspace admin only makerspace-scoped flags, and only for their own makerspace
 *   (`flags:manage:makerspace`, from the cave's memberships).
 */

type GovernedFlag = Pick<FeatureFlag, 'key' | 'scope' | 'domain'>;

export const governance = (message: string) => new AppError(403, 'FLAG_GOVERNANCE', message);

const MAKERSPACE_ADMIN_LIMIT =
  'Makerspace admins may only turn makerspace-scoped flags on or off for their own makerspace.';

/** Who is asking, and what the guard knows they may do. */
export interface FlagActor {
  caller: UserCaller;
  access: RequestAccess;
}

export const flagActorOf = (request: FastifyRequest): FlagActor => ({
  caller: signedInUser(request),
  access: request.access,
});

const domainOf = (flag: GovernedFlag) => (flag.scope === 'global' ? null : flag.domain);

/** Why the caller may not change the flag's settings for everyone; null when they may. */
export function settingsRefusal(caller: UserCaller, flag: GovernedFlag): string | null {
  const domain = domainOf(flag);
  if (realmGrants(caller, flagPermission(domain))) return null;
  const administered = adminDomains.filter((d) => realmGrants(caller, flagPermission(d)));
  if (administered.length === 0)
    return `Only super admins and domain admins may change a flag for everyone. ${MAKERSPACE_ADMIN_LIMIT}`;
  if (domain === null) return 'Only a super admin may change a global flag.';
  return `This flag belongs to the ${domain} domain; you administer ${administered.join(', ')}.`;
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
  if (await actor.access.can('flags:manage:makerspace', { id: makerspaceId })) return;
  throw governance(
    (await makerspacesAdministered(actor)).length > 0
      ? `You administer another makerspace, not this one. ${MAKERSPACE_ADMIN_LIMIT}`
      : refusal,
  );
}

async function makerspacesAdministered(actor: FlagActor): Promise<string[]> {
  return (await actor.access.memberships())
    .filter((membership) => membership.roles.includes('makerspace_admin'))
    .map((membership) => membership.makerspace.id);
}

/** What of the flag settings the caller may see: all of them, or their makerspaces' share. */
export type FlagView = { kind: 'all' } | { kind: 'makerspaces'; makerspaceIds: string[] };

export async function flagViewOf(actor: FlagActor): Promise<FlagView> {
  // Anyone who administers flags for everyone sees every flag; the guard let in the rest
  // because they run a makerspace.
  if (realmGrants(actor.caller, 'flags:admin')) return { kind: 'all' };
  return { kind: 'makerspaces', makerspaceIds: await makerspacesAdministered(actor) };
}

/**
 * Why the caller may not propose a change of the flag for everyone; null when they may. Super
 * admins propose any; a domain admin their domain's flags and the global ones, which touch their
 * domain too (spec 5: they "cannot modify global flags", so another level approves them).
 */
export function proposalRefusal(caller: UserCaller, flag: GovernedFlag): string | null {
  const refusal = settingsRefusal(caller, flag);
  if (refusal === null || domainOf(flag) !== null) return refusal;
  const administers = adminDomains.some((d) => realmGrants(caller, flagPermission(d)));
  return administers ? null : refusal;
}

/** The "right level" of spec 5's change process: whoever may change the flag for everyone. */
export const decisionRefusal = settingsRefusal;
