import { availableParallelism } from 'node:os';
import { serviceEnv, type ServiceConfig } from '@makrx/service-kit';
import { storageEnv } from '@makrx/storage';
import { z } from 'zod';
import { paymentsEnv } from '@makrx/payments';

/** Customers' 3D model uploads: how large one may be, and the virus scanner when there is one. */
export const modelUploadEnv = z.object({
  /** The largest model file a customer may upload, in bytes (250 MB by default). */
  MODEL_UPLOAD_MAX_BYTES: z.coerce
    .number()
    .int()
    .positive()
    .default(250 * 1024 * 1024),
  /** clamd's host; unset, uploads get the structural checks only (DESIGN, "Two ways to run"). */
  CLAMAV_HOST: z.string().min(1).optional(),
  CLAMAV_PORT: z.coerce.number().int().min(1).max(65_535).default(3310),
  /** A model with more triangles than this is refused (TOO_MANY_TRIANGLES) before it is analysed. */
  MODEL_MAX_TRIANGLES: z.coerce.number().int().positive().default(5_000_000),
  /**
   * Worker threads that parse and analyse uploaded models off the event loop; by default one
   * fewer than the machine's CPUs (at least one), so requests keep a core.
   */
  MODEL_ANALYSIS_THREADS: z.coerce
    .number()
    .int()
    .min(1)
    .max(64)
    .default(() => Math.max(1, availableParallelism() - 1)),
});

/** What the store service reads: the shared variables, payments, file storage and uploads. */
export const storeEnv = serviceEnv('store')
  .extend(paymentsEnv.shape)
  .extend(storageEnv.shape)
  .extend(modelUploadEnv.shape);
export type StoreConfig = z.infer<typeof storeEnv>;

/** The store's settings as parsed at start: `storeService.env` is `storeEnv`. */
export const storeConfigOf = (config: ServiceConfig) => config as StoreConfig;
