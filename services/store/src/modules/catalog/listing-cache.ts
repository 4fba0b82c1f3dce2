import type { DatabaseHandle } from '@makrx/db';
import type { FastifyInstance } from 'fastify';

const CHANNEL = 'store_catalog_changed';
const MAX_ENTRIES = 500;
const MAX_AGE_MS = 60_000;

/**
 * Serialized catalog listings, kept until the catalog changes. A trigger NOTIFYs every store
 * instance on any change to products or categories (migration 0001), and each instance drops
 * its entries. A listing read while a change was arriving is not stored (the generation
 * check), and while the subscription is broken nothing is cached at all.
 */
export class ListingCache {
  private readonly entries = new Map<string, { body: string; storedAt: number }>();
  private generation = 0;
  private active = false;

  /** Returns the cached body for `key`, or computes, stores and returns it. */
  async get(key: string, compute: () => Promise<unknown>): Promise<string> {
    const hit = this.entries.get(key);
    if (hit && Date.now() - hit.storedAt < MAX_AGE_MS) return hit.body;
    const generation = this.generation;
    const body = JSON.stringify(await compute());
    if (this.active && generation === this.generation) this.store(key, body);
    return body;
  }

  invalidate(): void {
    this.generation += 1;
    this.entries.clear();
  }

  setActive(active: boolean): void {
    this.active = active;
    this.invalidate();
  }

  private store(key: string, body: string): void {
    this.entries.delete(key);
    this.entries.set(key, { body, storedAt: Date.now() });
    if (this.entries.size > MAX_ENTRIES) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
  }
}

/** A cache that follows the catalog's change notifications for the life of the app. */
export async function createListingCache(
  app: FastifyInstance,
  database: DatabaseHandle,
): Promise<ListingCache> {
  const cache = new ListingCache();
  const subscription = await database.listen(
    CHANNEL,
    () => cache.setActive(true),
    () => cache.setActive(false),
  );
  cache.setActive(true);
  app.addHook('onClose', () => subscription.close());
  return cache;
}
