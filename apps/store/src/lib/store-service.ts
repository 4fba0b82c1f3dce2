import type { ErrorBody } from '@makrx/contracts';
import { currentSession } from '../features/session/current-session';
import { StoreApiError } from '../features/catalog/api';
import { readStoreConfig } from './config';

const requestTimeoutMs = 10_000;

export interface StoreRequest {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  body?: unknown;
  headers?: Record<string, string | undefined>;
  /** Sends the visitor's access token, when signed in (default); `false` for a guest's call. */
  asVisitor?: boolean;
}

export interface StoreAnswer<T> {
  body: T;
  status: number;
  headers: Headers;
}

/**
 * Calls the store service from the store's server for the visitor of this request: their
 * access token from the session cookie, never the browser's own. Failures become
 * `StoreApiError`s carrying the service's error code and details.
 */
export async function callStore<T>(
  path: string,
  request: StoreRequest = {},
): Promise<StoreAnswer<T>> {
  const { storeApiUrl } = readStoreConfig();
  const session = request.asVisitor === false ? null : await currentSession();
  const headers: Record<string, string> = { accept: 'application/json' };
  for (const [name, value] of Object.entries(request.headers ?? {})) {
    if (value !== undefined) headers[name] = value;
  }
  if (session) headers.authorization = `Bearer ${session.accessToken}`;
  if (request.body !== undefined) headers['content-type'] = 'application/json';
  let response: Response;
  try {
    response = await fetch(`${storeApiUrl}/api/v1${path}`, {
      method: request.method ?? 'GET',
      headers,
      body: request.body === undefined ? undefined : JSON.stringify(request.body),
      cache: 'no-store',
      signal: AbortSignal.timeout(requestTimeoutMs),
    });
  } catch (cause) {
    const message = `The store service at ${storeApiUrl} did not answer`;
    throw new StoreApiError(message, 503, 'UNREACHABLE', { cause });
  }
  if (!response.ok) {
    let error: Partial<ErrorBody['error']> | undefined;
    try {
      error = ((await response.json()) as Partial<ErrorBody>).error;
    } catch {
      error = undefined;
    }
    const failure = new StoreApiError(
      error?.message ?? `${request.method ?? 'GET'} ${path} answered ${response.status}`,
      response.status,
      error?.code ?? 'HTTP_ERROR',
    );
    throw Object.assign(failure, { details: error?.details });
  }
  const body = (response.status === 204 ? undefined : await response.json()) as T;
  return { body, status: response.status, headers: response.headers };
}

/** The details a `StoreApiError` carried, e.g. the field of a validation failure. */
export function errorDetailsOf(error: unknown): unknown {
  return error instanceof StoreApiError
    ? (error as StoreApiError & { details?: unknown }).details
    : undefined;
}
