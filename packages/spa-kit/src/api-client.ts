import type { ErrorBody } from '@makrx/contracts';

/** A failed call to a MakrX service; `status` is 0 when the service could not be reached. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  get isUnreachable() {
    return this.status === 0;
  }

  get isNotFound() {
    return this.status === 404;
  }
}

export type QueryParams = Record<string, string | number | boolean | undefined>;

export function apiUrl(baseUrl: string, path: string, params: QueryParams = {}): string {
  const url = new URL(path, `${baseUrl}/`);
  for (const [name, value] of Object.entries(params)) {
    if (value !== undefined && value !== '') url.searchParams.set(name, String(value));
  }
  return url.toString();
}

/** `fetch`, or a stand-in with its signature such as the signed-in user's `AuthenticatedFetch`. */
export type Fetch = (input: RequestInfo | URL, init?: RequestInit) => Promise<Response>;

export interface JsonRequest {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  params?: QueryParams;
  /** Sent as JSON. */
  body?: unknown;
  signal?: AbortSignal;
}

/**
 * Calls a MakrX service and returns its JSON answer (`null` for 204 No Content, a deletion's
 * answer); any failure is an `ApiError`.
 */
export async function requestJson<T>(
  send: Fetch,
  baseUrl: string,
  path: string,
  { method = 'GET', params, body, signal }: JsonRequest = {},
): Promise<T> {
  let response: Response;
  try {
    response = await send(apiUrl(baseUrl, path, params), {
      method,
      headers: {
        Accept: 'application/json',
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      signal,
    });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new ApiError(0, 'SERVICE_UNREACHABLE', 'The service could not be reached.');
  }
  if (!response.ok) {
    const body = (await response.json().catch(() => null)) as Partial<ErrorBody> | null;
    throw new ApiError(
      response.status,
      body?.error?.code ?? `HTTP_${response.status}`,
      body?.error?.message ?? response.statusText,
      body?.error?.details,
    );
  }
  if (response.status === 204) return null as T;
  return (await response.json()) as T;
}

/** A public GET, without the signed-in user's token. */
export function getJson<T>(
  baseUrl: string,
  path: string,
  params?: QueryParams,
  signal?: AbortSignal,
): Promise<T> {
  return requestJson<T>((input, init) => fetch(input, init), baseUrl, path, { params, signal });
}
