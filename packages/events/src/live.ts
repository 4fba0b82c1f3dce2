import { liveChannels, liveEvent, type LiveChannel, type LiveEvent } from '@makrx/contracts';
import { sql } from 'drizzle-orm';
import type { Executor } from './outbox';

/** Which channel an event travels on: notifications on theirs, the cave's events on its own. */
export const liveChannelOf = (event: LiveEvent): LiveChannel =>
  event.kind === 'notification.created' ? liveChannels.notifications : liveChannels.cave;

/**
 * Announces a change to the pages open on it (the services' live streams), in the transaction
 * that makes the change: NOTIFY is delivered at commit and dropped on rollback, so nothing is
 * announced that did not happen. Every instance of every service listening on the channel
 * hears it; each stream decides whom to tell. Unlike an outbox event nothing retries it: a
 * page that missed one refetches when its stream reconnects.
 */
export async function publishLive(tx: Executor, event: LiveEvent): Promise<void> {
  const payload = JSON.stringify(liveEvent.parse(event));
  await tx.execute(sql`select pg_notify(${liveChannelOf(event)}, ${payload})`);
}
