import { resolve } from 'node:path';
import { createFileStorage, type Bucket } from '@makrx/storage';
import type { FastifyInstance } from 'fastify';
import { storeConfigOf } from './config';

const productImages = new WeakMap<FastifyInstance, Bucket>();

/**
 * The bucket of product images: S3/MinIO when S3_ENDPOINT is set, else the local disk under
 * MAKRX_DATA_DIR/files (DESIGN, "Two ways to run"); made from the app's config on first use.
 */
export function productImagesOf(app: FastifyInstance): Bucket {
  let bucket = productImages.get(app);
  if (!bucket) {
    const config = storeConfigOf(app.config);
    bucket = createFileStorage(config, {
      dataDir: resolve(config.MAKRX_DATA_DIR),
      publicBaseUrl: config.STORE_API_URL.replace(/\/$/, ''),
    }).bucket('products');
    productImages.set(app, bucket);
  }
  return bucket;
}
