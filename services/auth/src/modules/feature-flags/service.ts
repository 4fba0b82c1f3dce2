import { adminDomains, realmRoles, type UserCaller } from '@makrx/auth';
import type {
  FeatureFlag,
  FeatureFlagChange,
  FeatureFlagUpdate,
  FlagEvaluation,
  MakerspaceOverrideUpdate,
} from '@makrx/contracts';
import { recordAudit, type Database } from '@makrx/db';
import { featureFlagChanges, featureFlagMakerspaceOverrides, featureFlags } from '@makrx/db/schema';
import { evaluateAll, type FlagContext, type FlagDefinition } from '@makrx/flags';
import { AppError, conflict, notFound } from '@makrx/service-kit';
import { and, asc, desc, eq } from 'drizzle-orm';

type FlagRow = typeof featureFlags.$inferSelect;

const governance = (message: string) => new AppError(403, 'FLAG_GOVERNANCE', message);

/** Super admins and (domain) admins see the flag admin screens. */
export function requireFlagViewer(caller: UserCaller): void {
  const roles = caller.realmRoles;
  if (!roles.includes(realmRoles.superAdmin) && !roles.includes(realmRoles.admin))
    throw governance('Only super admins and admins may see the flag settings.');
}

/**
 * Spec 5, "Flag Governance": super admins change every flag; a domain admin (admin plus
 * admin:<domain>) only the flags of that domain, never a global one. Makerspace admins are
 * refused here for now: their makerspace roles live in the cave's tables.
 */
export function assertMayChange(caller: UserCaller, flag: Pick<FlagRow, 'scope' | 'domain'>): void {
  const roles = caller.realmRoles;
  if (roles.includes(realmRoles.superAdmin)) return;
  if (!roles.includes(realmRoles.admin))
    throw governance('Only super admins and domain admins may change feature flags.');
  if (flag.scope === 'global' || flag.domain === null)
    throw governance('Only a super admin may change a global flag.');
  if (!roles.includes(realmRoles.adminOf(flag.domain))) {
    const held = adminDomains.filter((domain) => roles.includes(realmRoles.adminOf(domain)));
    throw governance(
      `This flag belongs to the ${flag.domain} domain; you administer ${held.length ? held.join(', ') : 'no domain'}.`,
    );
  }
}

async function overridesByFlag(db: Database): Promise<Map<string, Record<string, boolean>>> {
  const rows = await db.select().from(featureFlagMakerspaceOverrides);
  const byFlag = new Map<string, Record<string, boolean>>();
  for (const row of rows) {
    const overrides = byFlag.get(row.flagKey) ?? {};
    overrides[row.makerspaceId] = row.enabled;
    byFlag.set(row.flagKey, overrides);
  }
  return byFlag;
}

const toFlag = (row: FlagRow, overrides: Record<string, boolean> = {}): FeatureFlag => ({
  key: row.key,
  scope: row.scope,
  domain: row.domain,
  description: row.description,
  enabled: row.enabled,
  rolloutPercentage: row.rolloutPercentage,
  targeting: row.targeting,
  makerspaceOverrides: overrides,
  updatedAt: row.updatedAt.toISOString(),
  updatedBy: row.updatedBy,
});

export async function listFlags(db: Database): Promise<FeatureFlag[]> {
  const [rows, overrides] = await Promise.all([
    db.select().from(featureFlags).orderBy(asc(featureFlags.key)),
    overridesByFlag(db),
  ]);
  return rows.map((row) => toFlag(row, overrides.get(row.key)));
}

/** The current flags as the evaluator reads them; read on every call, so changes apply at once. */
export async function flagDefinitions(db: Database): Promise<FlagDefinition[]> {
  return (await listFlags(db)).map(
    ({ key, enabled, rolloutPercentage, targeting, makerspaceOverrides }) => ({
      key,
      enabled,
      rolloutPercentage,
      targeting,
      makerspaceOverrides,
    }),
  );
}

export async function evaluateFlagsFor(
  db: Database,
  context: FlagContext,
): Promise<FlagEvaluation> {
  return { flags: evaluateAll(await flagDefinitions(db), context) };
}

