export type AccountStatus =
  { kind: 'active' } | { kind: 'locked-by-admin' } | { kind: 'locked-until'; until: Date };

/**
 * The auth service locks an account "until an admin unlocks it" by writing the year 9999;
 * any earlier date is the brute-force lock after failed sign-ins, which ends on its own.
 */
const LOCKED_BY_ADMIN_FROM_YEAR = 9999;

export function accountStatusOf(lockedUntil: string | null, now: Date): AccountStatus {
  if (!lockedUntil) return { kind: 'active' };
  const until = new Date(lockedUntil);
  if (until.getUTCFullYear() >= LOCKED_BY_ADMIN_FROM_YEAR) return { kind: 'locked-by-admin' };
  return until > now ? { kind: 'locked-until', until } : { kind: 'active' };
}
