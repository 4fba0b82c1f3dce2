import { type Readable } from 'node:stream';
import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  NoSuchKey,
  NotFound,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
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

export interface S3StorageOptions {
  endpoint: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** MinIO and most S3-compatible servers want `http://host/bucket/key`. */
  forcePathStyle: boolean;
  buckets: Record<BucketPurpose, string>;
}

const isMissing = (err: unknown) =>
  err instanceof NoSuchKey ||
  err instanceof NotFound ||
  (err as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode === 404;

/** Files in S3 or MinIO (production), through the AWS SDK; URLs are pre-signed (SigV4). */
export class S3FileStorage implements FileStorage {
  readonly kind = 's3' as const;
  readonly client: S3Client;
  readonly #buckets: Map<BucketPurpose, S3Bucket>;

  constructor(readonly options: S3StorageOptions) {
    this.client = new S3Client({
      endpoint: options.endpoint,
      region: options.region,
      forcePathStyle: options.forcePathStyle,
      credentials: {
        accessKeyId: options.accessKeyId,
        secretAccessKey: options.secretAccessKey,
      },
    });
    this.#buckets = new Map(
      bucketPurposes.map((purpose) => [
        purpose,
        new S3Bucket(purpose, options.buckets[purpose], this.client),
      ]),
    );
  }

  bucket(purpose: BucketPurpose): S3Bucket {
    const bucket = this.#buckets.get(purpose);
    if (!bucket) throw new Error(`No bucket for ${purpose}`);
    return bucket;
  }
}

class S3Bucket implements Bucket {
  constructor(
    readonly purpose: BucketPurpose,
    readonly name: string,
    private readonly client: S3Client,
  ) {}

  async put(key: string, body: Uint8Array, { contentType }: { contentType: string }) {
    assertValidKey(key);
    await this.client.send(
      new PutObjectCommand({
        Bucket: this.name,
        Key: key,
        Body: body,
        ContentType: contentType,
        ContentLength: body.byteLength,
      }),
    );
    return { key, size: body.byteLength, contentType };
  }

  async head(key: string): Promise<StoredObject | null> {
    assertValidKey(key);
    try {
      const found = await this.client.send(new HeadObjectCommand({ Bucket: this.name, Key: key }));
      return {
        key,
        size: found.ContentLength ?? 0,
        contentType: found.ContentType ?? 'application/octet-stream',
      };
    } catch (err) {
      if (isMissing(err)) return null;
      throw err;
    }
  }

  async get(key: string): Promise<ObjectContent | null> {
    assertValidKey(key);
    try {
      const found = await this.client.send(new GetObjectCommand({ Bucket: this.name, Key: key }));
      return {
        key,
        size: found.ContentLength ?? 0,
        contentType: found.ContentType ?? 'application/octet-stream',
        body: found.Body as Readable,
      };
    } catch (err) {
      if (isMissing(err)) return null;
      throw err;
    }
  }

  async delete(key: string): Promise<void> {
    assertValidKey(key);
    await this.client.send(new DeleteObjectCommand({ Bucket: this.name, Key: key }));
  }

  async signedUrl(key: string, options: SignedUrlOptions = {}): Promise<string> {
    assertValidKey(key);
    const expiresIn = signedUrlLifetime(options);
    const command =
      options.method === 'PUT'
        ? new PutObjectCommand({
            Bucket: this.name,
            Key: key,
            ...(options.contentType ? { ContentType: options.contentType } : {}),
          })
        : new GetObjectCommand({ Bucket: this.name, Key: key });
    return getSignedUrl(this.client, command, { expiresIn });
  }
}
