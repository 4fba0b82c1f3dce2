import {
  ApiError,
  requestJson,
  useAuthenticatedFetch,
  useRuntimeConfig,
  type Fetch,
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

/**
 * Sends a file's bytes as the request body (photos, project files) and reads the JSON answer;
 * a refusal becomes an `ApiError` with the service's code and sentence, or `failure` without one.
 */
export async function uploadBytes<T>(
  send: Fetch,
  url: string,
  file: File,
  failure: string,
  contentType = file.type || 'application/octet-stream',
): Promise<T> {
  const response = await send(url, {
    method: 'POST',
    headers: { Accept: 'application/json', 'Content-Type': contentType },
    body: file,
  });
  if (!response.ok) {
    const body = (await response.json().catch(() => null)) as {
      error?: { code?: string; message?: string };
    } | null;
    throw new ApiError(
      response.status,
      body?.error?.code ?? `HTTP_${response.status}`,
      body?.error?.message ?? failure,
    );
  }
  return (await response.json()) as T;
}
