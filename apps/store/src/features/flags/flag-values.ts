import type { FlagKey } from '@makrx/contracts';

/** Every flag evaluated for one visitor, as GET /api/v1/flags/evaluate answers. */
export type FlagValues = Readonly<Record<string, boolean>>;

export interface ServerFlags {
  /** Whether `key` is on; `fallback` when the flags could not be read or the flag is unknown. */
  isOn(key: FlagKey, fallback?: boolean): boolean;
  /** What the auth service answered; empty when it could not be reached. */
  values: FlagValues;
}

/** The flags in an answer of GET /api/v1/flags/evaluate; none from an answer without them. */
export function flagValuesOf(answer: unknown): FlagValues {
  const flags = (answer as { flags?: unknown } | null)?.flags;
  if (typeof flags !== 'object' || flags === null) return {};
  return Object.fromEntries(
    Object.entries(flags).filter(
      (entry): entry is [string, boolean] => typeof entry[1] === 'boolean',
    ),
  );
}

export const serverFlagsOf = (values: FlagValues): ServerFlags => ({
  values,
  isOn: (key, fallback = false) => values[key] ?? fallback,
});

/** The keys whose value differs between two readings. */
export function changedFlags(before: FlagValues, after: FlagValues): string[] {
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...keys].filter((key) => before[key] !== after[key]);
}
