import { resolve } from 'node:path';
import type { Readable } from 'node:stream';
import { S3, type S3ClientConfig } from '@aws-sdk/client-s3';
import { FileStore } from '@tus/file-store';
import { S3Store } from '@tus/s3-store';
import type { DataStore } from '@tus/server';
import type { StoreConfig } from '../../config';

/** An upload not finished 24 hours after it began is removed by the sweep (expire-uploads.ts). */
export const UNFINISHED_UPLOAD_LIFETIME_MS = 24 * 3600 * 1000;

/** The folder under MAKRX_DATA_DIR/files that holds model uploads in embedded mode. */
export const LOCAL_UPLOAD_FOLDER = 'model-uploads';

/** Where tus writes uploads, with a way to read a finished one back from its first byte. */
export interface UploadStore {
  datastore: DataStore;
  kind: 'local' | 's3';
  read(id: string): Promise<Readable>;
  /** Removes an upload, finished or not, and its tus record; one already gone is no error. */
  remove(id: string): Promise<void>;
  /** Removes uploads begun more than UNFINISHED_UPLOAD_LIFETIME_MS ago and still unfinished. */
  expireUnfinished(): Promise<number>;
}

/**
 * Uploads stream straight to where they are kept: files under MAKRX_DATA_DIR/files when
 * S3_ENDPOINT is unset, else S3_BUCKET_UPLOADS as S3 multipart uploads (DESIGN, "Two ways to
 * run"). Either store knows each upload's start, which the 24-hour sweep reads.
 */
export function createUploadStore(config: StoreConfig): UploadStore {
  if (!config.S3_ENDPOINT) {
    const store = new FileStore({
      directory: resolve(config.MAKRX_DATA_DIR, 'files', LOCAL_UPLOAD_FOLDER),
      expirationPeriodInMilliseconds: UNFINISHED_UPLOAD_LIFETIME_MS,
    });
    return {
      datastore: store,
      kind: 'local',
      read: async (id) => store.read(id) as Readable,
      remove: (id) => store.remove(id),
      expireUnfinished: () => expireUnfinishedFiles(store),
    };
  }
  if (!config.S3_ACCESS_KEY_ID || !config.S3_SECRET_ACCESS_KEY)
    throw new Error('S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY: required with S3_ENDPOINT');
  const bucket = config.S3_BUCKET_UPLOADS;
  const clientConfig: S3ClientConfig = {
    endpoint: config.S3_ENDPOINT,
    region: config.S3_REGION,
    forcePathStyle: config.S3_FORCE_PATH_STYLE === 'true',
    credentials: {
      accessKeyId: config.S3_ACCESS_KEY_ID,
      secretAccessKey: config.S3_SECRET_ACCESS_KEY,
    },
  };
  const store = new S3Store({
    partSize: 8 * 1024 * 1024,
    expirationPeriodInMilliseconds: UNFINISHED_UPLOAD_LIFETIME_MS,
    s3ClientConfig: { ...clientConfig, bucket },
  });
  const s3 = new S3(clientConfig);
  // S3 lists unfinished uploads itself (open multipart uploads): tus's own sweep reads that.
  return {
    datastore: store,
    kind: 's3',
    read: (id) => store.read(id),
    remove: async (id) => {
      // tus's remove stops at aborting the multipart upload, which a finished one no longer
      // has: the object and its record are deleted here whatever that step said.
      await store.remove(id).catch(() => undefined);
      await s3.deleteObjects({
        Bucket: bucket,
        Delete: { Objects: [{ Key: id }, { Key: `${id}.info` }] },
      });
    },
    expireUnfinished: () => store.deleteExpired(),
  };
}

/**
 * tus's own sweep of a FileStore compares the size with the offset written at creation, which
 * it never updates, so it would remove finished files too; the file's real length says.
 */
async function expireUnfinishedFiles(store: FileStore, now = Date.now()): Promise<number> {
  let removed = 0;
  for (const id of (await store.configstore.list?.()) ?? []) {
    const upload = await store.getUpload(id).catch(() => undefined);
    if (!upload?.creation_date || upload.offset === upload.size) continue;
    if (now - Date.parse(upload.creation_date) <= UNFINISHED_UPLOAD_LIFETIME_MS) continue;
    await store.remove(id);
    removed += 1;
  }
  return removed;
}
