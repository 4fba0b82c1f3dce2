import type {
  FeatureFlag,
  FeatureFlagChange,
  FlagChangeProposal,
  FlagProposalStatus,
  FlagTargeting,
} from '@makrx/contracts';

/** The sections of the flag screen, in the spec's order (section 5). */
export const flagGroups = [
  {
    id: 'global',
    title: 'Global',
    description: 'Affect MakrX.org, MakrCave and MakrX.Store at once.',
  },
  { id: 'org', title: 'MakrX.org', description: 'The gateway and maker hub.' },
  { id: 'cave', title: 'MakrCave', description: 'Makerspaces, equipment and projects.' },
  { id: 'store', title: 'MakrX.Store', description: 'The shop and fabrication services.' },
] as const;
export type FlagGroupId = (typeof flagGroups)[number]['id'];

export function groupOf(flag: Pick<FeatureFlag, 'scope' | 'domain'>): FlagGroupId {
  return flag.scope === 'global' || flag.domain === null ? 'global' : flag.domain;
}

/** On for everyone it reaches, off, or on for only part of them (rollout, roles, makerspaces). */
export type FlagState = 'on' | 'off' | 'partial';

export const flagStates = [
  { id: 'on', label: 'On' },
  { id: 'partial', label: 'Partly on' },
  { id: 'off', label: 'Off' },
] as const satisfies readonly { id: FlagState; label: string }[];

export function stateOf(
  flag: Pick<FeatureFlag, 'enabled' | 'rolloutPercentage' | 'targeting' | 'makerspaceOverrides'>,
): FlagState {
  if (!flag.enabled) return 'off';
  const narrowed =
    flag.rolloutPercentage < 100 ||
    (flag.targeting.roles?.length ?? 0) > 0 ||
    (flag.targeting.makerspaceIds?.length ?? 0) > 0 ||
    Object.values(flag.makerspaceOverrides).some((on) => !on);
  return narrowed ? 'partial' : 'on';
}

/** Whether the flag's name, description or key holds every word of the search. */
export function matchesSearch(
  flag: Pick<FeatureFlag, 'key' | 'name' | 'description'>,
  search: string,
): boolean {
  const haystack =
    `${flag.name} ${flag.description} ${flag.key} ${flag.key.replace(/_/g, ' ')}`.toLowerCase();
  return search
    .toLowerCase()
    .split(/\s+/)
    .filter(Boolean)
    .every((word) => haystack.includes(word));
}

export const scopeLabels: Record<FeatureFlag['scope'], string> = {
  global: 'Global',
  domain: 'Domain',
  makerspace: 'Per makerspace',
};

/**
 * Realm roles a flag can be targeted at: the roles tokens carry. Makerspace roles live in the
 * cave, not in tokens, so per-makerspace targeting goes through makerspace overrides instead.
 */
export const targetableRoles = [
  'store_customer',
  'admin',
  'admin:org',
  'admin:cave',
  'admin:store',
  'super_admin',
] as const;

/** Who the flag reaches while on, in a few words: "Everyone", "30% of store_customer". */
export function audienceOf(flag: Pick<FeatureFlag, 'rolloutPercentage' | 'targeting'>): string {
  const roles = flag.targeting.roles ?? [];
  const who = roles.length > 0 ? roles.join(', ') : 'everyone';
  if (flag.rolloutPercentage >= 100) return roles.length > 0 ? who : 'Everyone';
  return `${flag.rolloutPercentage}% of ${who}`;
}

export type MakerspaceNames = ReadonlyMap<string, string>;

export const makerspaceName = (names: MakerspaceNames, id: string) =>
  names.get(id) ?? `Makerspace ${id.slice(0, 8)}`;

interface Settings {
  enabled?: boolean;
  rolloutPercentage?: number;
  targeting?: FlagTargeting;
}
interface OverrideSetting {
  makerspaceId: string;
  enabled: boolean | null;
}

const isOverride = (value: unknown): value is OverrideSetting =>
  typeof value === 'object' && value !== null && 'makerspaceId' in value;
const onOff = (enabled: boolean | null | undefined) =>
  enabled === true ? 'On' : enabled === false ? 'Off' : 'Default';
const rolesOf = (targeting: FlagTargeting | undefined) =>
  targeting?.roles?.length ? targeting.roles.join(', ') : 'everyone';

export interface ChangeLine {
  what: string;
  before: string;
  after: string;
}

/** What one history entry changed, as "what: before → after" lines. */
export function changeLines(change: FeatureFlagChange, names: MakerspaceNames): ChangeLine[] {
  if (isOverride(change.after)) {
    const before = isOverride(change.before) ? change.before.enabled : null;
    return [
      {
        what: makerspaceName(names, change.after.makerspaceId),
        before: onOff(before),
        after: onOff(change.after.enabled),
      },
    ];
  }
  const before = (change.before ?? {}) as Settings;
  const after = (change.after ?? {}) as Settings;
  const lines: ChangeLine[] = [];
  if (before.enabled !== after.enabled)
    lines.push({ what: 'State', before: onOff(before.enabled), after: onOff(after.enabled) });
  if (before.rolloutPercentage !== after.rolloutPercentage)
    lines.push({
      what: 'Rollout',
      before: `${before.rolloutPercentage}%`,
      after: `${after.rolloutPercentage}%`,
    });
  if (rolesOf(before.targeting) !== rolesOf(after.targeting))
    lines.push({
      what: 'Roles',
      before: rolesOf(before.targeting),
      after: rolesOf(after.targeting),
    });
  return lines.length > 0 ? lines : [{ what: 'Settings', before: 'unchanged', after: 'unchanged' }];
}

export const proposalStatusLabels: Record<FlagProposalStatus, string> = {
  open: 'Waiting for approval',
  approved: 'Approved',
  rejected: 'Rejected',
  withdrawn: 'Withdrawn',
};

/** What a proposal would change, as "what: before → after" lines. */
export const proposalLines = (
  proposal: Pick<FlagChangeProposal, 'before' | 'after'>,
  names: MakerspaceNames,
): ChangeLine[] =>
  changeLines(
    {
      id: 0,
      flagKey: '',
      changedAt: '',
      changedBy: null,
      changedByName: null,
      justification: '',
      before: proposal.before,
      after: proposal.after,
      emergency: false,
      proposalId: null,
    },
    names,
  );
