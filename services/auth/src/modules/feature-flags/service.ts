import type {
  FeatureFlag,
  FeatureFlagChange,
  FeatureFlagListItem,
  FeatureFlagUpdate,
  FlagEvaluation,
  MakerspaceOverrideUpdate,
} from '@makrx/contracts';
import { realmGrants } from '@makrx/auth';
import { recordAudit, type Database } from '@makrx/db';
import {
  featureFlagChanges,
  featureFlagMakerspaceOverrides,
  featureFlags,
  users,
} from '@makrx/db/schema';
import { evaluateAll, type FlagContext, type FlagDefinition } from '@makrx/flags';
import { conflict, notFound } from '@makrx/service-kit';
import { and, asc, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import {
  assertMayChange,
  assertMayOverride,
  governance,
  proposalRefusal,
  settingsRefusal,
  type FlagActor,
  type FlagView,
} from './governance';
import { flagChangeProposals } from './tables';

type FlagRow = typeof featureFlags.$inferSelect;

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
  name: row.name || row.key,
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

const MAKERSPACE_VIEW_REASON =
  'Only a super admin or a MakrCave admin may change this flag for every makerspace; you can turn it on or off for your own.';

/** Keeps of a flag what a makerspace admin may see: their own makerspaces' part of it. */
function makerspaceShareOf(flag: FeatureFlag, makerspaceIds: string[]): FeatureFlag {
  const own = (id: string) => makerspaceIds.includes(id);
  const { makerspaceIds: targeted, ...targeting } = flag.targeting;
  return {
    ...flag,
    targeting: targeted ? { ...targeting, makerspaceIds: targeted.filter(own) } : targeting,
    makerspaceOverrides: Object.fromEntries(
      Object.entries(flag.makerspaceOverrides).filter(([id]) => own(id)),
    ),
  };
}

/**
 * The admin screens' list: every flag for super admins and admins, the makerspace-scoped ones
 * (their own makerspaces' overrides only) for makerspace admins; each with what the caller may do.
 */
export async function listFlagsFor(
  db: Database,
  actor: FlagActor,
  view: FlagView,
): Promise<FeatureFlagListItem[]> {
  const flags = await listFlags(db);
  if (view.kind === 'all') {
    const mayChangeAtOnce = realmGrants(actor.caller, 'flags:emergency');
    return flags.map((flag) => {
      const readOnlyReason = settingsRefusal(actor.caller, flag);
      return {
        ...flag,
        mayChange: readOnlyReason === null,
        readOnlyReason,
        mayPropose: proposalRefusal(actor.caller, flag) === null,
        mayChangeAtOnce,
      };
    });
  }
  return flags
    .filter((flag) => flag.scope === 'makerspace')
    .map((flag) => ({
      ...makerspaceShareOf(flag, view.makerspaceIds),
      mayChange: false,
      readOnlyReason: MAKERSPACE_VIEW_REASON,
      mayPropose: false,
      mayChangeAtOnce: false,
    }));
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

export async function findFlag(db: Database, key: string): Promise<FeatureFlag> {
  const [row] = await db.select().from(featureFlags).where(eq(featureFlags.key, key));
  if (!row) throw notFound('That feature flag');
  const overrides = await db
    .select()
    .from(featureFlagMakerspaceOverrides)
    .where(eq(featureFlagMakerspaceOverrides.flagKey, key));
  return toFlag(row, Object.fromEntries(overrides.map((o) => [o.makerspaceId, o.enabled])));
}

export interface Change {
  actor: FlagActor;
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
  emergency = false,
): Promise<number> {
  const [row] = await tx
    .insert(featureFlagChanges)
    .values({
      flagKey: key,
      changedBy: change.actor.caller.userId,
      justification,
      before,
      after,
      emergency,
    })
    .returning({ id: featureFlagChanges.id });
  await recordAudit(tx, {
    service: 'auth',
    action,
    entityType: 'feature_flag',
    entityId: key,
    actorId: change.actor.caller.userId,
    before,
    after: { ...(after as Record<string, unknown>), justification, emergency },
    requestId: change.requestId,
  });
  return row!.id;
}

/**
 * Gives the flag `settings` for everyone, in `tx`, with its history and audit rows; returns the
 * history row's id. Callers decide who may: an emergency change or an approved proposal.
 */
export async function applyFlagSettings(
  tx: Database,
  key: string,
  settings: FeatureFlagUpdate,
  change: Change,
  emergency: boolean,
): Promise<number> {
  const [row] = await tx.select().from(featureFlags).where(eq(featureFlags.key, key)).for('update');
  if (!row) throw notFound('That feature flag');
  const before = {
    enabled: row.enabled,
    rolloutPercentage: row.rolloutPercentage,
    targeting: row.targeting,
  };
  const after = {
    enabled: settings.enabled ?? row.enabled,
    rolloutPercentage: settings.rolloutPercentage ?? row.rolloutPercentage,
    targeting: settings.targeting ?? row.targeting,
  };
  await tx
    .update(featureFlags)
    .set({ ...after, updatedAt: new Date(), updatedBy: change.actor.caller.userId })
    .where(eq(featureFlags.key, key));
  return recordFlagChange(
    tx,
    key,
    emergency ? 'feature_flag.emergency_change' : 'feature_flag.changed',
    before,
    after,
    settings.justification,
    change,
    emergency,
  );
}

/**
 * PATCH /flags/:key: an emergency change, applied at once and marked so (spec 5: super admins'
 * "emergency flag toggles"). The route lets in super admins only; everyone else proposes.
 */
export async function changeFlagAtOnce(
  db: Database,
  key: string,
  update: FeatureFlagUpdate,
  change: Change,
): Promise<FeatureFlag> {
  const current = await findFlag(db, key);
  assertMayChange(change.actor.caller, current);
  await db.transaction((tx) =>
    applyFlagSettings(tx as unknown as Database, key, update, change, true),
  );
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
  await assertMayOverride(change.actor, current, makerspaceId);
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
      .set({ updatedAt: new Date(), updatedBy: change.actor.caller.userId })
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

/**
 * A flag's changes, newest first. Makerspace admins see only the changes to their own
 * makerspaces' settings of makerspace-scoped flags; `makerspaceId` narrows to one makerspace.
 */
export async function flagHistory(
  db: Database,
  key: string,
  view: FlagView,
  makerspaceId?: string,
): Promise<FeatureFlagChange[]> {
  const flag = await findFlag(db, key);
  const aboutMakerspace = sql<string>`${featureFlagChanges.after} ->> 'makerspaceId'`;
  const conditions: SQL[] = [eq(featureFlagChanges.flagKey, key)];
  if (view.kind === 'makerspaces') {
    if (flag.scope !== 'makerspace')
      throw governance('Makerspace admins see the history of makerspace-scoped flags only.');
    if (makerspaceId !== undefined && !view.makerspaceIds.includes(makerspaceId))
      throw governance('You can see the flag history of your own makerspace only.');
    conditions.push(inArray(aboutMakerspace, view.makerspaceIds));
  }
  if (makerspaceId !== undefined) conditions.push(eq(aboutMakerspace, makerspaceId));
  const rows = await db
    .select({
      change: featureFlagChanges,
      changedByName: users.displayName,
      proposalId: flagChangeProposals.id,
    })
    .from(featureFlagChanges)
    .leftJoin(users, eq(users.id, featureFlagChanges.changedBy))
    .leftJoin(flagChangeProposals, eq(flagChangeProposals.appliedChangeId, featureFlagChanges.id))
    .where(and(...conditions))
    .orderBy(desc(featureFlagChanges.changedAt), desc(featureFlagChanges.id));
  return rows.map(({ change, changedByName, proposalId }) => ({
    ...change,
    changedByName,
    proposalId,
    changedAt: change.changedAt.toISOString(),
  }));
}
