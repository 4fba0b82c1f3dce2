import type { ProductPage, ProductVariant } from '@makrx/contracts';
import { startTestService, testDrivers, type TestService } from '@makrx/service-kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storeService } from '../../service';

describe.each(testDrivers)('the store catalog over %s', (driver) => {
  let store: TestService;
  const get = (url: string) => store.app.inject(url);
  beforeAll(async () => {
    store = await startTestService(storeService, driver);
  });
  afterAll(() => store.close());

  it('lists the catalog a page at a time with the total', async () => {
    const first: ProductPage = (await get('/api/v1/products?pageSize=10')).json();
    const third: ProductPage = (await get('/api/v1/products?pageSize=10&page=3')).json();
    expect(first.items).toHaveLength(10);
    expect(first.total).toBe(26);
    expect(first.totalPages).toBe(3);
    expect(third.items).toHaveLength(6);
    const slugs = new Set([...first.items, ...third.items].map((p) => p.slug));
    expect(slugs.size).toBe(16);
  });

  it('answers a page past the end with no items and the true total', async () => {
    const past: ProductPage = (await get('/api/v1/products?pageSize=10&page=9')).json();
    expect(past.items).toEqual([]);
    expect(past.total).toBe(26);
  });

  it('filters by category', async () => {
    const page: ProductPage = (await get('/api/v1/products?category=resin')).json();
    expect(page.total).toBe(3);
    expect(page.items.every((p) => p.category.slug === 'resin')).toBe(true);
  });

  it('sorts by price', async () => {
    const page: ProductPage = (await get('/api/v1/products?sort=price-asc&pageSize=100')).json();
    const prices = page.items.map((p) => p.priceCents);
    expect(prices).toEqual([...prices].sort((a, b) => a - b));
  });

  it('puts featured products first by default', async () => {
    const page: ProductPage = (await get('/api/v1/products?pageSize=3')).json();
    expect(page.items.map((p) => p.slug)).toEqual([
      'pla-filament-galaxy-black-1kg',
      'esp32-devkit-v1',
      'digital-calipers-150mm',
    ]);
  });

  it('says whether a product is in stock', async () => {
    const page: ProductPage = (await get('/api/v1/products?category=filament&pageSize=100')).json();
    const asa = page.items.find((p) => p.slug === 'asa-filament-grey-1kg');
    expect(asa).toMatchObject({ stock: 0, inStock: false });
  });

  it('shows one product with its specifications', async () => {
    const response = await get('/api/v1/products/digital-calipers-150mm');
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      sku: 'TOL-CAL-DIG-150',
      priceCents: 4999,
      category: { slug: 'tools' },
      specs: { Resolution: '0.01 mm' },
    });
  });

  it('shows a filament in its colours and spool sizes, the first keeping the product SKU', async () => {
    const pla = (await get('/api/v1/products/pla-filament-galaxy-black-1kg')).json();
    expect(pla.variants).toHaveLength(6);
    expect(pla.variants[0]).toMatchObject({
      sku: 'FIL-PLA-GBK-1000',
      options: { colour: 'Galaxy Black', size: '1 kg' },
      priceCents: 2999,
      stock: 84,
      inStock: true,
    });
    expect(pla.variants.map((v: { sku: string }) => v.sku)).toContain('FIL-PLA-GPU-2000');
    const colours = new Set(pla.variants.map((v: ProductVariant) => v.options.colour));
    expect(colours).toEqual(new Set(['Galaxy Black', 'Galaxy Silver', 'Galaxy Purple']));
  });

  it('names a filament after its range and gives each other colour and size its own picture', async () => {
    const petg = (await get('/api/v1/products/petg-filament-signal-orange-1kg')).json();
    expect(petg.name).toBe('PETG Filament');
    const bySku = new Map(petg.variants.map((v: ProductVariant) => [v.sku, v]));
    // The first variant is what the product's own picture shows.
    expect(bySku.get('FIL-PETG-SOR-1000')).toMatchObject({ imageUrl: null });
    expect(bySku.get('FIL-PETG-JBK-2000')).toMatchObject({
      options: { colour: 'Jet Black', size: '2 kg' },
      imageUrl: '/media/products/variants/fil-petg-jbk-2000.svg',
    });
    const picture = await get('/media/products/variants/fil-petg-jbk-2000.svg');
    expect(picture.statusCode).toBe(200);
    expect(picture.headers['content-type']).toContain('image/svg+xml');
  });

  it('lists a product at its lowest variant price with the stock of all its variants', async () => {
    const detail = (await get('/api/v1/products/pla-filament-arctic-white-1kg')).json();
    const page: ProductPage = (await get('/api/v1/products?category=filament')).json();
    const listed = page.items.find((p) => p.slug === 'pla-filament-arctic-white-1kg')!;
    const prices = detail.variants.map((v: ProductVariant) => v.priceCents);
    const stock = detail.variants.reduce((sum: number, v: ProductVariant) => sum + v.stock, 0);
    expect(listed.priceCents).toBe(Math.min(...prices));
    expect(listed.priceCents).toBeLessThan(2499);
    expect(listed.stock).toBe(stock);
    expect(detail).toMatchObject({ priceCents: listed.priceCents, stock });
  });

  it('gives a product without options one variant with its own SKU', async () => {
    const calipers = (await get('/api/v1/products/digital-calipers-150mm')).json();
    expect(calipers.variants).toEqual([
      expect.objectContaining({ sku: 'TOL-CAL-DIG-150', options: {}, priceCents: 4999 }),
    ]);
  });

  it('answers an unknown product with 404', async () => {
    const response = await get('/api/v1/products/flux-capacitor');
    expect(response.statusCode).toBe(404);
    expect(response.json().error.code).toBe('NOT_FOUND');
  });

  it.each([
    ['pageSize=0', 'pageSize'],
    ['pageSize=101', 'pageSize'],
    ['page=-1', 'page'],
    ['sort=cheapest', 'sort'],
    ['category=Not%20A%20Slug', 'category'],
  ])('rejects %s with 400 naming %s', async (query, field) => {
    const response = await get(`/api/v1/products?${query}`);
    expect(response.statusCode).toBe(400);
    expect(response.json().error.details).toEqual([expect.objectContaining({ field })]);
  });

  it('lists categories with their product counts', async () => {
    const { items } = (await get('/api/v1/categories')).json();
    expect(items.map((c: { slug: string }) => c.slug)).toEqual([
      '3d-printing',
      'filament',
      'resin',
      'printer-parts',
      'electronics',
      'workshop',
      'tools',
      'hardware',
    ]);
    const tops = items.filter((c: { parentSlug: string | null }) => c.parentSlug === null);
    expect(tops.reduce((sum: number, c: { productCount: number }) => sum + c.productCount, 0)).toBe(
      26,
    );
    const byslug = Object.fromEntries(items.map((c: { slug: string }) => [c.slug, c]));
    expect(byslug['filament']).toMatchObject({ parentSlug: '3d-printing', productCount: 6 });
    expect(byslug['3d-printing'].productCount).toBe(
      byslug['filament'].productCount +
        byslug['resin'].productCount +
        byslug['printer-parts'].productCount,
    );
  });

  it('lists the products of a category and all its subcategories', async () => {
    const page: ProductPage = (await get('/api/v1/products?category=workshop&pageSize=100')).json();
    expect(new Set(page.items.map((p) => p.category.slug))).toEqual(new Set(['tools', 'hardware']));
  });

  it('shows a category with its breadcrumbs and subcategories', async () => {
    const top = (await get('/api/v1/categories/3d-printing')).json();
    expect(top).toMatchObject({ name: '3D printing', parentSlug: null, ancestors: [] });
    expect(top.children.map((c: { slug: string }) => c.slug)).toEqual([
      'filament',
      'resin',
      'printer-parts',
    ]);
    const leaf = (await get('/api/v1/categories/resin')).json();
    expect(leaf.ancestors).toEqual([{ slug: '3d-printing', name: '3D printing' }]);
    expect((await get('/api/v1/categories/nothing-here')).statusCode).toBe(404);
  });

  it('gives a product the path to its category, root first', async () => {
    const product = (await get('/api/v1/products/esp32-devkit-v1')).json();
    expect(product.categoryPath).toEqual([{ slug: 'electronics', name: 'Electronics' }]);
    const resin = (await get('/api/v1/products/standard-resin-grey-1l')).json();
    expect(resin.categoryPath.map((c: { slug: string }) => c.slug)).toEqual([
      '3d-printing',
      'resin',
    ]);
  });
});
