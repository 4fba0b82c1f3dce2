import { createHash } from 'node:crypto';

/** Who a flag is targeted at; empty lists target everyone. */
export interface FlagTargeting {
  roles?: string[];
  makerspaceIds?: string[];
}

/** A flag as the evaluator sees it. */
export interface FlagDefinition {
  key: string;
  enabled: boolean;
  rolloutPercentage: number;
  targeting: FlagTargeting;
  /** Per-makerspace on/off that wins over targeting and rollout for that makerspace. */
  makerspaceOverrides?: Record<string, boolean>;
}

/** The caller a flag is evaluated for. */
export interface FlagContext {
  userId?: string;
  roles: string[];
  makerspaceId?: string;
}

/**
 * The sticky rollout bucket of a user for a flag, 0..99: the first four bytes of
 * sha256(`${key}:${userId}`) modulo 100. A user in bucket b is on for every percentage > b, so
 * raising the percentage only ever adds users.
 */
export function rolloutBucket(flagKey: string, userId: string): number {
  const digest = createHash('sha256').update(`${flagKey}:${userId}`).digest();
  return digest.readUInt32BE(0) % 100;
}

/** Evaluates one flag for one caller. */
export function evaluateFlag(flag: FlagDefinition, context: FlagContext): boolean {
  if (!flag.enabled) return false;
  const override =
    context.makerspaceId === undefined
      ? undefined
      : flag.makerspaceOverrides?.[context.makerspaceId];
  if (override !== undefined) return override;
  const roles = flag.targeting.roles ?? [];
  if (roles.length > 0 && !roles.some((role) => context.roles.includes(role))) return false;
  const makerspaceIds = flag.targeting.makerspaceIds ?? [];
  if (
    makerspaceIds.length > 0 &&
    (context.makerspaceId === undefined || !makerspaceIds.includes(context.makerspaceId))
  ) {
    return false;
  }
  if (flag.rolloutPercentage >= 100) return true;
  if (flag.rolloutPercentage <= 0 || context.userId === undefined) return false;
  return rolloutBucket(flag.key, context.userId) < flag.rolloutPercentage;
}

/** Evaluates every flag for one caller. */
export function evaluateAll(
  flags: readonly FlagDefinition[],
  context: FlagContext,
): Record<string, boolean> {
  return Object.fromEntries(flags.map((flag) => [flag.key, evaluateFlag(flag, context)]));
}
