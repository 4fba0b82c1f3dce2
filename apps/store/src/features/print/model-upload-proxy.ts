import type { ErrorBody, ErrorCode } from '@makrx/contracts';
import type { ClientFailureCode } from '../../lib/service-client';
import { readStoreConfig } from '../../lib/config';
import { STORE_CALL_HEADER } from '../notifications/store-call-header';
import { currentSession } from '../session/current-session';
import { TUS_APP_PATH_FOR_BROWSER } from './paths';

const noStore = { 'cache-control': 'no-store' };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUploadId = (id: string) => UUID.test(id);

export const refusal = (status: number, code: ErrorCode | ClientFailureCode, message: string) =>
  Response.json({ error: { code, message } } satisfies ErrorBody, { status, headers: noStore });

/** The tus request headers the service needs; nothing else of the browser's is passed on. */
const tusRequestHeaders = [
  'tus-resumable',
  'upload-length',
  'upload-defer-length',
  'upload-metadata',
  'upload-offset',
  'upload-concat',
  'content-type',
  'content-length',
];

/** The tus answer headers the browser's client reads. */
const tusAnswerHeaders = [
  'tus-resumable',
  'tus-version',
  'tus-max-size',
  'tus-extension',
  'upload-offset',
  'upload-length',
  'upload-metadata',
  'upload-expires',
  'content-type',
];

/**
 * The service's upload URL (`/api/v1/model-uploads/tus/<id>`) as the browser reaches it: the
 * same id under the store app's path.
 */
export function appLocationOf(location: string): string | undefined {
  const id = location.split(/[?#]/)[0]!.split('/').pop() ?? '';
  return isUploadId(id) ? `${TUS_APP_PATH_FOR_BROWSER}/${id}` : undefined;
}

interface ForwardOptions {
  /** Passes the request's body on as it streams in (a tus PATCH); else no body, or JSON. */
  body?: 'stream' | 'json' | 'none';
  /** Passes tus's headers both ways and rewrites the upload's Location. */
  tus?: boolean;
  timeoutMs?: number;
}

/**
 * Forwards one of the print page's calls to the store service's model-upload API with the
 * signed-in visitor's access token from their httpOnly session cookie; the browser never sees
 * the token. Changes need the store pages' own header, which a cross-site form cannot set.
 */
export async function forwardToModelUploads(
  request: Request,
  path: string,
  options: ForwardOptions = {},
): Promise<Response> {
  const method = request.method.toUpperCase();
  if (method !== 'GET' && request.headers.get(STORE_CALL_HEADER) !== '1') {
    return refusal(403, 'FORBIDDEN', 'Only the store’s pages may do this.');
  }
  const session = await currentSession();
  if (!session) {
    return refusal(401, 'AUTHENTICATION_REQUIRED', 'Sign in to upload files for quotes.');
  }
  const { storeApiUrl } = readStoreConfig();
  const headers: Record<string, string> = {
    accept: 'application/json',
    authorization: `Bearer ${session.accessToken}`,
  };
  if (options.tus) {
    for (const name of tusRequestHeaders) {
      const value = request.headers.get(name);
      if (value !== null) headers[name] = value;
    }
  }
  const body = options.body ?? 'none';
  if (body === 'json') headers['content-type'] = 'application/json';
  const query = new URL(request.url).search;
  let answer: Response;
  try {
    answer = await fetch(`${storeApiUrl}/api/v1/model-uploads${path}${query}`, {
      method,
      headers,
      cache: 'no-store',
      signal: AbortSignal.timeout(options.timeoutMs ?? 15_000),
      ...(body === 'stream' && request.body
        ? { body: request.body, duplex: 'half' }
        : body === 'json'
          ? { body: await request.text() }
          : {}),
    } as RequestInit);
  } catch {
    return refusal(502, 'SERVICE_UNREACHABLE', 'The store did not answer. Try again in a moment.');
  }
  const answerHeaders = new Headers(noStore);
  if (options.tus) {
    for (const name of tusAnswerHeaders) {
      const value = answer.headers.get(name);
      if (value !== null) answerHeaders.set(name, value);
    }
    const location = answer.headers.get('location');
    const appLocation = location ? appLocationOf(location) : undefined;
    if (appLocation) answerHeaders.set('location', appLocation);
  } else {
    answerHeaders.set('content-type', answer.headers.get('content-type') ?? 'application/json');
  }
  const text = method === 'HEAD' ? null : await answer.text();
  return new Response(text || null, { status: answer.status, headers: answerHeaders });
}
