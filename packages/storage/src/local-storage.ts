import { createHmac, randomUUID, timingSafeEqual } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, open, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import {
  assertValidKey,
  bucketPurposes,
  signedUrlLifetime,
  type Bucket,
  type BucketPurpose,
  type FileStorage,
  type ObjectContent,
  type SignedUrlOptions,
  type StoredObject,
} from './storage';

export interface LocalStorageOptions {
  /** Folder holding one folder per bucket (`MAKRX_DATA_DIR/files`). */
  root: string;
  /** Where the service that mounts `localFileRoutes` answers, e.g. `http://localhost:8003`. */
  publicBaseUrl: string;
  /** Keys the signatures of the URLs handed out; at least 32 characters. */
  signingSecret: string;
}

interface Metadata {
  contentType: string;
}

export interface SignedRequest {
  purpose: BucketPurpose;
  key: string;
  method: 'GET' | 'PUT';
  expires: number;
  contentType: string;
  signature: string;
}

/** Files on local disk (embedded mode), in the same shape as S3. */
export class LocalFileStorage implements FileStorage {
  readonly kind = 'local' as const;
  readonly #buckets: Map<BucketPurpose, LocalBucket>;

  constructor(readonly options: LocalStorageOptions) {
    if (options.signingSecret.length < 32)
      throw new Error('The local file storage needs a signing secret of 32 characters or more.');
    this.#buckets = new Map(
      bucketPurposes.map((purpose) => [purpose, new LocalBucket(purpose, this)]),
    );
  }

  bucket(purpose: BucketPurpose): LocalBucket {
    const bucket = this.#buckets.get(purpose);
    if (!bucket) throw new Error(`No bucket for ${purpose}`);
    return bucket;
  }

  sign(request: Omit<SignedRequest, 'signature'>): string {
    const text = [
      request.method,
      request.purpose,
      request.key,
      request.expires,
      request.contentType,
    ].join('\n');
    return createHmac('sha256', this.options.signingSecret).update(text).digest('base64url');
  }

  /** True when the signature is ours and the URL has not expired. */
  verify(request: SignedRequest, now = Date.now()): boolean {
    if (!Number.isFinite(request.expires) || request.expires * 1000 < now) return false;
    const expected = Buffer.from(this.sign(request));
    const given = Buffer.from(request.signature);
    return expected.length === given.length && timingSafeEqual(expected, given);
  }
}

class LocalBucket implements Bucket {
  constructor(
    readonly purpose: BucketPurpose,
    private readonly storage: LocalFileStorage,
  ) {}

  private pathOf(key: string): string {
    assertValidKey(key);
    return join(this.storage.options.root, this.purpose, key);
  }

  private metadataPathOf(key: string): string {
    return join(this.storage.options.root, '.metadata', this.purpose, `${key}.json`);
  }

  async put(key: string, body: Uint8Array, { contentType }: { contentType: string }) {
    const path = this.pathOf(key);
    const metadataPath = this.metadataPathOf(key);
    await Promise.all([
      mkdir(dirname(path), { recursive: true }),
      mkdir(dirname(metadataPath), { recursive: true }),
    ]);
    await writeFile(metadataPath, JSON.stringify({ contentType } satisfies Metadata));
    // Written beside the target, flushed, then renamed: a crash leaves the old file or the new one.
    const temporary = join(this.storage.options.root, '.partial', randomUUID());
    await mkdir(dirname(temporary), { recursive: true });
    const handle = await open(temporary, 'w');
    try {
      await handle.writeFile(body);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temporary, path);
    return { key, size: body.byteLength, contentType };
  }

  async head(key: string): Promise<StoredObject | null> {
    const path = this.pathOf(key);
    const info = await stat(path).catch(() => null);
    if (!info?.isFile()) return null;
    const metadata = await readFile(this.metadataPathOf(key), 'utf8')
      .then((text) => JSON.parse(text) as Metadata)
      .catch(() => ({ contentType: 'application/octet-stream' }));
    return { key, size: info.size, contentType: metadata.contentType };
  }

  async get(key: string): Promise<ObjectContent | null> {
    const found = await this.head(key);
    return found ? { ...found, body: createReadStream(this.pathOf(key)) } : null;
  }

  async delete(key: string): Promise<void> {
    await rm(this.pathOf(key), { force: true });
    await rm(this.metadataPathOf(key), { force: true });
  }

  async signedUrl(key: string, options: SignedUrlOptions = {}): Promise<string> {
    assertValidKey(key);
    const method = options.method ?? 'GET';
    const expires = Math.floor(Date.now() / 1000) + signedUrlLifetime(options);
    const contentType = method === 'PUT' ? (options.contentType ?? '') : '';
    const signature = this.storage.sign({
      purpose: this.purpose,
      key,
      method,
      expires,
      contentType,
    });
    const url = new URL(
      `files/${this.purpose}/${key}`,
      this.storage.options.publicBaseUrl.replace(/\/?$/, '/'),
    );
    url.searchParams.set('expires', String(expires));
    if (method === 'PUT') url.searchParams.set('method', 'PUT');
    if (contentType) url.searchParams.set('contentType', contentType);
    url.searchParams.set('signature', signature);
    return url.toString();
  }
}
