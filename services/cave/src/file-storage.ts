import { resolve } from 'node:path';
import { declareRoutesOfPlugin } from '@makrx/auth';
import { createFileStorage, localFileRoutes, type Bucket, type FileStorage } from '@makrx/storage';
import type { FastifyInstance } from 'fastify';
import { caveConfigOf } from './config';

const storages = new WeakMap<FastifyInstance, FileStorage>();

/**
 * The cave's file storage: S3/MinIO when S3_ENDPOINT is set, else the local disk under
 * MAKRX_DATA_DIR/files (DESIGN, "Two ways to run"); made on first use.
 */
function storageOf(app: FastifyInstance): FileStorage {
  let storage = storages.get(app);
  if (!storage) {
    const config = caveConfigOf(app.config);
    storage = createFileStorage(config, {
      dataDir: resolve(config.MAKRX_DATA_DIR),
      publicBaseUrl: config.CAVE_API_URL.replace(/\/$/, ''),
    });
    storages.set(app, storage);
  }
  return storage;
}

/** The bucket of files anyone may see (makerspace, machine and project photos). */
export const publicFilesOf = (app: FastifyInstance): Bucket => storageOf(app).bucket('public');

/** The private bucket (the spec's uploads): project files, read through signed links only. */
export const privateFilesOf = (app: FastifyInstance): Bucket => storageOf(app).bucket('uploads');

/**
 * The routes that answer the local storage's signed links (`/files/<bucket>/<key>`): public,
 * since the link's signature is the permission. With S3 the links point at S3 and this adds
 * nothing.
 */
export async function signedFileRoutes(app: FastifyInstance, maxUploadBytes: number) {
  await app.register(async (scope) => {
    declareRoutesOfPlugin(scope, 'public');
    await scope.register(localFileRoutes, { storage: storageOf(app), maxUploadBytes });
  });
}
