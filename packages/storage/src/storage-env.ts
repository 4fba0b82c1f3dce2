import { z } from 'zod';
import { LocalFileStorage } from './local-storage';
import { S3FileStorage } from './s3-storage';
import type { FileStorage } from './storage';

/** What a service that keeps files reads (README "Configuration"). */
export const storageEnv = z.object({
  /** S3 or MinIO; unset keeps files under MAKRX_DATA_DIR/files (embedded mode). */
  S3_ENDPOINT: z.url({ protocol: /^https?$/ }).optional(),
  S3_REGION: z.string().min(1).default('us-east-1'),
  S3_ACCESS_KEY_ID: z.string().min(1).optional(),
  S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
  S3_FORCE_PATH_STYLE: z.enum(['true', 'false']).default('true'),
  S3_BUCKET_UPLOADS: z.string().min(3).default('makrx-uploads'),
  S3_BUCKET_PRODUCTS: z.string().min(3).default('makrx-products'),
  S3_BUCKET_PUBLIC: z.string().min(3).default('makrx-public'),
  /** Signs the local storage's URLs; the default is for embedded mode only. */
  FILE_SIGNING_SECRET: z.string().min(32).default('embedded-file-signing-development-secret'),
});
export type StorageConfig = z.infer<typeof storageEnv>;

export function createFileStorage(
  config: StorageConfig,
  local: { dataDir: string; publicBaseUrl: string },
): FileStorage {
  if (!config.S3_ENDPOINT)
    return new LocalFileStorage({
      root: `${local.dataDir.replace(/\/$/, '')}/files`,
      publicBaseUrl: local.publicBaseUrl,
      signingSecret: config.FILE_SIGNING_SECRET,
    });
  if (!config.S3_ACCESS_KEY_ID || !config.S3_SECRET_ACCESS_KEY)
    throw new Error('S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY: required with S3_ENDPOINT');
  return new S3FileStorage({
    endpoint: config.S3_ENDPOINT,
    region: config.S3_REGION,
    accessKeyId: config.S3_ACCESS_KEY_ID,
    secretAccessKey: config.S3_SECRET_ACCESS_KEY,
    forcePathStyle: config.S3_FORCE_PATH_STYLE === 'true',
    buckets: {
      uploads: config.S3_BUCKET_UPLOADS,
      products: config.S3_BUCKET_PRODUCTS,
      public: config.S3_BUCKET_PUBLIC,
    },
  });
}
