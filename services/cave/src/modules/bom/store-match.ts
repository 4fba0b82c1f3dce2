import { productsByCodes, type BomItemMatch } from '@makrx/contracts';
import type { Database } from '@makrx/db';
import type { Peers } from '@makrx/service-kit';
import { inArray } from 'drizzle-orm';
import { bomInventory } from './tables';

/*
 * What the Store says of the codes a BOM uses (spec 7, `GET /api/v1/products/by-codes
 * ?include_inventory=true`): asked live on each BOM read, remembered briefly so a page that
 * polls does not ask every time, and when the Store cannot be reached, the levels it last
 * pushed (`POST /api/v1/bom/sync-inventory`).
 */

const CACHE_MS = 10_000;
/** The Store answers at most 100 codes per request. */
const CODES_PER_REQUEST = 100;

export interface CodeLevels {
  productName: string | null;
  productSlug: string | null;
  priceCents: number;
  currency: string;
  stock: number | null;
  inStock: boolean | null;
  /** The Store's low-stock threshold, known from its pushes only. */
  lowStockBelow: number | null;
  source: BomItemMatch['source'];
  at: string;
}

export interface StoreLevels {
  byCode: Map<string, CodeLevels>;
  /** Codes the Store answered it does not know (live answers only). */
  unknownCodes: Set<string>;
  /** When the Store was asked; null when it could not be. */
  checkedAt: string | null;
}

type LiveAnswer = { at: string; items: Map<string, CodeLevels>; unknown: Set<string> };

/** Asks the Store about codes, reusing an answer younger than a few seconds. */
export function storeCodeLookup(peers: Peers, log: { warn(obj: object, msg: string): void }) {
  const cache = new Map<string, { until: number; answer: Promise<LiveAnswer> }>();

  const ask = async (codes: string[]): Promise<LiveAnswer> => {
    const at = new Date().toISOString();
    const items = new Map<string, CodeLevels>();
    const unknown = new Set<string>();
    for (let i = 0; i < codes.length; i += CODES_PER_REQUEST) {
      const query = new URLSearchParams({
        codes: codes.slice(i, i + CODES_PER_REQUEST).join(','),
        include_inventory: 'true',
      });
      const answer = await peers.json(
        'store',
        `/api/v1/products/by-codes?${query}`,
        productsByCodes,
      );
      for (const item of answer.items) {
        items.set(item.code, {
          productName: item.productName,
          productSlug: item.productSlug,
          priceCents: item.priceCents,
          currency: item.currency,
          stock: item.stock ?? null,
          inStock: item.inStock ?? null,
          lowStockBelow: null,
          source: 'live',
          at,
        });
      }
      for (const code of answer.unknownCodes) unknown.add(code);
    }
    return { at, items, unknown };
  };

  /** The live answer for `codes`, or null when the Store cannot be asked now. */
  return async (codes: readonly string[]): Promise<LiveAnswer | null> => {
    const sorted = [...new Set(codes)].sort();
    if (sorted.length === 0)
      return { at: new Date().toISOString(), items: new Map(), unknown: new Set() };
    const key = sorted.join(',');
    const now = Date.now();
    for (const [cachedKey, entry] of cache) if (entry.until <= now) cache.delete(cachedKey);
    let entry = cache.get(key);
    if (!entry) {
      entry = { until: now + CACHE_MS, answer: ask(sorted) };
      cache.set(key, entry);
    }
    try {
      return await entry.answer;
    } catch (error) {
      cache.delete(key);
      log.warn({ err: error }, 'The store could not be asked about BOM codes');
      return null;
    }
  };
}

export type StoreCodeLookup = ReturnType<typeof storeCodeLookup>;

/** The levels the Store last pushed for these codes. */
async function syncedLevels(db: Database, codes: readonly string[]) {
  if (codes.length === 0) return new Map<string, typeof bomInventory.$inferSelect>();
  const rows = await db
    .select()
    .from(bomInventory)
    .where(inArray(bomInventory.code, [...codes]));
  return new Map(rows.map((row) => [row.code, row]));
}

/**
 * The Store's word on each code: live when it answers (with the pushed low-stock threshold
 * beside it), unless a push came after the (remembered) live answer; else the last pushed levels.
 */
export async function storeLevelsOf(
  db: Database,
  lookup: StoreCodeLookup,
  codes: readonly string[],
): Promise<StoreLevels> {
  const unique = [...new Set(codes)];
  const [live, synced] = await Promise.all([lookup(unique), syncedLevels(db, unique)]);
  const byCode = new Map<string, CodeLevels>();
  for (const code of unique) {
    const pushed = synced.get(code);
    const answered = live?.items.get(code);
    if (answered && pushed && pushed.at.getTime() > Date.parse(answered.at)) {
      // A push newer than the remembered live answer (a critical drop) is the Store's word now.
      byCode.set(code, {
        ...answered,
        priceCents: pushed.priceCents,
        currency: pushed.currency,
        stock: pushed.stock,
        inStock: pushed.stock > 0,
        lowStockBelow: pushed.lowStockBelow,
        source: 'synced',
        at: pushed.at.toISOString(),
      });
    } else if (answered) {
      byCode.set(code, { ...answered, lowStockBelow: pushed?.lowStockBelow ?? null });
    } else if (pushed && !live?.unknown.has(code)) {
      byCode.set(code, {
        productName: null,
        productSlug: null,
        priceCents: pushed.priceCents,
        currency: pushed.currency,
        stock: pushed.stock,
        inStock: pushed.stock > 0,
        lowStockBelow: pushed.lowStockBelow,
        source: 'synced',
        at: pushed.at.toISOString(),
      });
    }
  }
  return { byCode, unknownCodes: live?.unknown ?? new Set(), checkedAt: live?.at ?? null };
}
