import type { BackgroundJob } from '@makrx/service-kit';
import { forgetOldEndedSessions } from './service';

/** Daily: a record outliving every cookie it could match only takes space. */
export const forgetEndedStorefrontSessions: BackgroundJob = {
  name: 'store.storefront-sessions.forget-old',
  everyMs: 24 * 3600_000,
  run: async (app) => {
    await forgetOldEndedSessions(app.db);
  },
};
