import { resolve } from 'node:path';
import { baseServiceEnv, loadConfig, type Environment } from '@makrx/service-kit';
import { createFileStorage, storageEnv, type FileStorage } from '@makrx/storage';

const storeStorageEnv = storageEnv.extend({
  MAKRX_DATA_DIR: baseServiceEnv.shape.MAKRX_DATA_DIR,
  STORE_API_URL: baseServiceEnv.shape.STORE_API_URL,
});

/**
 * The store's files (product images): S3/MinIO when S3_ENDPOINT is set, else the local disk
 * under MAKRX_DATA_DIR/files (DESIGN, "Two ways to run").
 */
export function storeFileStorage(env: Environment = process.env): FileStorage {
  const config = loadConfig(storeStorageEnv, env);
  return createFileStorage(config, {
    dataDir: resolve(config.MAKRX_DATA_DIR),
    publicBaseUrl: config.STORE_API_URL.replace(/\/$/, ''),
  });
}
