import type { ProductPage } from '@makrx/contracts';
import { startTestService, testDrivers, type TestService } from '@makrx/service-kit/testing';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { storeService } from '../../service';
import { ListingCache } from './listing-cache';
import { productVariants } from './tables';

describe('ListingCache', () => {
  it('serves a stored listing until it is invalidated', async () => {
    const cache = new ListingCache();
    cache.setActive(true);
    let reads = 0;
    const compute = async () => ({ read: ++reads });
    expect(await cache.get('k', compute)).toBe('{"read":1}');
    expect(await cache.get('k', compute)).toBe('{"read":1}');
    cache.invalidate();
    expect(await cache.get('k', compute)).toBe('{"read":2}');
  });

  it('does not keep a listing that was read while a change arrived', async () => {
    const cache = new ListingCache();
    cache.setActive(true);
    let reads = 0;
    const slowRead = async () => {
      reads += 1;
      cache.invalidate(); // the change notification lands mid-read
      return { read: reads };
    };
    await cache.get('k', slowRead);
    expect(await cache.get('k', async () => ({ read: 'fresh' }))).toBe('{"read":"fresh"}');
  });

  it('caches nothing while its change subscription is down', async () => {
    const cache = new ListingCache();
    cache.setActive(false);
    let reads = 0;
    const compute = async () => ({ read: ++reads });
    await cache.get('k', compute);
    expect(await cache.get('k', compute)).toBe('{"read":2}');
  });
});

describe.each(testDrivers)('catalog listings after a catalog change, over %s', (driver) => {
  let store: TestService;
  beforeAll(async () => {
    store = await startTestService(storeService, driver);
  });
  afterAll(() => store.close());

  const priceInListing = async (slug: string) => {
    const page: ProductPage = (await store.app.inject('/api/v1/products?pageSize=100')).json();
    return page.items.find((p) => p.slug === slug)?.priceCents;
  };

  it('shows a changed variant price without a restart', async () => {
    expect(await priceInListing('esp32-devkit-v1')).toBe(899);
    await store.app.db
      .update(productVariants)
      .set({ priceCents: 799 })
      .where(eq(productVariants.sku, 'ELE-ESP32-DKV1'));
    await vi.waitFor(async () => expect(await priceInListing('esp32-devkit-v1')).toBe(799), {
      timeout: 5000,
      interval: 20,
    });
  });
});
