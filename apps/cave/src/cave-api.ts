import {
  requestJson,
  useAuthenticatedFetch,
  useRuntimeConfig,
  type JsonRequest,
} from '@makrx/spa-kit';
import { useCallback } from 'react';

/** The cave service's API with the signed-in person's token: `api<T>('/makerspaces/…')`. */
export function useCaveApi() {
  const { caveApiUrl } = useRuntimeConfig();
  const send = useAuthenticatedFetch();
  return useCallback(
    <T>(path: string, request?: JsonRequest) =>
      requestJson<T>(send, caveApiUrl, `/api/v1${path}`, request),
    [send, caveApiUrl],
  );
}

/** `/makerspaces/<slug>` for the routes that name a makerspace by slug. */
export const spacePath = (slug: string) => `/makerspaces/${encodeURIComponent(slug)}`;
