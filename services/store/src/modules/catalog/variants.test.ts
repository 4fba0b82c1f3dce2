import { startTestService, testDrivers, type TestService } from '@makrx/service-kit/testing';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storeService } from '../../service';
import { categories, products, productVariants } from './tables';

describe.each(testDrivers)('every product has a variant, over %s', (driver) => {
  let store: TestService;
  beforeAll(async () => {
    store = await startTestService(storeService, driver);
  });
  afterAll(() => store.close());

  const newProduct = async (tx: TestService['app']['db'], sku: string) => {
    const [category] = await tx.select({ id: categories.id }).from(categories).limit(1);
    const [product] = await tx
      .insert(products)
      .values({
        sku,
        slug: sku.toLowerCase(),
        name: sku,
        brand: 'Test',
        summary: '',
        description: '',
        categoryId: category!.id,
        imageUrl: '/media/x.svg',
      })
      .returning({ id: products.id });
    return product!.id;
  };

  it('refuses a product without variants when its transaction commits', async () => {
    await expect(
      store.app.db.transaction(async (tx) => {
        await newProduct(tx, 'TST-NO-VARIANT');
      }),
    ).rejects.toThrow();
    const left = await store.app.db
      .select()
      .from(products)
      .where(eq(products.sku, 'TST-NO-VARIANT'));
    expect(left).toEqual([]);
  });

  it('takes a product created with its variant, and keeps its last variant', async () => {
    const id = await store.app.db.transaction(async (tx) => {
      const productId = await newProduct(tx, 'TST-ONE');
      await tx.insert(productVariants).values([
        { productId, sku: 'TST-ONE', priceCents: 100, stock: 1 },
        { productId, sku: 'TST-ONE-B', priceCents: 100, stock: 1, position: 1 },
      ]);
      return productId;
    });
    await store.app.db.delete(productVariants).where(eq(productVariants.sku, 'TST-ONE-B'));
    await expect(
      store.app.db.delete(productVariants).where(eq(productVariants.productId, id)),
    ).rejects.toThrow();
    expect(
      await store.app.db.select().from(productVariants).where(eq(productVariants.productId, id)),
    ).toHaveLength(1);
    await store.app.db.delete(products).where(eq(products.id, id));
  });
});
