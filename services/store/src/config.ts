import { serviceEnv, type ServiceConfig } from '@makrx/service-kit';
import { storageEnv } from '@makrx/storage';
import type { z } from 'zod';
import { paymentsEnv } from '@makrx/payments';

/** What the store service reads: the shared variables, payments and file storage. */
export const storeEnv = serviceEnv('store').extend(paymentsEnv.shape).extend(storageEnv.shape);
export type StoreConfig = z.infer<typeof storeEnv>;

/** The store's settings as parsed at start: `storeService.env` is `storeEnv`. */
export const storeConfigOf = (config: ServiceConfig) => config as StoreConfig;
