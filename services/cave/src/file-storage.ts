import { resolve } from 'node:path';
import { createFileStorage, type Bucket } from '@makrx/storage';
import type { FastifyInstance } from 'fastify';
import { caveConfigOf } from './config';

const publicFiles = new WeakMap<FastifyInstance, Bucket>();

/**
 * The bucket of files anyone may see (makerspace photos): S3/MinIO when S3_ENDPOINT is set, else
 * the local disk under MAKRX_DATA_DIR/files (DESIGN, "Two ways to run"); made on first use.
 */
export function publicFilesOf(app: FastifyInstance): Bucket {
  let bucket = publicFiles.get(app);
  if (!bucket) {
    const config = caveConfigOf(app.config);
    bucket = createFileStorage(config, {
      dataDir: resolve(config.MAKRX_DATA_DIR),
      publicBaseUrl: config.CAVE_API_URL.replace(/\/$/, ''),
    }).bucket('public');
    publicFiles.set(app, bucket);
  }
  return bucket;
}
