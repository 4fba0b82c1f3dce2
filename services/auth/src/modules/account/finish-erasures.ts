import type { BackgroundJob } from '@makrx/service-kit';
import { finishErasure } from '../../flows/erase-account';
import { publicFilesOf } from '../profiles/service';
import { pendingErasures } from './service';

/** How many pending deletions one run asks the services about. */
const BATCH = 20;

/** Asks the cave and the store again to erase accounts they did not confirm erasing. */
export const finishAccountErasures: BackgroundJob = {
  name: 'auth.account.finish-erasures',
  everyMs: 60_000,
  async run(app) {
    const pending = await pendingErasures(app.db, BATCH);
    for (const userId of pending)
      await finishErasure(app.db, {
        userId,
        requestId: null,
        peers: app.peers,
        log: app.log,
        files: publicFilesOf(app),
      });
    return pending.length;
  },
};
