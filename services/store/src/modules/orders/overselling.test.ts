import { startTestService, testDrivers, type TestService } from '@makrx/service-kit/testing';
import { and, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storeService } from '../../service';
import { setVariantStock } from '../catalog/testing';
import { rushForVariant } from './buyers';
import { variantOf } from './testing';
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
    const variant = await setVariantStock(store.app.db, 'PRT-NZL-HS04-3', 1);
    const result = await rushForVariant(baseUrl, variant.id, 2);
    expect(result).toMatchObject({ paid: 1, soldOut: 1, serverErrors: 0, other: [] });
  });

  // Real concurrency needs a server with many connections: PGlite has one.
  if (driver === 'postgres') {
    it('sells 50 units to 200 concurrent buyers exactly once each: 50 paid, stock 0, no 5xx', async () => {
      const variant = await setVariantStock(store.app.db, 'TOL-CAL-DIG-150', 50);
      const result = await rushForVariant(baseUrl, variant.id, 200);
      expect(result).toMatchObject({ paid: 50, soldOut: 150, serverErrors: 0, other: [] });
      expect((await variantOf(store.app, 'digital-calipers-150mm')).stock).toBe(0);
      const [paidOrders] = await store.app.db
        .select({ n: count() })
        .from(orders)
        .innerJoin(orderLines, eq(orderLines.orderId, orders.id))
        .where(and(eq(orders.status, 'paid'), eq(orderLines.variantId, variant.id)));
      expect(paidOrders!.n).toBe(50);
    });
  }
});
