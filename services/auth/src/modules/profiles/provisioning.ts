import type { Database } from '@makrx/db';
import { users } from '@makrx/db/schema';
import { eq, sql } from 'drizzle-orm';
import { preferences, profiles } from './tables';

/**
 * Spec flow "Signup → Ecosystem Auto-Provisioning": the first sign-in from any app gives the
 * user a basic profile and default preferences. Safe to call on every sign-in.
 */
export async function provisionMaker(db: Database, userId: string): Promise<void> {
  await db.transaction(async (tx) => {
    const [user] = await tx
      .select({
        username: users.username,
        hasProfile: sql<boolean>`exists (select 1 from ${profiles} where ${profiles.userId} = ${users.id})`,
      })
      .from(users)
      .where(eq(users.id, userId));
    if (!user) return;
    if (!user.hasProfile) {
      await tx
        .insert(profiles)
        .values({ userId, handle: await freeHandle(tx as unknown as Database, user.username) })
        .onConflictDoNothing();
    }
    await tx.insert(preferences).values({ userId }).onConflictDoNothing();
  });
}

async function freeHandle(db: Database, username: string): Promise<string> {
  const base = (username.replace(/[^a-z0-9-]/g, '-').replace(/^-+/, '') || 'maker')
    .slice(0, 26)
    .padEnd(2, '0');
  const taken = await db
    .select({ handle: profiles.handle })
    .from(profiles)
    .where(sql`${profiles.handle} = ${base} or ${profiles.handle} like ${base + '-%'}`);
  const handles = new Set(taken.map((row) => row.handle));
  if (!handles.has(base)) return base;
  for (let n = 2; ; n++) if (!handles.has(`${base}-${n}`)) return `${base}-${n}`;
}
