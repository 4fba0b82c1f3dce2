import { testDrivers } from '@makrx/service-kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCatalogAdminSetup, type CatalogAdminSetup } from './testing';

describe.each(testDrivers)('store admins filter the product list over %s', (driver) => {
  let setup: CatalogAdminSetup;
  beforeAll(async () => {
    setup = await startCatalogAdminSetup(driver);
  });
  afterAll(() => setup.close());

  const call = (method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) =>
    setup.store.app.inject({
      method,
      url,
      headers: { authorization: `Bearer ${setup.tokens.storeAdmin}` },
      ...(payload ? { payload } : {}),
    });
  const slugsOf = async (query: string) => {
    const response = await call('GET', `/api/v1/admin/catalog/products?pageSize=100&${query}`);
    expect(response.statusCode).toBe(200);
    return (response.json().items as { slug: string }[]).map((item) => item.slug);
  };

  it('filters by category, subcategories included, and by status, with each product’s price', async () => {
    const suffix = crypto.randomUUID().slice(0, 6);
    const parent = `glue-${suffix}`;
    const child = `epoxy-${suffix}`;
    for (const [slug, parentSlug] of [
      [parent, null],
      [child, parent],
    ]) {
      const made = await call('POST', '/api/v1/admin/catalog/categories', {
        slug,
        name: `Category ${slug}`,
        parentSlug,
      });
      expect(made.statusCode).toBe(201);
    }
    const product = (slug: string, categorySlug: string, prices: number[]) =>
      call('POST', '/api/v1/admin/catalog/products', {
        slug,
        name: `Product ${slug}`,
        brand: 'Test',
        summary: 'A test product.',
        description: 'A test product.',
        categorySlug,
        specs: {},
        variants: prices.map((priceCents, index) => ({
          sku: `${slug.toUpperCase()}-${index}`,
          options: { size: `${index + 1}` },
          priceCents,
          stock: 10,
        })),
      });
    const onSale = `on-sale-${suffix}`;
    const offSale = `off-sale-${suffix}`;
    expect((await product(onSale, parent, [1500, 900])).statusCode).toBe(201);
    const archived = await product(offSale, child, [2500]);
    expect(archived.statusCode).toBe(201);
    const archiving = await call('PATCH', `/api/v1/admin/catalog/products/${archived.json().id}`, {
      archived: true,
    });
    expect(archiving.statusCode).toBe(200);

    expect(await slugsOf(`category=${parent}`)).toEqual([onSale, offSale]);
    expect(await slugsOf(`category=${child}`)).toEqual([offSale]);
    expect(await slugsOf(`category=${parent}&status=active`)).toEqual([onSale]);
    expect(await slugsOf(`category=${parent}&status=archived`)).toEqual([offSale]);
    expect(await slugsOf('status=archived')).not.toContain(onSale);
    expect(await slugsOf(`category=no-such-${suffix}`)).toEqual([]);

    const listed = await call('GET', `/api/v1/admin/catalog/products?category=${parent}`);
    expect(listed.json().items[0]).toMatchObject({
      slug: onSale,
      priceCents: 900,
      currency: 'USD',
      archived: false,
    });
  });

  it('refuses an unknown status or a malformed category, naming the field', async () => {
    const draft = await call('GET', '/api/v1/admin/catalog/products?status=draft');
    expect(draft.statusCode).toBe(400);
    expect(draft.json().error.details[0].field).toBe('status');
    const odd = await call('GET', '/api/v1/admin/catalog/products?category=%3Cscript%3E');
    expect(odd.statusCode).toBe(400);
    expect(odd.json().error.details[0].field).toBe('category');
  });
});
