import type { ProductSearchPage } from '@makrx/contracts';
import { featureFlags } from '@makrx/db/schema';
import { startTestService, testDrivers, type TestService } from '@makrx/service-kit/testing';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storeService } from '../../service';
import { setProductArchived } from './testing';
import { categories, productSearchDocument, products, productVariants } from './tables';

describe.each(testDrivers)('searching the catalog over %s', (driver) => {
  let store: TestService;
  const search = async (query: string): Promise<ProductSearchPage> => {
    const response = await store.app.inject(`/api/v1/products/search?${query}`);
    expect(response.statusCode).toBe(200);
    return response.json();
  };
  const advancedSearch = (enabled: boolean) =>
    store.app.db
      .update(featureFlags)
      .set({ enabled })
      .where(eq(featureFlags.key, 'ENABLE_ADVANCED_SEARCH'));
  const slugs = (page: ProductSearchPage) => page.items.map((p) => p.slug);

  beforeAll(async () => {
    store = await startTestService(storeService, driver);
    await store.app.db.insert(featureFlags).values({
      key: 'ENABLE_ADVANCED_SEARCH',
      scope: 'domain',
      domain: 'store',
      enabled: false,
      description: 'Faceted product search.',
    });
  });
  afterAll(() => store.close());

  describe('with ENABLE_ADVANCED_SEARCH off', () => {
    it('finds products by full text, without facets', async () => {
      const page = await search('q=filament');
      expect(page.advanced).toBe(false);
      expect(page.facets).toBeUndefined();
      // Six filaments, and the nozzle set made for abrasive filaments.
      expect(page.total).toBe(7);
      expect(page.items.filter((p) => p.category.slug === 'filament')).toHaveLength(6);
      expect(slugs(page)).toContain('hardened-steel-nozzle-set-0-4');
    });

    it('does not forgive a typo', async () => {
      const page = await search('q=filamnet');
      expect(page).toMatchObject({ total: 0, items: [], correctedQuery: null });
    });
  });

  describe('with ENABLE_ADVANCED_SEARCH on', () => {
    beforeAll(() => advancedSearch(true));
    afterAll(() => advancedSearch(false));

    it('finds filament when "filamnet" is typed, and says what it searched for', async () => {
      const page = await search('q=filamnet');
      expect(page.correctedQuery).toBe('filament');
      expect(page.total).toBe(7);
      expect(slugs(page)).toContain('pla-filament-galaxy-black-1kg');
    });

    it('searches as typed when asked to ("Search instead for")', async () => {
      const page = await search('q=filamnet&exact=true');
      expect(page).toMatchObject({ total: 0, correctedQuery: null, suggestedQuery: null });
    });

    it('corrects a misspelt category name', async () => {
      const page = await search('q=electornics');
      expect(page.correctedQuery).toBe('electronics');
      expect(page.items.every((p) => p.category.slug === 'electronics')).toBe(true);
      expect(page.total).toBeGreaterThan(2);
    });

    it('offers a spelling that finds more beside a query that finds only a little', async () => {
      // "nozle" is not a catalog word; "Nozle" in one product's name makes it find one thing.
      const [parts] = await store.app.db
        .select({ id: categories.id })
        .from(categories)
        .where(eq(categories.slug, 'printer-parts'));
      await store.app.db.transaction(async (tx) => {
        const [product] = await tx
          .insert(products)
          .values({
            sku: 'TEST-NOZLE-KEY',
            slug: 'nozle-cleaning-needles',
            name: 'Nozle Cleaning Needles',
            brand: 'Test',
            summary: 'Thin needles.',
            description: 'For a clogged hot end.',
            categoryId: parts!.id,
            imageUrl: '/media/products/test.svg',
          })
          .returning({ id: products.id });
        await tx
          .insert(productVariants)
          .values({ productId: product!.id, sku: 'TEST-NOZLE-KEY', priceCents: 499, stock: 3 });
      });
      const page = await search('q=nozle');
      expect(page.correctedQuery).toBeNull();
      expect(page.suggestedQuery).toBe('nozzle');
      await setProductArchived(store.app.db, 'nozle-cleaning-needles', true);
    });

    it('falls back to names that come close when no word can be corrected', async () => {
      const page = await search('q=solderingstation');
      expect(slugs(page)).toContain('soldering-station-60w');
    });

    it('counts the matches per category, price range, stock and material', async () => {
      const page = await search('q=filament&pageSize=100');
      const facets = page.facets!;
      const count = (list: { value: string; count: number }[], value: string) =>
        list.find((v) => v.value === value)?.count;
      expect(count(facets.categories, '3d-printing')).toBe(7);
      expect(count(facets.categories, 'filament')).toBe(6);
      expect(count(facets.categories, 'printer-parts')).toBe(1);
      expect(count(facets.categories, 'tools')).toBeUndefined();
      expect(facets.inStock).toBe(page.items.filter((p) => p.inStock).length);
      expect(facets.inStock).toBe(6);
      const byMaterial = Object.fromEntries(facets.materials.map((m) => [m.value, m.count]));
      expect(byMaterial).toEqual({ PLA: 2, PETG: 2, ASA: 1, TPU: 1, 'Hardened steel': 1 });
      const priced = facets.prices.reduce((sum, bucket) => sum + bucket.count, 0);
      expect(priced).toBe(7);
      expect(count(facets.prices, 'under-10')).toBe(
        page.items.filter((p) => p.priceCents < 1000).length,
      );
    });

    it('filters by a facet, still counting the other values of that facet', async () => {
      const petg = await search('q=filament&material=PETG');
      expect(petg.total).toBe(2);
      expect(petg.items.every((p) => /\bPETG\b/.test(p.name))).toBe(true);
      expect(petg.facets!.materials.find((m) => m.value === 'PLA')?.count).toBe(2);
      const inStock = await search('q=filament&inStock=true');
      expect(inStock.total).toBe(6);
      expect(slugs(inStock)).not.toContain('asa-filament-grey-1kg');
      const cheap = await search('price=under-10&pageSize=100');
      expect(cheap.items.every((p) => p.priceCents < 1000)).toBe(true);
      expect(cheap.total).toBe(cheap.facets!.prices.find((b) => b.value === 'under-10')?.count);
    });

    it('sorts by price and by newest, a page at a time', async () => {
      const byPrice = await search('sort=price-asc&pageSize=100');
      const prices = byPrice.items.map((p) => p.priceCents);
      expect(prices).toEqual([...prices].sort((a, b) => a - b));
      const first = await search('sort=newest&pageSize=5');
      const second = await search('sort=newest&pageSize=5&page=2');
      expect(first.total).toBe(26);
      expect(first.totalPages).toBe(6);
      expect(new Set([...slugs(first), ...slugs(second)]).size).toBe(10);
    });

    it('narrows to a category and its subcategories', async () => {
      const page = await search('category=3d-printing&pageSize=100');
      expect(page.total).toBe(12);
      expect(new Set(page.items.map((p) => p.category.slug))).toEqual(
        new Set(['filament', 'resin', 'printer-parts']),
      );
    });
  });

  it('puts what sits in "Printer parts" before a stepper motor that mentions printers', async () => {
    const page = await search('q=printer&pageSize=100');
    const order = slugs(page);
    const parts = page.items.filter((p) => p.category.slug === 'printer-parts').map((p) => p.slug);
    expect(parts.length).toBeGreaterThanOrEqual(3);
    const stepper = order.indexOf('nema17-stepper-motor-42-48');
    expect(stepper).toBeGreaterThan(-1);
    for (const part of parts) expect(order.indexOf(part)).toBeLessThan(stepper);
  });

  it('gives a result its one variant to cart from the list, and none when there is a choice', async () => {
    const station = (await search('q=soldering%20station')).items.find(
      (p) => p.slug === 'soldering-station-60w',
    );
    const [variant] = await store.app.db
      .select({ id: productVariants.id })
      .from(productVariants)
      .innerJoin(products, eq(products.id, productVariants.productId))
      .where(eq(products.slug, 'soldering-station-60w'));
    expect(station?.onlyVariantId).toBe(variant!.id);
    const petg = (await search('q=petg')).items;
    expect(petg.length).toBeGreaterThan(0);
    expect(petg.every((p) => p.onlyVariantId === null)).toBe(true);
  });

  it('refuses an unknown sort or price range with 400', async () => {
    expect((await store.app.inject('/api/v1/products/search?sort=cheapest')).statusCode).toBe(400);
    expect((await store.app.inject('/api/v1/products/search?price=free')).statusCode).toBe(400);
  });

  it('answers full text from the index', async () => {
    const plan = await store.app.db.transaction(async (tx) => {
      await tx.execute(sql`set local enable_seqscan = off`);
      const query = sql`websearch_to_tsquery('english', 'nozzle')`;
      const rows = await tx.execute(
        sql`explain select ${products.id} from ${products} where ${productSearchDocument(products)} @@ ${query}`,
      );
      return JSON.stringify(rows.rows);
    });
    expect(plan).toContain('products_search_idx');
  });
});
