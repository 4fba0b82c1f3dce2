import type { Readable } from 'node:stream';

/** The spec's three buckets (section 7, "MinIO/S3"), by what they hold. */
export const bucketPurposes = ['uploads', 'products', 'public'] as const;
export type BucketPurpose = (typeof bucketPurposes)[number];

export interface StoredObject {
  key: string;
  size: number;
  contentType: string;
}

export interface ObjectContent extends StoredObject {
  body: Readable;
}

export interface SignedUrlOptions {
  /** GET to read the object, PUT to upload it directly from a browser. */
  method?: 'GET' | 'PUT';
  /** How long the URL works; 1 s to 7 days (S3's limit). Defaults to 15 minutes. */
  expiresInSeconds?: number;
  /** For PUT: the content type the uploader must send. */
  contentType?: string;
}

/**
 * One bucket of files. Keys are paths like `products/pla-175-black/front.webp`: letters,
 * digits, `-`, `_`, `.` and `/` between non-empty segments, never `..`.
 */
export interface Bucket {
  readonly purpose: BucketPurpose;
  /** Stores the whole body; when the promise resolves the object is durable. */
  put(key: string, body: Uint8Array, options: { contentType: string }): Promise<StoredObject>;
  /** The object with a stream of its bytes, or null when there is none. */
  get(key: string): Promise<ObjectContent | null>;
  head(key: string): Promise<StoredObject | null>;
  /** Removes the object; removing one that is not there is not an error. */
  delete(key: string): Promise<void>;
  /** A time-limited URL that needs no other credentials (pre-signed). */
  signedUrl(key: string, options?: SignedUrlOptions): Promise<string>;
}

export interface FileStorage {
  readonly kind: 'local' | 's3';
  bucket(purpose: BucketPurpose): Bucket;
}

const KEY = /^[A-Za-z0-9_.-]+(\/[A-Za-z0-9_.-]+)*$/;

export class InvalidKeyError extends Error {
  constructor(key: string) {
    super(`Not a valid file key: ${JSON.stringify(key)}`);
    this.name = 'InvalidKeyError';
  }
}

/** Refuses keys that could leave the bucket's folder or confuse a URL. */
export function assertValidKey(key: string): void {
  if (key.length > 512 || !KEY.test(key) || key.split('/').some((part) => /^\.+$/.test(part)))
    throw new InvalidKeyError(key);
}

export const MAX_SIGNED_URL_SECONDS = 7 * 24 * 3600;

export function signedUrlLifetime(options: SignedUrlOptions = {}): number {
  const seconds = options.expiresInSeconds ?? 15 * 60;
  if (!Number.isInteger(seconds) || seconds < 1 || seconds > MAX_SIGNED_URL_SECONDS)
    throw new RangeError(`expiresInSeconds must be 1…${MAX_SIGNED_URL_SECONDS}, not ${seconds}`);
  return seconds;
}
