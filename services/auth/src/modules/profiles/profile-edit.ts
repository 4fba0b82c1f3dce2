import type { OwnProfile, ProfileEdit } from '@makrx/contracts';
import { recordAudit, type Database } from '@makrx/db';
import { notFound } from '@makrx/service-kit';
import { eq } from 'drizzle-orm';
import { renameAccount } from '../identity/service';
import { provisionMaker } from './provisioning';
import { readOwnProfile } from './own-profile';
import { profiles } from './tables';

type ProfileFields = Omit<ProfileEdit, 'displayName'>;

/**
 * The owner's changes to their profile, in one transaction with its audit row: the display name
 * through the identity module (the account is its), the rest in the profile. Fields left out
 * stay as they are; the audit row holds only what changed, before and after.
 */
export async function editProfile(
  db: Database,
  userId: string,
  edit: ProfileEdit,
  requestId: string,
): Promise<OwnProfile> {
  await provisionMaker(db, userId);
  const { displayName, ...fields } = edit;
  await db.transaction(async (tx) => {
    const db = tx as unknown as Database;
    const current = await readOwnProfile(db, userId);
    if (!current) throw notFound('Your account');
    const before: Record<string, unknown> = {};
    const after: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(edit) as [keyof ProfileEdit, unknown][]) {
      if (JSON.stringify(current[key]) === JSON.stringify(value)) continue;
      before[key] = current[key];
      after[key] = value;
    }
    if (Object.keys(after).length === 0) return;
    if (displayName !== undefined && 'displayName' in after) {
      await renameAccount(db, userId, displayName);
    }
    const changedFields = Object.fromEntries(
      Object.entries(fields).filter(([key]) => key in after),
    ) as ProfileFields;
    await tx
      .update(profiles)
      .set({ ...changedFields, updatedAt: new Date() })
      .where(eq(profiles.userId, userId));
    await recordAudit(tx, {
      service: 'auth',
      action: 'profile.edited',
      entityType: 'user',
      entityId: userId,
      actorId: userId,
      before,
      after,
      requestId,
    });
  });
  const saved = await readOwnProfile(db, userId);
  if (!saved) throw notFound('Your account');
  return saved;
}
