import type { ErrorBody } from '@makrx/contracts';
import { StoreApiError } from '../catalog/api';
import { currentSession } from '../session/current-session';
import { readStoreConfig } from '../../lib/config';

export interface AdminRequest {
  method?: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  /** Sent as JSON. */
  json?: unknown;
  /** Sent as is (an image, a CSV file), with its content type. */
  raw?: { body: Blob | string; contentType: string };
}

/** A refusal of the catalog admin API, with the service's code, message and details. */
export class AdminApiError extends StoreApiError {
  constructor(
    message: string,
    status: number,
    code: string,
    readonly details?: unknown,
  ) {
    super(message, status, code);
    this.name = 'AdminApiError';
  }
}

/**
 * Calls the store's catalog admin API (`/api/v1/admin/catalog…`) from the store's server with
 * the signed-in admin's access token from the session cookie.
 */
export async function callCatalogAdmin<T>(path: string, request: AdminRequest = {}): Promise<T> {
  const { storeApiUrl } = readStoreConfig();
  const session = await currentSession();
  const headers: Record<string, string> = { accept: 'application/json' };
  if (session) headers.authorization = `Bearer ${session.accessToken}`;
  let body: BodyInit | undefined;
  if (request.json !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(request.json);
  } else if (request.raw) {
    headers['content-type'] = request.raw.contentType;
    body = request.raw.body;
  }
  let response: Response;
  try {
    response = await fetch(`${storeApiUrl}/api/v1/admin/catalog${path}`, {
      method: request.method ?? 'GET',
      headers,
      body,
      cache: 'no-store',
      signal: AbortSignal.timeout(30_000),
    });
  } catch (cause) {
    throw new StoreApiError(
      `The store service at ${storeApiUrl} did not answer`,
      503,
      'UNREACHABLE',
      {
        cause,
      },
    );
  }
  if (!response.ok) {
    const error = await response
      .json()
      .then((parsed: Partial<ErrorBody>) => parsed.error)
      .catch(() => undefined);
    throw new AdminApiError(
      error?.message ?? `${request.method ?? 'GET'} ${path} answered ${response.status}`,
      response.status,
      error?.code ?? 'HTTP_ERROR',
      error?.details,
    );
  }
  return (await response.json()) as T;
}