async function findFlag(db: Database, key: string): Promise<FeatureFlag> {
  const [row] = await db.select().from(featureFlags).where(eq(featureFlags.key, key));
  if (!row) throw notFound('That feature flag');
  const overrides = await db
    .select()
    .from(featureFlagMakerspaceOverrides)
    .where(eq(featureFlagMakerspaceOverrides.flagKey, key));
  return toFlag(row, Object.fromEntries(overrides.map((o) => [o.makerspaceId, o.enabled])));
}

interface Change {
  caller: UserCaller;
  requestId: string;
}

/** Writes the flag's history row and the audit row, in the transaction that made the change. */
async function recordFlagChange(
  tx: Database,
  key: string,
  action: string,
  before: unknown,
  after: unknown,
  justification: string,
  change: Change,
): Promise<void> {
  await tx.insert(featureFlagChanges).values({
    flagKey: key,
    changedBy: change.caller.userId,
    justification,
    before,
    after,
  });
  await recordAudit(tx, {
    service: 'auth',
    action,
    entityType: 'feature_flag',
    entityId: key,
    actorId: change.caller.userId,
    before,
    after: { ...(after as Record<string, unknown>), justification },
    requestId: change.requestId,
  });
}

export async function updateFlag(
  db: Database,
  key: string,
  update: FeatureFlagUpdate,
  change: Change,
): Promise<FeatureFlag> {
  const current = await findFlag(db, key);
  assertMayChange(change.caller, current);
  await db.transaction(async (tx) => {
    const [row] = await tx
      .select()
      .from(featureFlags)
      .where(eq(featureFlags.key, key))
      .for('update');
    if (!row) throw notFound('That feature flag');
    const before = {
      enabled: row.enabled,
      rolloutPercentage: row.rolloutPercentage,
      targeting: row.targeting,
    };
    const after = {
      enabled: update.enabled ?? row.enabled,
      rolloutPercentage: update.rolloutPercentage ?? row.rolloutPercentage,
      targeting: update.targeting ?? row.targeting,
    };
    await tx
      .update(featureFlags)
      .set({ ...after, updatedAt: new Date(), updatedBy: change.caller.userId })
      .where(eq(featureFlags.key, key));
    await recordFlagChange(
      tx as unknown as Database,
      key,
      'feature_flag.changed',
      before,
      after,
      update.justification,
      change,
    );
  });
  return findFlag(db, key);
}

export async function setMakerspaceOverride(
  db: Database,
  key: string,
  makerspaceId: string,
  update: MakerspaceOverrideUpdate,
  change: Change,
): Promise<FeatureFlag> {
  const current = await findFlag(db, key);
  assertMayChange(change.caller, current);
  if (current.scope !== 'makerspace')
    throw conflict(
      'FLAG_NOT_MAKERSPACE_SCOPED',
      'Only makerspace-scoped flags can be set per makerspace.',
    );
  await db.transaction(async (tx) => {
    const where = and(
      eq(featureFlagMakerspaceOverrides.flagKey, key),
      eq(featureFlagMakerspaceOverrides.makerspaceId, makerspaceId),
    );
    const [existing] = await tx
      .select()
      .from(featureFlagMakerspaceOverrides)
      .where(where)
      .for('update');
    await tx
      .insert(featureFlagMakerspaceOverrides)
      .values({ flagKey: key, makerspaceId, enabled: update.enabled })
      .onConflictDoUpdate({
        target: [
          featureFlagMakerspaceOverrides.flagKey,
          featureFlagMakerspaceOverrides.makerspaceId,
        ],
        set: { enabled: update.enabled },
      });
    await tx
      .update(featureFlags)
      .set({ updatedAt: new Date(), updatedBy: change.caller.userId })
      .where(eq(featureFlags.key, key));
    await recordFlagChange(
      tx as unknown as Database,
      key,
      'feature_flag.makerspace_override_set',
      { makerspaceId, enabled: existing?.enabled ?? null },
      { makerspaceId, enabled: update.enabled },
      update.justification,
      change,
    );
  });
  return findFlag(db, key);
}

export async function flagHistory(db: Database, key: string): Promise<FeatureFlagChange[]> {
  await findFlag(db, key);
  const rows = await db
    .select()
    .from(featureFlagChanges)
    .where(eq(featureFlagChanges.flagKey, key))
    .orderBy(desc(featureFlagChanges.changedAt), desc(featureFlagChanges.id));
  return rows.map((row) => ({ ...row, changedAt: row.changedAt.toISOString() }));
}
