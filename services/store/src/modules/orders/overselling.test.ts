import { startTestService, testDrivers, type TestService } from '@makrx/service-kit/testing';
import { and, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storeService } from '../../service';
import { productVariants } from '../catalog/tables';
import { rushForVariant } from './buyers';
import { orderLines, orders } from './tables';

describe.each(testDrivers)('stock under a rush of buyers over %s', (driver) => {
  let store: TestService;
  let baseUrl: string;
  beforeAll(async () => {
    store = await startTestService(storeService, driver);
    baseUrl = await store.app.listen({ port: 0, host: '127.0.0.1' });
  });
  afterAll(() => store.close());

  it('sells a variant with one unit once, to one of two buyers', async () => {
    const [variant] = await store.app.db
      .update(productVariants)
      .set({ stock: 1 })
      .where(eq(productVariants.sku, 'PRT-NZL-HS04-3'))
      .returning();
    const result = await rushForVariant(baseUrl, variant!.id, 2);
    expect(result).toMatchObject({ paid: 1, soldOut: 1, serverErrors: 0, other: [] });
  });

  // Real concurrency needs a server with many connections: PGlite has one.
  if (driver === 'postgres') {
    it('sells 50 units to 200 concurrent buyers exactly once each: 50 paid, stock 0, no 5xx', async () => {
      const [variant] = await store.app.db
        .update(productVariants)
        .set({ stock: 50 })
        .where(eq(productVariants.sku, 'TOL-CAL-DIG-150'))
        .returning();
      const result = await rushForVariant(baseUrl, variant!.id, 200);
      expect(result).toMatchObject({ paid: 50, soldOut: 150, serverErrors: 0, other: [] });
      const [left] = await store.app.db
        .select({ stock: productVariants.stock })
        .from(productVariants)
        .where(eq(productVariants.id, variant!.id));
      expect(left!.stock).toBe(0);
      const [paidOrders] = await store.app.db
        .select({ n: count() })
        .from(orders)
        .innerJoin(orderLines, eq(orderLines.orderId, orders.id))
        .where(and(eq(orders.status, 'paid'), eq(orderLines.variantId, variant!.id)));
      expect(paidOrders!.n).toBe(50);
    });
  }
});
