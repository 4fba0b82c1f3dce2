import { connection } from 'next/server';
import { errorBody, isErrorCode, type ErrorCode } from '@makrx/contracts';
import { currentSession } from '../features/session/current-session';
import { readStoreConfig } from './config';

const defaultTimeoutMs = 10_000;

/** The services the store's server calls, each at the base URL its configuration gives. */
export type Service = 'store' | 'auth' | 'cave';

function baseUrlOf(service: Service): string {
  const { storeApiUrl, authApiUrl, caveApiUrl } = readStoreConfig();
  return { store: storeApiUrl, auth: authApiUrl, cave: caveApiUrl }[service];
}

/** Codes this client gives a failure the service did not name from the catalogue itself. */
export type ClientFailureCode =
  /** Nothing answered within the timeout. */
  | 'SERVICE_UNREACHABLE'
  /** An answer without the one error body, with a code the catalogue lacks, or not JSON. */
  | 'UNEXPECTED_ANSWER';

/** A failed call: the service's status, code, message and details, or why there were none. */
export class ServiceError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode | ClientFailureCode,
    message: string,
    readonly details?: unknown,
    options?: ErrorOptions,
  ) {
    super(message, options);
    this.name = 'ServiceError';
  }
}

export interface ServiceRequest {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  /** Sent as JSON. */
  json?: unknown;
  /** Sent as is (an image, a CSV file), with its content type. */
  raw?: { body: Blob | string; contentType: string };
  /** Extra headers; one left undefined is not sent. */
  headers?: Record<string, string | undefined>;
  /**
   * Whose call this is: the visitor's (their access token when signed in; the default), no
   * one's (`'anonymous'`), or a token given outright (at sign-in, before the session cookie).
   */
  as?: 'visitor' | 'anonymous' | { accessToken: string };
  timeoutMs?: number;
}

export interface ServiceAnswer<T> {
  body: T;
  status: number;
  headers: Headers;
}

async function accessTokenFor(as: NonNullable<ServiceRequest['as']>) {
  if (as === 'anonymous') return undefined;
  if (as === 'visitor') return (await currentSession())?.accessToken;
  return as.accessToken;
}

async function headersFor(request: ServiceRequest): Promise<Record<string, string>> {
  const headers: Record<string, string> = { accept: 'application/json' };
  for (const [name, value] of Object.entries(request.headers ?? {})) {
    if (value !== undefined) headers[name] = value;
  }
  const token = await accessTokenFor(request.as ?? 'visitor');
  if (token) headers.authorization = `Bearer ${token}`;
  if (request.json !== undefined) headers['content-type'] = 'application/json';
  else if (request.raw) headers['content-type'] = request.raw.contentType;
  return headers;
}

/**
 * Sends one request to a service's API (`/api/v1…`) from the store's server and answers with
 * the response as it came, whatever its status; only a service that does not answer in time
 * throws. For route handlers that pass an answer on to the browser.
 */
export async function openService(
  service: Service,
  path: string,
  request: ServiceRequest = {},
): Promise<Response> {
  // A page that calls a service is rendered per request, never at build time, so one build is
  // pointed at its services by the environment alone.
  await connection();
  const baseUrl = baseUrlOf(service);
  const headers = await headersFor(request);
  try {
    return await fetch(`${baseUrl}/api/v1${path}`, {
      method: request.method ?? 'GET',
      headers,
      body: request.json !== undefined ? JSON.stringify(request.json) : request.raw?.body,
      cache: 'no-store',
      signal: AbortSignal.timeout(request.timeoutMs ?? defaultTimeoutMs),
    });
  } catch (cause) {
    const message = `The ${service} service at ${baseUrl} did not answer`;
    throw new ServiceError(503, 'SERVICE_UNREACHABLE', message, undefined, { cause });
  }
}

/**
 * Calls a service and answers with its parsed JSON body; any answer but a 2xx throws a
 * `ServiceError` carrying the service's status, code, message and details.
 */
export async function callService<T>(
  service: Service,
  path: string,
  request: ServiceRequest = {},
): Promise<ServiceAnswer<T>> {
  const response = await openService(service, path, request);
  const { status, headers } = response;
  const what = `${request.method ?? 'GET'} ${path}`;
  if (!response.ok) {
    throw serviceErrorOf(status, await readJson(response), `${what} answered ${status}`);
  }
  if (status === 204) return { body: undefined as T, status, headers };
  const body = await readJson(response);
  if (body === undefined) {
    throw new ServiceError(502, 'UNEXPECTED_ANSWER', `${what} answered ${status} without JSON`);
  }
  return { body: body as T, status, headers };
}

const readJson = (response: Response): Promise<unknown> => response.json().catch(() => undefined);

/** A refusal's body (`{ error: { code, message, details } }`) as the one error the app handles. */
export function serviceErrorOf(status: number, body: unknown, fallback: string): ServiceError {
  const parsed = errorBody.safeParse(body);
  if (!parsed.success) return new ServiceError(status, 'UNEXPECTED_ANSWER', fallback);
  const { code, message, details } = parsed.data.error;
  return new ServiceError(status, isErrorCode(code) ? code : 'UNEXPECTED_ANSWER', message, details);
}

/**
 * A file the store service names by path on itself (`/media/…`), as the browser fetches it:
 * from the service directly.
 */
export const storeMediaUrl = (path: string) => new URL(path, `${baseUrlOf('store')}/`).href;
