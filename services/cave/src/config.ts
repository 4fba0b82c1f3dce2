import { paymentsEnv } from '@makrx/payments';
import { serviceEnv, type ServiceConfig } from '@makrx/service-kit';
import { storageEnv } from '@makrx/storage';
import type { z } from 'zod';

/**
 * What the cave service reads: the shared variables, file storage (makerspace photos) and the
 * payment provider's (invoices).
 */
export const caveEnv = serviceEnv('cave').extend(storageEnv.shape).extend(paymentsEnv.shape);
export type CaveConfig = z.infer<typeof caveEnv>;

/** The cave's settings as parsed at start: `caveService.env` is `caveEnv`. */
export const caveConfigOf = (config: ServiceConfig) => config as CaveConfig;
