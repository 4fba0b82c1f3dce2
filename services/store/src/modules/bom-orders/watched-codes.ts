import type { Database } from '@makrx/db';
import { and, gte, inArray, lt, sql } from 'drizzle-orm';
import { variantsBySku } from '../catalog/service';
import { bomWatchedCodes } from './tables';

/** A code no BOM has asked about for this long is no longer pushed (and is forgotten). */
export const WATCH_FOR_MS = 90 * 24 * 60 * 60 * 1000;

/** A code's stock and price as the cave is (or is to be) told. */
export interface CodeLevel {
  code: string;
  stock: number;
  priceCents: number;
  currency: string;
}

/**
 * Notes the codes the cave asked about now. `told`: the answer gave the cave their stock and
 * price, which become what it last heard of; otherwise a new code starts from its levels now
 * (the cave read them when it matched the BOM) and a known one keeps what it was last told.
 */
export async function watchCodes(db: Database, codes: readonly string[], told: boolean) {
  const unique = [...new Set(codes)];
  if (unique.length === 0) return;
  const levels = new Map((await variantsBySku(db, unique)).map((v) => [v.sku, v]));
  const now = new Date();
  await db
    .insert(bomWatchedCodes)
    .values(
      unique.map((code) => {
        const level = levels.get(code);
        return {
          code,
          lastAskedAt: now,
          toldStock: level?.stock ?? null,
          toldPriceCents: level?.priceCents ?? null,
          toldAt: level ? now : null,
        };
      }),
    )
    .onConflictDoUpdate({
      target: bomWatchedCodes.code,
      set: told
        ? {
            lastAskedAt: now,
            toldStock: sql`excluded.told_stock`,
            toldPriceCents: sql`excluded.told_price_cents`,
            toldAt: sql`excluded.told_at`,
          }
        : { lastAskedAt: now },
    });
}

/** Of these codes, the ones a BOM asked about within the last 90 days. */
export async function watchedAmong(db: Database, codes: readonly string[], now = new Date()) {
  if (codes.length === 0) return [];
  const rows = await db
    .select({ code: bomWatchedCodes.code })
    .from(bomWatchedCodes)
    .where(
      and(
        inArray(bomWatchedCodes.code, [...codes]),
        gte(bomWatchedCodes.lastAskedAt, new Date(now.getTime() - WATCH_FOR_MS)),
      ),
    );
  return rows.map((row) => row.code);
}

/** Forgets the codes unasked for 90 days; answers how many. */
export async function forgetUnaskedCodes(db: Database, now = new Date()) {
  const forgotten = await db
    .delete(bomWatchedCodes)
    .where(lt(bomWatchedCodes.lastAskedAt, new Date(now.getTime() - WATCH_FOR_MS)))
    .returning({ code: bomWatchedCodes.code });
  return forgotten.length;
}

/** The codes' stock and price now; a code the catalog no longer has is left out. */
export async function levelsOf(db: Database, codes: readonly string[]): Promise<CodeLevel[]> {
  if (codes.length === 0) return [];
  return (await variantsBySku(db, codes)).map((v) => ({
    code: v.sku,
    stock: v.stock,
    priceCents: v.priceCents,
    currency: v.currency,
  }));
}

/** Every watched code whose stock or price differs from what the cave last heard of. */
export async function changedSinceTold(db: Database, now = new Date()): Promise<CodeLevel[]> {
  const watched = await db
    .select()
    .from(bomWatchedCodes)
    .where(gte(bomWatchedCodes.lastAskedAt, new Date(now.getTime() - WATCH_FOR_MS)));
  const told = new Map(watched.map((row) => [row.code, row]));
  const levels = await levelsOf(
    db,
    watched.map((row) => row.code),
  );
  return levels.filter((level) => {
    const last = told.get(level.code)!;
    return last.toldStock !== level.stock || last.toldPriceCents !== level.priceCents;
  });
}

/** What the cave was told, and when it was read: the next push compares with it. */
export async function recordTold(db: Database, levels: readonly CodeLevel[], at: Date) {
  for (const level of levels) {
    await db
      .update(bomWatchedCodes)
      .set({ toldStock: level.stock, toldPriceCents: level.priceCents, toldAt: at })
      .where(
        and(
          inArray(bomWatchedCodes.code, [level.code]),
          sql`(${bomWatchedCodes.toldAt} is null or ${bomWatchedCodes.toldAt} <= ${at})`,
        ),
      );
  }
}
