import type { FlagKey } from '@makrx/contracts';

/** Every flag evaluated for one visitor, as GET /api/v1/flags/evaluate answers. */
export type FlagValues = Readonly<Record<string, boolean>>;

export interface ServerFlags {
  /** Whether `key` is on; `fallback` when the flags could not be read or the flag is unknown. */
  isOn(key: FlagKey, fallback?: boolean): boolean;
  /** What the auth service answered; empty when it could not be reached. */
  values: FlagValues;
}

/**
 * Asks the auth service to evaluate every flag for the holder of `accessToken` (a guest
 * without). Never throws: an unreachable service leaves every flag at its fallback.
 */
export async function fetchFlagValues(
  authApiUrl: string,
  accessToken: string | undefined,
  send: typeof fetch = fetch,
): Promise<FlagValues> {
  try {
    const response = await send(`${authApiUrl}/api/v1/flags/evaluate`, {
      headers: accessToken ? { authorization: `Bearer ${accessToken}` } : {},
      cache: 'no-store',
      signal: AbortSignal.timeout(3000),
    });
    if (!response.ok) return {};
    const body = (await response.json()) as { flags?: unknown };
    if (typeof body.flags !== 'object' || body.flags === null) return {};
    return Object.fromEntries(
      Object.entries(body.flags).filter(
        (entry): entry is [string, boolean] => typeof entry[1] === 'boolean',
      ),
    );
  } catch {
    return {};
  }
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
