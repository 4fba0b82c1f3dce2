import { serviceEnv, type ServiceConfig } from '@makrx/service-kit';
import { storageEnv } from '@makrx/storage';
import type { z } from 'zod';
import { identityEnv } from './identity-env';

/** What the auth service reads: the shared variables, its identity provider's, file storage (avatars). */
export const authEnv = serviceEnv('auth').extend(identityEnv.shape).extend(storageEnv.shape);
export type AuthConfig = z.infer<typeof authEnv>;

/** The auth service's settings as parsed at start: `authService.env` is `authEnv`. */
export const authConfigOf = (config: ServiceConfig) => config as AuthConfig;
