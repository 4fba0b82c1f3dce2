import * as tus from 'tus-js-client';

/**
 * The clamd the upload tests scan with: CLAMAV_HOST/CLAMAV_PORT from the environment (CI sets
 * them after scripts/clamav.sh), else the script's own 127.0.0.1:3310. Tests fail, never skip,
 * when it is not there.
 */
export const clamdUnderTest = {
  host: process.env.CLAMAV_HOST ?? '127.0.0.1',
  port: Number(process.env.CLAMAV_PORT ?? 3310),
  get env() {
    return { CLAMAV_HOST: this.host, CLAMAV_PORT: String(this.port) };
  },
};

/** The EICAR anti-virus test file: harmless, and found by every scanner as if it were a virus. */
export const EICAR = Buffer.from(
  'X5O!P%@AP[4\\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*',
  'latin1',
);

export interface TusOutcome {
  /** The upload's URL, once the server created it. */
  url?: string;
  /** Set when the client stopped on purpose (`abortAtBytes`). */
  aborted?: boolean;
  /** The offset the server reported before this client sent a byte (a resumed upload). */
  firstOffset?: number;
  /** The server's refusal: its status and error body. */
  error?: { status: number; body: { error: { code: string; message: string; details?: unknown } } };
}

export interface TusSendOptions {
  endpoint: string;
  filename: string;
  /** The uploader's bearer token; empty for a guest. */
  token: string;
  chunkSize?: number;
  /** Resume the upload at this URL instead of creating one. */
  uploadUrl?: string;
  /** Drop the connection once this many bytes were sent, as a lost network would. */
  abortAtBytes?: number;
}

/** Sends bytes with tus-js-client, the client a browser would use, and says how it went. */
export function sendWithTus(bytes: Buffer, options: TusSendOptions): Promise<TusOutcome> {
  return new Promise((resolve, reject) => {
    let firstOffset: number | undefined;
    const upload = new tus.Upload(bytes, {
      endpoint: options.endpoint,
      ...(options.uploadUrl ? { uploadUrl: options.uploadUrl } : {}),
      metadata: { filename: options.filename, filetype: 'model/stl' },
      headers: options.token ? { authorization: `Bearer ${options.token}` } : {},
      ...(options.chunkSize ? { chunkSize: options.chunkSize } : {}),
      // A refusal is the answer under test: never retried behind the test's back.
      retryDelays: null,
      onAfterResponse: (request, response) => {
        if (request.getMethod() === 'HEAD' && firstOffset === undefined)
          firstOffset = Number(response.getHeader('Upload-Offset'));
      },
      onProgress: (sent) => {
        if (options.abortAtBytes !== undefined && sent >= options.abortAtBytes) {
          void upload.abort().then(() => resolve({ url: upload.url ?? undefined, aborted: true }));
        }
      },
      onSuccess: () => resolve({ url: upload.url ?? undefined, firstOffset }),
      onError: (error) => {
        const response = 'originalResponse' in error ? error.originalResponse : null;
        if (!response) return reject(error);
        resolve({
          url: upload.url ?? undefined,
          error: { status: response.getStatus(), body: JSON.parse(response.getBody()) },
        });
      },
    });
    upload.start();
  });
}

/**
 * Starts an upload of `total` bytes and sends only `part` of them, in plain tus requests: an
 * upload left unfinished, for the tests of who may resume it and of the 24-hour sweep.
 */
export async function beginUpload(
  endpoint: string,
  token: string,
  filename: string,
  total: number,
  part: Buffer,
): Promise<string> {
  const headers = { authorization: `Bearer ${token}`, 'tus-resumable': '1.0.0' };
  const created = await fetch(endpoint, {
    method: 'POST',
    headers: {
      ...headers,
      'upload-length': String(total),
      'upload-metadata': `filename ${Buffer.from(filename).toString('base64')}`,
    },
  });
  const location = created.headers.get('location');
  if (created.status !== 201 || !location)
    throw new Error(`creating the upload: ${created.status}`);
  const url = new URL(location, endpoint).href;
  const sent = await fetch(url, {
    method: 'PATCH',
    headers: {
      ...headers,
      'upload-offset': '0',
      'content-type': 'application/offset+octet-stream',
    },
    body: new Uint8Array(part),
  });
  if (sent.status !== 204) throw new Error(`sending part of the upload: ${sent.status}`);
  return url;
}
