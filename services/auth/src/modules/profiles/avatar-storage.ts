import { resolve } from 'node:path';
import { createFileStorage, type Bucket } from '@makrx/storage';
import type { FastifyInstance } from 'fastify';
import { authConfigOf } from '../../config';

const buckets = new WeakMap<FastifyInstance, Bucket>();

/**
 * The public bucket makers' pictures live in: S3/MinIO when S3_ENDPOINT is set, else the local
 * disk under MAKRX_DATA_DIR/files (DESIGN, "Two ways to run"); made on first use.
 */
export function publicFilesOf(app: FastifyInstance): Bucket {
  let bucket = buckets.get(app);
  if (!bucket) {
    const config = authConfigOf(app.config);
    bucket = createFileStorage(config, {
      dataDir: resolve(config.MAKRX_DATA_DIR),
      publicBaseUrl: config.AUTH_API_URL.replace(/\/$/, ''),
    }).bucket('public');
    buckets.set(app, bucket);
  }
  return bucket;
}
