import type { ProviderOffering, ProvidersAvailable } from '@makrx/contracts';
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

/**
 * Two providers as the cave lists them: Austin (PLA and standard resin, in US cents, and one
 * material the quoting table does not know) and Round Rock (PETG on a small printer).
 */
export function providersFixture(): ProvidersAvailable {
  const offering = (
    id: string,
    materialKey: string,
    machine: { name: string; x: number; y: number; z: number },
    overrides: Partial<ProviderOffering> = {},
  ): ProviderOffering => ({
    id,
    materialKey,
    quality: 'standard',
    machine: {
      equipmentId: crypto.randomUUID(),
      name: machine.name,
      buildVolumeMm: { x: machine.x, y: machine.y, z: machine.z },
    },
    currency: 'USD',
    pricePerKg: 2500,
    machineHourlyRate: 300,
    setupFee: 500,
    minimumCharge: 0,
    leadTimeDays: 3,
    defaultInfillPercent: 20,
    quantityDiscounts: [{ minQuantity: 10, percentOff: 10 }],
    validityHours: 72,
    ...overrides,
  });
  const prusa = { name: 'Prusa MK4', x: 250, y: 210, z: 220 };
  return {
    providers: [
      {
        makerspaceId: '0b9c8f0e-3f5a-4c1e-9a57-6f1f2d3c4b5a',
        slug: 'austin-makerspace',
        name: 'Austin Makerspace',
        city: 'Austin',
        country: 'US',
        location: { latitude: 30.27, longitude: -97.74 },
        rating: { average: 4.8, count: 25 },
        responseWindowMinutes: 60,
        freeHoursNext14Days: 120,
        offerings: [
          offering('8d7c3e2a-1b4f-4e6a-8c9d-0a1b2c3d4e5f', 'pla', prusa),
          offering(
            '9e8d4f3b-2c5a-4f7b-9dae-1b2c3d4e5f60',
            'resin-standard',
            { name: 'Form 3', x: 145, y: 145, z: 185 },
            { pricePerKg: 12000, machineHourlyRate: 450, leadTimeDays: 5 },
          ),
          offering('af9e5a4c-3d6b-4a8c-8ebf-2c3d4e5f6071', 'unobtainium', prusa),
        ],
      },
      {
        makerspaceId: '1c0d9a1f-4a6b-4d2f-8b68-7a2b3c4d5e6f',
        slug: 'round-rock-fab',
        name: 'Round Rock Fab',
        city: 'Round Rock',
        country: 'US',
        location: null,
        rating: { average: null, count: 0 },
        responseWindowMinutes: 120,
        freeHoursNext14Days: 40,
        offerings: [
          offering(
            'b0af6b5d-4e7c-4b9d-9fc0-3d4e5f607182',
            'petg',
            { name: 'Mini printer', x: 90, y: 90, z: 90 },
            { pricePerKg: 3000, setupFee: 0, minimumCharge: 1500 },
          ),
        ],
      },
    ],
  };
}

/** For a store started with other providers or checks than the default module's. */
export { modelUploadsModule, modelUploadsModuleWith } from './plugin';

/** The `ENABLE_STL_UPLOAD` flag switched on for the store, as a test's database row. */
export const stlUploadFlag = {
  key: 'ENABLE_STL_UPLOAD',
  scope: 'domain' as const,
  domain: 'store' as const,
  description: 'Uploading 3D files for quotes.',
  enabled: true,
};
