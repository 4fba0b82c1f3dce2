import { cache } from 'react';
import { callService, ServiceError } from '../../lib/service-client';
import { flagValuesOf, serverFlagsOf, type FlagValues, type ServerFlags } from './flag-values';

/**
 * The feature flags for this request's visitor (the signed-in user, or a guest), evaluated by
 * the auth service on the server; asked once per request however many components read them.
 */
export const serverFlags = cache(async (): Promise<ServerFlags> =>
  serverFlagsOf(await readFlags()),
);

/** Never fails the page: an auth service that does not answer leaves every flag at its fallback. */
async function readFlags(): Promise<FlagValues> {
  try {
    const { body } = await callService<unknown>('auth', '/flags/evaluate', { timeoutMs: 3000 });
    return flagValuesOf(body);
  } catch (error) {
    if (error instanceof ServiceError) return {};
    throw error;
  }
}
