import type { BackgroundJob } from '@makrx/service-kit';
import { storeConfigOf } from '../../config';
import { createUploadStore } from './upload-store';

/**
 * Removes uploads begun more than 24 hours ago and never finished (UNFINISHED_UPLOAD_LIFETIME_MS);
 * finished uploads are never touched. Hourly: an abandoned upload costs space, not correctness.
 */
export const expireUnfinishedModelUploads: BackgroundJob = {
  name: 'store.model-uploads.expire-unfinished',
  everyMs: 3600_000,
  run: (app) => createUploadStore(storeConfigOf(app.config)).expireUnfinished(),
};
