import { serviceDataExport, type AccountDataExport, type RetainedRecord } from '@makrx/contracts';
import type { Database } from '@makrx/db';
import type { Peers } from '@makrx/service-kit';
import { ownAuditedActionsOf } from '../modules/audit-log/service';
import { communityExportOf } from '../modules/community/service';
import { identityExportOf } from '../modules/identity/service';
import { notificationsExportOf } from '../modules/notifications/service';
import { profileExportOf } from '../modules/profiles/service';
import {
  purchaseActivityExportOf,
  purchaseSharingExportOf,
} from '../modules/purchase-activity/service';
import { addressesExportOf } from '../modules/shipping-preferences/service';

/** What MakrX.org keeps after an account's deletion, and why (README "Your data"). */
export const retainedByMakrxOrg: RetainedRecord[] = [
  {
    service: 'auth',
    what: 'Your user record, anonymised: its id, when it was created and when it was deleted',
    why: 'Orders, invoices and the audit log the law requires us to keep refer to it; the name and email in it are replaced with "Deleted user" and an address that reaches nobody.',
    keptFor: 'As long as any record referring to it',
    identifiesYouBy: 'Nothing: only a random id',
  },
  {
    service: 'auth',
    what: 'The audit log of changes that matter later (roles, orders, payments, memberships, bookings)',
    why: 'It is sealed in a hash chain so that nobody can alter it unseen; security and accounting law require it to be complete. Entries written before the deletion may hold your name or email as they were.',
    keptFor: '10 years',
    identifiesYouBy: 'Entries written before the deletion, which may include your name or email',
  },
];

/** The one JSON file of everything MakrX holds about a user, asked of all three services. */
export async function exportAccount(
  db: Database,
  peers: Peers,
  userId: string,
): Promise<AccountDataExport> {
  const path = `/api/v1/privacy/users/${userId}/export`;
  const [cave, store] = await Promise.all([
    peers.json('cave', path, serviceDataExport),
    peers.json('store', path, serviceDataExport),
  ]);
  const identity = await identityExportOf(db, userId);
  const { profile, highlights, preferences } = await profileExportOf(db, userId);
  const notifications = await notificationsExportOf(db, userId);
  return {
    format: 'makrx-account-export/1',
    exportedAt: new Date().toISOString(),
    userId,
    auth: {
      account: identity.account ?? null,
      roles: identity.roles,
      linkedAccounts: identity.linkedAccounts,
      hasPassword: identity.hasPassword,
      sessions: identity.sessions,
      passkeys: identity.passkeys,
      passkeyChallenges: identity.passkeyChallenges,
      profile,
      profileHighlights: highlights,
      preferences,
      addresses: await addressesExportOf(db, userId),
      notifications: notifications.notifications,
      notificationPreferences: notifications.preferences,
      purchaseActivity: await purchaseActivityExportOf(db, userId),
      purchaseActivitySharing: await purchaseSharingExportOf(db, userId),
      community: await communityExportOf(db, userId),
      auditedActions: await ownAuditedActionsOf(db, userId),
    },
    cave: cave.sections,
    store: store.sections,
    retained: [...retainedByMakrxOrg, ...cave.retained, ...store.retained],
  };
}
