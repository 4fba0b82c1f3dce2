import { auditLogs } from '@makrx/db/schema';
import { testDrivers } from '@makrx/service-kit/testing';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { productVariants } from './tables';
import { startCatalogAdminSetup, type CatalogAdminSetup } from './testing';

const csv = [
  'sku,product_slug,name,category_slug,price,stock,options,brand',
  'FIL-PETG-MNT-1000,petg-filament-mint-1kg,"PETG Filament, Mint, 1 kg",filament,26.99,40,colour=Mint;size=1 kg,Polymaker',
  'FIL-PETG-MNT-250,petg-filament-mint-1kg,,,9.5,8,colour=Mint;size=250 g,',
  'FIL-PETG-MNT-2000,petg-filament-mint-1kg,,,forty,3,,',
  'ELE-NOPE-1,mystery-board,Mystery board,not-a-category,5.00,1,,',
  'bad sku,some-product,Some product,tools,1.00,1,,',
  'TOL-CAL-DIG-150,digital-calipers-150mm,,,44.99,31,,',
  'FIL-PETG-MNT-1000,petg-filament-mint-1kg,,,26.99,41,,',
  'NEW-ONLY-SKU,brand-new-thing,,,1.00,1,,',
  'ELE-ESP32-DKV1,digital-calipers-150mm,,,1.00,1,,',
].join('\n');

describe.each(testDrivers)('importing a catalog from CSV over %s', (driver) => {
  let setup: CatalogAdminSetup;
  const importCsv = async (body: string, query = '', token = setup.tokens.storeAdmin) => {
    const response = await setup.store.app.inject({
      method: 'POST',
      url: `/api/v1/admin/catalog/import${query}`,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'text/csv' },
      body,
    });
    return { status: response.statusCode, body: response.json() };
  };
  const variant = async (sku: string) =>
    (
      await setup.store.app.db.select().from(productVariants).where(eq(productVariants.sku, sku))
    )[0];
  const imports = async () =>
    setup.store.app.db.select().from(auditLogs).where(eq(auditLogs.action, 'catalog.import'));

  beforeAll(async () => {
    setup = await startCatalogAdminSetup(driver);
  });
  afterAll(() => setup.close());

  const expectedRejections = [
    { line: 4, sku: 'FIL-PETG-MNT-2000', reason: 'price "forty" is not an amount like 24.99' },
    { line: 5, sku: 'ELE-NOPE-1', reason: 'category_slug "not-a-category" is not a category' },
    {
      line: 6,
      sku: 'bad sku',
      reason: 'sku "bad sku" may hold only capital letters, digits and dashes',
    },
    {
      line: 8,
      sku: 'FIL-PETG-MNT-1000',
      reason: 'sku FIL-PETG-MNT-1000 already appears on line 2',
    },
    {
      line: 9,
      sku: 'NEW-ONLY-SKU',
      reason: 'product brand-new-thing is new: name and category_slug are needed',
    },
    { line: 10, sku: 'ELE-ESP32-DKV1', reason: 'sku ELE-ESP32-DKV1 belongs to another product' },
  ];

  it('reports on a dry run what it would do, with each rejected line and why, writing nothing', async () => {
    const report = await importCsv(csv, '?dryRun=true');
    expect(report.status).toBe(200);
    expect(report.body).toEqual({
      dryRun: true,
      rows: 9,
      productsCreated: 1,
      productsUpdated: 0,
      variantsCreated: 2,
      variantsUpdated: 1,
      rejected: expectedRejections,
    });
    expect(await variant('FIL-PETG-MNT-1000')).toBeUndefined();
    expect((await variant('TOL-CAL-DIG-150'))?.priceCents).toBe(4999);
    expect(await imports()).toHaveLength(0);
    expect(
      (await setup.store.app.inject('/api/v1/products/petg-filament-mint-1kg')).statusCode,
    ).toBe(404);
  });

  it('upserts the valid rows in one go and reports the rest', async () => {
    const report = await importCsv(csv);
    expect(report.body).toMatchObject({
      dryRun: false,
      variantsCreated: 2,
      variantsUpdated: 1,
      rejected: expectedRejections,
    });
    expect(await variant('TOL-CAL-DIG-150')).toMatchObject({ priceCents: 4499, stock: 31 });
    const product = (
      await setup.store.app.inject('/api/v1/products/petg-filament-mint-1kg')
    ).json();
    expect(product).toMatchObject({
      name: 'PETG Filament, Mint, 1 kg',
      brand: 'Polymaker',
      category: { slug: 'filament' },
    });
    expect(product.variants).toEqual([
      expect.objectContaining({
        sku: 'FIL-PETG-MNT-1000',
        priceCents: 2699,
        stock: 40,
        options: { colour: 'Mint', size: '1 kg' },
      }),
      expect.objectContaining({
        sku: 'FIL-PETG-MNT-250',
        priceCents: 950,
        stock: 8,
        options: { colour: 'Mint', size: '250 g' },
      }),
    ]);
    const [audit] = await imports();
    expect(audit).toMatchObject({
      actorId: setup.storeAdminId,
      after: { variantsCreated: 2, rejected: 6 },
    });
  });

  it('updates on a second import instead of duplicating', async () => {
    const report = await importCsv(
      'sku,product_slug,price,stock\nFIL-PETG-MNT-250,petg-filament-mint-1kg,9.99,12\n',
    );
    expect(report.body).toMatchObject({
      productsCreated: 0,
      variantsCreated: 0,
      variantsUpdated: 1,
      rejected: [],
    });
    expect(await variant('FIL-PETG-MNT-250')).toMatchObject({ priceCents: 999, stock: 12 });
  });

  it('takes the file from a form upload (multipart) as well', async () => {
    const boundary = 'catalog-form-boundary';
    const body = [
      `--${boundary}`,
      'Content-Disposition: form-data; name="file"; filename="catalog.csv"',
      'Content-Type: text/csv',
      '',
      'sku,product_slug,price,stock',
      'FIL-PETG-MNT-250,petg-filament-mint-1kg,10.49,14',
      `--${boundary}--`,
      '',
    ].join('\r\n');
    const response = await setup.store.app.inject({
      method: 'POST',
      url: '/api/v1/admin/catalog/import?dryRun=true',
      headers: {
        authorization: `Bearer ${setup.tokens.storeAdmin}`,
        'content-type': `multipart/form-data; boundary=${boundary}`,
      },
      body,
    });
    expect(response.json()).toMatchObject({
      dryRun: true,
      rows: 1,
      variantsUpdated: 1,
      rejected: [],
    });
  });

  it('refuses a file whose header misses a column or names an unknown one', async () => {
    const refused = await importCsv('sku,product_slug,price,colour\nX-1,x,1.00,red\n');
    expect(refused.status).toBe(400);
    expect(refused.body.error).toMatchObject({
      code: 'CSV_HEADER_INVALID',
      details: { missing: ['stock'], unknown: ['colour'] },
    });
  });

  it('refuses a quote that is never closed, naming its line', async () => {
    const refused = await importCsv('sku,product_slug,price,stock\nA-1,a,"1.00,2\n');
    expect(refused.status).toBe(400);
    expect(refused.body.error.code).toBe('CSV_MALFORMED');
    expect(refused.body.error.details).toEqual({ line: 2 });
  });

  it('lets only store admins import', async () => {
    expect((await importCsv(csv, '', setup.tokens.customer)).status).toBe(403);
  });
});
