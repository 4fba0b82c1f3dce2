import { auditLogs } from '@makrx/db/schema';
import { testDrivers } from '@makrx/service-kit/testing';
import { desc } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startCatalogAdminSetup, type CatalogAdminSetup } from './testing';

/** The smallest valid PNG: one transparent pixel. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);
const GIF = Buffer.from('R0lGODlhAQABAAAAACwAAAAAAQABAAA=', 'base64');

describe.each(testDrivers)('store admins manage the catalog over %s', (driver) => {
  let setup: CatalogAdminSetup;
  const call = async (
    method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
    url: string,
    token?: string,
    body?: unknown,
    contentType?: string,
  ) => {
    const response = await setup.store.app.inject({
      method,
      url,
      headers: {
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(contentType ? { 'content-type': contentType } : {}),
      },
      ...(body === undefined
        ? {}
        : Buffer.isBuffer(body) || typeof body === 'string'
          ? { body }
          : { payload: body as object }),
    });
    return { status: response.statusCode, body: response.json(), raw: response };
  };
  const admin = () => setup.tokens.storeAdmin;
  const lastAudit = async () =>
    (await setup.store.app.db.select().from(auditLogs).orderBy(desc(auditLogs.id)).limit(1))[0];
  const publicProduct = (slug: string) => call('GET', `/api/v1/products/${slug}`);

  beforeAll(async () => {
    setup = await startCatalogAdminSetup(driver);
  });
  afterAll(() => setup.close());

  const newProduct = {
    slug: 'silk-pla-copper-1kg',
    name: 'Silk PLA, Copper, 1 kg',
    brand: 'Sunlu',
    summary: 'Shiny copper-coloured PLA.',
    description: 'A silk-finish PLA.',
    categorySlug: 'filament',
    specs: { Material: 'PLA' },
    variants: [
      {
        sku: 'FIL-SLK-CPR-1000',
        options: { colour: 'Copper', size: '1 kg' },
        priceCents: 2799,
        stock: 12,
      },
      {
        sku: 'FIL-SLK-CPR-250',
        options: { colour: 'Copper', size: '250 g' },
        priceCents: 999,
        stock: 3,
      },
    ],
  };

  describe('who may change the catalog', () => {
    it('asks a guest to sign in and refuses customers and admins of other domains', async () => {
      const guest = await call('POST', '/api/v1/admin/catalog/products', undefined, newProduct);
      expect(guest.status).toBe(401);
      expect(guest.body.error.code).toBe('AUTHENTICATION_REQUIRED');
      for (const token of [setup.tokens.customer, setup.tokens.caveAdmin]) {
        const refused = await call('POST', '/api/v1/admin/catalog/products', token, newProduct);
        expect(refused.status).toBe(403);
        expect(refused.body.error.code).toBe('FORBIDDEN');
      }
      expect(
        (await call('GET', '/api/v1/admin/catalog/products', setup.tokens.customer)).status,
      ).toBe(403);
      expect((await publicProduct(newProduct.slug)).status).toBe(404);
    });

    it('lets a super admin in as well as a store admin', async () => {
      const list = await call(
        'GET',
        '/api/v1/admin/catalog/products?q=galaxy',
        setup.tokens.superAdmin,
      );
      expect(list.status).toBe(200);
      expect(list.body.items[0]).toMatchObject({
        slug: 'pla-filament-galaxy-black-1kg',
        variantCount: 6,
      });
    });
  });

  describe('products and variants', () => {
    let productId: string;

    it('creates a product with its variants, audited, and shows it in the shop', async () => {
      const created = await call('POST', '/api/v1/admin/catalog/products', admin(), newProduct);
      expect(created.status).toBe(201);
      productId = created.body.id;
      expect(created.body.variants.map((v: { sku: string }) => v.sku)).toEqual([
        'FIL-SLK-CPR-1000',
        'FIL-SLK-CPR-250',
      ]);
      expect(await lastAudit()).toMatchObject({
        action: 'catalog.product.create',
        entityId: productId,
        actorId: setup.storeAdminId,
      });
      const shown = await publicProduct(newProduct.slug);
      expect(shown.body).toMatchObject({
        priceCents: 999,
        stock: 15,
        categoryPath: [{ slug: '3d-printing' }, { slug: 'filament' }],
      });
    });

    it('refuses a second product with a taken slug or SKU, changing nothing', async () => {
      const again = await call('POST', '/api/v1/admin/catalog/products', admin(), {
        ...newProduct,
        slug: 'another-silk',
      });
      expect(again.status).toBe(409);
      expect(again.body.error.code).toBe('SKU_TAKEN');
      expect((await publicProduct('another-silk')).status).toBe(404);
    });

    it('adds a variant and changes a price', async () => {
      const added = await call(
        'POST',
        `/api/v1/admin/catalog/products/${productId}/variants`,
        admin(),
        {
          sku: 'FIL-SLK-CPR-2000',
          options: { colour: 'Copper', size: '2 kg' },
          priceCents: 4999,
          stock: 1,
        },
      );
      expect(added.status).toBe(201);
      expect(added.body.variants).toHaveLength(3);
      const changed = await call(
        'PATCH',
        '/api/v1/admin/catalog/variants/FIL-SLK-CPR-2000',
        admin(),
        {
          priceCents: 4599,
        },
      );
      expect(changed.body.variants[2]).toMatchObject({
        sku: 'FIL-SLK-CPR-2000',
        priceCents: 4599,
        position: 2,
      });
    });

    it('adjusts stock with a reason written to the audit log', async () => {
      const adjusted = await call(
        'POST',
        '/api/v1/admin/catalog/variants/FIL-SLK-CPR-1000/stock-adjustments',
        admin(),
        { delta: -2, reason: 'Two spools damaged in transit' },
      );
      expect(adjusted.status).toBe(200);
      expect(adjusted.body.variants[0].stock).toBe(10);
      expect(await lastAudit()).toMatchObject({
        action: 'catalog.stock.adjust',
        before: { sku: 'FIL-SLK-CPR-1000', stock: 12 },
        after: { stock: 10, delta: -2, reason: 'Two spools damaged in transit' },
      });
      const counted = await call(
        'POST',
        '/api/v1/admin/catalog/variants/FIL-SLK-CPR-1000/stock-adjustments',
        admin(),
        { setTo: 25, reason: 'Stocktake' },
      );
      expect(counted.body.variants[0].stock).toBe(25);
    });

    it('refuses stock below zero and an adjustment without a reason', async () => {
      const below = await call(
        'POST',
        '/api/v1/admin/catalog/variants/FIL-SLK-CPR-250/stock-adjustments',
        admin(),
        { delta: -4, reason: 'Counted wrong' },
      );
      expect(below.status).toBe(409);
      expect(below.body.error.code).toBe('STOCK_BELOW_ZERO');
      const noReason = await call(
        'POST',
        '/api/v1/admin/catalog/variants/FIL-SLK-CPR-250/stock-adjustments',
        admin(),
        { delta: 1 },
      );
      expect(noReason.status).toBe(400);
      const product = await call('GET', `/api/v1/admin/catalog/products/${productId}`, admin());
      expect(product.body.variants[1].stock).toBe(3);
    });

    it('archives a product: off the shop, still in the admin list; and restores it', async () => {
      const listedSlugs = async () =>
        (await call('GET', '/api/v1/products?category=filament&pageSize=100')).body.items.map(
          (p: { slug: string }) => p.slug,
        );
      // The listing is cached; the archive must drop it (the catalog's change notification).
      expect(await listedSlugs()).toContain(newProduct.slug);
      const archived = await call('PATCH', `/api/v1/admin/catalog/products/${productId}`, admin(), {
        archived: true,
      });
      expect(archived.body.archived).toBe(true);
      expect((await lastAudit())?.action).toBe('catalog.product.archive');
      expect((await publicProduct(newProduct.slug)).status).toBe(404);
      await vi.waitFor(async () => expect(await listedSlugs()).not.toContain(newProduct.slug));
      const admins = await call('GET', '/api/v1/admin/catalog/products?q=silk', admin());
      expect(admins.body.items[0]).toMatchObject({
        slug: newProduct.slug,
        archived: true,
        stock: 29,
      });
      await call('PATCH', `/api/v1/admin/catalog/products/${productId}`, admin(), {
        archived: false,
      });
      expect((await publicProduct(newProduct.slug)).status).toBe(200);
    });
  });

  describe('images', () => {
    let productId: string;
    beforeAll(async () => {
      const list = await call(
        'GET',
        '/api/v1/admin/catalog/products?q=digital%20calipers',
        admin(),
      );
      productId = list.body.items[0].id;
    });
    const upload = (body: Buffer, contentType = 'image/png', alt = 'Calipers') =>
      call(
        'POST',
        `/api/v1/admin/catalog/products/${productId}/images?alt=${encodeURIComponent(alt)}`,
        admin(),
        body,
        contentType,
      );

    it('stores images in order with their alt text and serves them publicly', async () => {
      const listedImage = async () =>
        (await call('GET', '/api/v1/products?category=tools&pageSize=100')).body.items.find(
          (p: { slug: string }) => p.slug === 'digital-calipers-150mm',
        ).imageUrl;
      expect(await listedImage()).toBe('/media/products/digital-calipers-150mm.svg');
      const first = await upload(PNG, 'image/png', 'Calipers, closed');
      expect(first.status).toBe(201);
      const second = await upload(PNG, 'image/png', 'Calipers, open');
      expect(second.body.images.map((i: { alt: string }) => i.alt)).toEqual([
        'Calipers, closed',
        'Calipers, open',
      ]);
      const [image] = second.body.images;
      const served = await setup.store.app.inject(image.url);
      expect(served.statusCode).toBe(200);
      expect(served.headers['content-type']).toBe('image/png');
      expect(served.rawPayload.equals(PNG)).toBe(true);
      const shown = await publicProduct('digital-calipers-150mm');
      expect(shown.body.imageUrl).toBe(image.url);
      expect(shown.body.images).toHaveLength(2);
      await vi.waitFor(async () => expect(await listedImage()).toBe(image.url));
    });

    it('reorders, describes and removes an image', async () => {
      const before = (await call('GET', `/api/v1/admin/catalog/products/${productId}`, admin()))
        .body;
      const [first, second] = before.images;
      await call('PATCH', `/api/v1/admin/catalog/images/${second.id}`, admin(), {
        position: 0,
        alt: 'Open jaws',
      });
      await call('PATCH', `/api/v1/admin/catalog/images/${first.id}`, admin(), { position: 1 });
      const reordered = await publicProduct('digital-calipers-150mm');
      expect(reordered.body.images.map((i: { alt: string }) => i.alt)).toEqual([
        'Open jaws',
        'Calipers, closed',
      ]);
      const removed = await call('DELETE', `/api/v1/admin/catalog/images/${second.id}`, admin());
      expect(removed.body.images).toHaveLength(1);
      expect((await setup.store.app.inject(second.url)).statusCode).toBe(404);
      expect((await lastAudit())?.action).toBe('catalog.image.delete');
    });

    it('refuses what is not a PNG, JPEG or WebP by its bytes, whatever it claims', async () => {
      const gif = await upload(GIF, 'image/png');
      expect(gif.status).toBe(415);
      expect(gif.body.error.code).toBe('UNSUPPORTED_IMAGE_TYPE');
      const text = await upload(
        Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'),
        'image/webp',
      );
      expect(text.status).toBe(415);
      const declaredGif = await upload(PNG, 'image/gif');
      expect(declaredGif.status).toBe(415);
    });

    it('refuses an image over 5 MB', async () => {
      const big = Buffer.concat([PNG, Buffer.alloc(5 * 1024 * 1024)]);
      const refused = await upload(big);
      expect(refused.status).toBe(413);
      expect(refused.body.error.code).toBe('BODY_TOO_LARGE');
      const product = await call('GET', `/api/v1/admin/catalog/products/${productId}`, admin());
      expect(product.body.images).toHaveLength(1);
    });
  });

  describe('the category tree', () => {
    it('nests categories at any depth and lists the products of the whole subtree', async () => {
      const created = await call('POST', '/api/v1/admin/catalog/categories', admin(), {
        slug: 'engineering-filament',
        name: 'Engineering filament',
        parentSlug: 'filament',
      });
      expect(created.status).toBe(201);
      const page = await call('GET', '/api/v1/admin/catalog/products?q=asa', admin());
      await call('PATCH', `/api/v1/admin/catalog/products/${page.body.items[0].id}`, admin(), {
        categorySlug: 'engineering-filament',
      });
      const detail = await call('GET', '/api/v1/categories/engineering-filament');
      expect(detail.body.ancestors.map((c: { slug: string }) => c.slug)).toEqual([
        '3d-printing',
        'filament',
      ]);
      const top = await call('GET', '/api/v1/products?category=3d-printing&pageSize=100');
      expect(top.body.items.map((p: { slug: string }) => p.slug)).toContain(
        'asa-filament-grey-1kg',
      );
    });

    it('refuses to put a category under itself or its own descendant, changing nothing', async () => {
      const own = await call('PATCH', '/api/v1/admin/catalog/categories/filament', admin(), {
        parentSlug: 'filament',
      });
      expect(own.status).toBe(409);
      expect(own.body.error.code).toBe('CATEGORY_CYCLE');
      const loop = await call('PATCH', '/api/v1/admin/catalog/categories/3d-printing', admin(), {
        parentSlug: 'engineering-filament',
      });
      expect(loop.status).toBe(409);
      expect(loop.body.error.code).toBe('CATEGORY_CYCLE');
      const root = await call('GET', '/api/v1/categories/3d-printing');
      expect(root.body).toMatchObject({ parentSlug: null, ancestors: [] });
    });

    it('lets only one of two crossing moves through, so no loop forms', async () => {
      for (const slug of ['loop-a', 'loop-b'])
        await call('POST', '/api/v1/admin/catalog/categories', admin(), { slug, name: slug });
      const moves = await Promise.all([
        call('PATCH', '/api/v1/admin/catalog/categories/loop-a', admin(), { parentSlug: 'loop-b' }),
        call('PATCH', '/api/v1/admin/catalog/categories/loop-b', admin(), { parentSlug: 'loop-a' }),
      ]);
      expect(moves.map((m) => m.status).sort()).toEqual([200, 409]);
      const [a, b] = await Promise.all([
        call('GET', '/api/v1/categories/loop-a'),
        call('GET', '/api/v1/categories/loop-b'),
      ]);
      expect([a.body.parentSlug, b.body.parentSlug].filter(Boolean)).toHaveLength(1);
    });

    it('moves a category to another parent', async () => {
      const moved = await call(
        'PATCH',
        '/api/v1/admin/catalog/categories/engineering-filament',
        admin(),
        {
          parentSlug: '3d-printing',
        },
      );
      expect(moved.status).toBe(200);
      const detail = await call('GET', '/api/v1/categories/engineering-filament');
      expect(detail.body.ancestors.map((c: { slug: string }) => c.slug)).toEqual(['3d-printing']);
      expect(await lastAudit()).toMatchObject({
        action: 'catalog.category.update',
        entityId: moved.body.id,
        actorId: setup.storeAdminId,
      });
    });
  });
});
