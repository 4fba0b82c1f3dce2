import { cookies } from 'next/headers';
import { cache } from 'react';
import { readSession } from './session-cookies';

/** The signed-in user's session for this request (refreshed by the proxy), or null for a guest. */
export const currentSession = cache(async () => readSession(await cookies()));
