import { cache } from 'react';
import { storeConfig } from '../../lib/config';
import { currentSession } from '../session/current-session';
import { fetchFlagValues, serverFlagsOf, type ServerFlags } from './flag-values';

/**
 * The feature flags for this request's visitor (the signed-in user, or a guest), evaluated by
 * the auth service on the server; asked once per request however many components read them.
 */
export const serverFlags = cache(async (): Promise<ServerFlags> => {
  const { authApiUrl } = await storeConfig();
  const session = await currentSession();
  return serverFlagsOf(await fetchFlagValues(authApiUrl, session?.accessToken));
});
