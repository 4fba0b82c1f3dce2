import { serviceErasure, type AccountDeletion } from '@makrx/contracts';
import { recordAudit, type Database } from '@makrx/db';
import { redactEventPayloads } from '@makrx/events';
import { defineFlow, notFound, runFlow, type Peers } from '@makrx/service-kit';
import type { Bucket } from '@makrx/storage';
import type { FastifyBaseLogger } from 'fastify';
import {
  markServiceErased,
  recordErasureFailure,
  recordErasureRequest,
  servicesStillErasing,
  type ErasingService,
} from '../modules/account/service';
import { eraseCommunity } from '../modules/community/service';
import { eraseDevMailTo } from '../modules/dev-mail/service';
import {
  anonymiseIdentity,
  closeIdentity,
  contactOfAccount,
  DELETED,
} from '../modules/identity/service';
import { eraseNotifications } from '../modules/notifications/service';
import { eraseProfile, removeAvatarFilesOf } from '../modules/profiles/service';
import { erasePurchaseActivity } from '../modules/purchase-activity/service';
import { eraseAddresses } from '../modules/shipping-preferences/service';

export interface AccountErasure {
  userId: string;
  /** The account's address and name: the services find copies by them (invites, events). */
  email: string;
  name: string;
  requestId: string | null;
  peers: Peers;
  /** The public bucket makers' pictures are kept in. */
  files: Bucket;
  log: FastifyBaseLogger;
}

/**
 * Asks one service to erase what it holds about a user. Its endpoint is safe to repeat, so a
 * call that fails is recorded and asked again by the `auth.account.finish-erasures` job; the
 * deletion stays pending meanwhile, never undone: what was erased cannot come back.
 */
async function eraseIn(service: ErasingService, db: Database, erasure: AccountErasure) {
  try {
    await erasure.peers.json(service, `/api/v1/privacy/users/${erasure.userId}`, serviceErasure, {
      method: 'DELETE',
      body: JSON.stringify({ email: erasure.email, name: erasure.name }),
    });
    await markServiceErased(db, erasure.userId, service);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    erasure.log.warn({ err: error, service }, 'account erasure left pending in a service');
    await recordErasureFailure(db, erasure.userId, `${service}: ${message}`);
  }
}

/** Once every service confirmed, the name and email leave the `users` row (and the dev mailbox). */
async function anonymiseWhenAllErased(db: Database, erasure: AccountErasure) {
  if ((await servicesStillErasing(db, erasure.userId)).length > 0) return;
  await db.transaction(async (tx) => {
    await eraseDevMailTo(tx, erasure.email);
    await redactEventPayloads(tx, 'auth', [erasure.email, erasure.name], DELETED);
    await anonymiseIdentity(tx, erasure.userId);
  });
}

/**
 * Deletes an account (issue 15, "Account and privacy"). MakrX.org's part commits first, in one
 * transaction: the account is marked erased, so every token issued before is refused by all
 * three services from then on; sessions, their devices, passkeys and refresh tokens end; the
 * profile, preferences, addresses, notifications, purchase activity and the maker's follows and
 * community activity go (from other makers' feeds too). The picture files go just before, while
 * the profile still names them, so a failure there can be asked again. Then the cave and the store erase theirs,
 * and last the name and email leave the `users` row. A service that does not answer leaves the
 * deletion pending, retried by a job. Nothing here has an undo: each step is safe to repeat
 * instead (ARCHITECTURE "Modules and flows").
 */
export const eraseAccountFlow = defineFlow<AccountErasure, Database>('erase-account', [
  {
    name: 'remove-avatar-files',
    run: async (erasure, db) => {
      await removeAvatarFilesOf(db, erasure.files, erasure.userId);
    },
  },
  {
    name: 'close-account',
    run: async (erasure, db) =>
      db.transaction(async (tx) => {
        await recordErasureRequest(tx, erasure.userId);
        await closeIdentity(tx, erasure.userId);
        await eraseProfile(tx, erasure.userId);
        await eraseAddresses(tx, erasure.userId);
        await eraseNotifications(tx, erasure.userId);
        await erasePurchaseActivity(tx, erasure.userId);
        await eraseCommunity(tx, erasure.userId);
        await recordAudit(tx, {
          service: 'auth',
          actorId: erasure.userId,
          action: 'account.deleted',
          entityType: 'user',
          entityId: erasure.userId,
          requestId: erasure.requestId,
        });
      }),
  },
  { name: 'erase-in-cave', run: (erasure, db) => eraseIn('cave', db, erasure) },
  { name: 'erase-in-store', run: (erasure, db) => eraseIn('store', db, erasure) },
  { name: 'anonymise-identity', run: (erasure, db) => anonymiseWhenAllErased(db, erasure) },
]);

/** Who is being erased, in which request; the address and name are read from the account. */
type ErasureRequest = Omit<AccountErasure, 'email' | 'name'>;

export async function eraseAccount(
  db: Database,
  request: ErasureRequest,
): Promise<AccountDeletion> {
  const contact = await contactOfAccount(db, request.userId);
  if (contact === undefined) throw notFound('That account does not exist.');
  const erasure = { ...request, ...contact };
  await runFlow(eraseAccountFlow, erasure, db);
  const pendingServices = await servicesStillErasing(db, erasure.userId);
  return { status: pendingServices.length ? 'pending' : 'done', pendingServices };
}

/** Asks the services that have not confirmed a deletion again, then finishes it (the job's work). */
export async function finishErasure(db: Database, erasure: ErasureRequest): Promise<void> {
  const contact = await contactOfAccount(db, erasure.userId);
  if (contact === undefined) return;
  const pending = { ...erasure, ...contact };
  for (const service of await servicesStillErasing(db, erasure.userId))
    await eraseIn(service, db, pending);
  await anonymiseWhenAllErased(db, pending);
}
