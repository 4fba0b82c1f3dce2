import type { FlagImpact, FlagSettings } from '@makrx/contracts';
import type { Database } from '@makrx/db';
import { countAccounts } from '../identity/service';

/** The share of its audience a flag's settings turn it on for, in percent. */
const exposureOf = (settings: FlagSettings) => (settings.enabled ? settings.rolloutPercentage : 0);

const sameRoles = (a: FlagSettings, b: FlagSettings) =>
  JSON.stringify([...(a.targeting.roles ?? [])].sort()) ===
  JSON.stringify([...(b.targeting.roles ?? [])].sort());

/**
 * How many users a change of a flag's settings affects (spec 5, "review impact on affected
 * users"). Every account can use every portal (single sign-on), so a flag's audience is every
 * account, or the accounts holding the roles it targets. Users whose answer may change are the
 * share between the old and new exposure: 0 → 100 % is everyone, a rollout from 20 to 50 % is
 * 30 % of them; a change of the targeted roles counts the larger exposure among both audiences.
 * Makerspace targeting is the cave's to count and is not narrowed here.
 */
export async function impactOf(
  db: Database,
  before: FlagSettings,
  after: FlagSettings,
): Promise<FlagImpact> {
  const roles = (settings: FlagSettings) => settings.targeting.roles ?? [];
  if (sameRoles(before, after)) {
    const audienceUsers = await countAccounts(db, roles(after));
    const share = Math.abs(exposureOf(after) - exposureOf(before));
    return { audienceUsers, affectedUsers: Math.round((audienceUsers * share) / 100) };
  }
  const everyone = roles(before).length === 0 || roles(after).length === 0;
  const audienceUsers = await countAccounts(
    db,
    everyone ? undefined : [...new Set([...roles(before), ...roles(after)])],
  );
  const share = Math.max(exposureOf(before), exposureOf(after));
  return { audienceUsers, affectedUsers: Math.round((audienceUsers * share) / 100) };
}
