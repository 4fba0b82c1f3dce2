import type { Database } from '@makrx/db';
import { featureFlagMakerspaceOverrides, featureFlags } from '@makrx/db/schema';
import { evaluateFlag, type FlagDefinition } from './evaluate.js';

/** Who a service asks a flag for; a guest is `{}`. */
export interface FlagReaderContext {
  userId?: string | undefined;
  roles?: readonly string[] | undefined;
  makerspaceId?: string | undefined;
}

export interface FlagReader {
  /** Whether `key` is on for the caller; an unknown flag is off. */
  isOn(key: string, context?: FlagReaderContext): Promise<boolean>;
  /** Every flag as last read, for the OpenFeature provider (`new MakrxFlagProvider(reader.definitions)`). */
  definitions(): Promise<readonly FlagDefinition[]>;
  /** Forgets what was read, so the next question reads the database again. */
  invalidate(): void;
}

export interface FlagReaderOptions {
  /**
   * How long one reading of the flags is trusted. A change made by an admin in any service is
   * seen by every service within this time (issue: "within seconds, without a restart").
   */
  maxAgeMs?: number | undefined;
  /** The clock; tests move it instead of waiting. */
  now?: () => number;
}

async function readDefinitions(db: Database): Promise<FlagDefinition[]> {
  const [flags, overrides] = await Promise.all([
    db.select().from(featureFlags),
    db.select().from(featureFlagMakerspaceOverrides),
  ]);
  const overridesByFlag = new Map<string, Record<string, boolean>>();
  for (const row of overrides) {
    const byMakerspace = overridesByFlag.get(row.flagKey) ?? {};
    byMakerspace[row.makerspaceId] = row.enabled;
    overridesByFlag.set(row.flagKey, byMakerspace);
  }
  return flags.map((flag) => ({
    key: flag.key,
    enabled: flag.enabled,
    rolloutPercentage: flag.rolloutPercentage,
    targeting: flag.targeting,
    makerspaceOverrides: overridesByFlag.get(flag.key) ?? {},
  }));
}

/**
 * The flags of public.feature_flags (and their makerspace overrides) as a service reads them:
 * one query pair per `maxAgeMs` at most, shared by every caller asking in that time, so a flag
 * checked on every request costs no database round trip.
 */
export function createFlagReader(
  db: Database,
  { maxAgeMs = 1000, now = Date.now }: FlagReaderOptions = {},
): FlagReader {
  let cached: { readAt: number; flags: Promise<Map<string, FlagDefinition>> } | undefined;

  const current = (): Promise<Map<string, FlagDefinition>> => {
    const time = now();
    if (cached && time - cached.readAt < maxAgeMs) return cached.flags;
    const flags = readDefinitions(db).then((list) => new Map(list.map((flag) => [flag.key, flag])));
    const entry = { readAt: time, flags };
    cached = entry;
    // A failed read is not remembered: the next question tries the database again.
    flags.catch(() => {
      if (cached === entry) cached = undefined;
    });
    return flags;
  };

  return {
    async isOn(key, context = {}) {
      const flag = (await current()).get(key);
      if (!flag) return false;
      return evaluateFlag(flag, {
        roles: [...(context.roles ?? [])],
        ...(context.userId ? { userId: context.userId } : {}),
        ...(context.makerspaceId ? { makerspaceId: context.makerspaceId } : {}),
      });
    },
    definitions: async () => [...(await current()).values()],
    invalidate: () => {
      cached = undefined;
    },
  };
}
