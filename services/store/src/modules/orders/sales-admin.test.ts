import { startTestIssuer, type TestIssuer } from '@makrx/auth/testing';
import type { PlacedOrder, SalesReport } from '@makrx/contracts';
import { startTestService, testDrivers, type TestService } from '@makrx/service-kit/testing';
import { parse } from 'csv-parse/sync';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storeService } from '../../service';
import { orders } from './tables';
import { aGuestEmail, postOrder, variantOf } from './testing';

const day = (daysAgo: number) =>
  new Date(Date.now() - daysAgo * 86_400_000).toISOString().slice(0, 10);

describe.each(testDrivers)('store admins read sales and export orders over %s', (driver) => {
  let issuer: TestIssuer;
  let store: TestService;
  let admin: Record<string, string>;
  let customer: Record<string, string>;
  beforeAll(async () => {
    issuer = await startTestIssuer();
    store = await startTestService(storeService, driver, { issuer: issuer.issuer });
    const adminToken = await issuer.userToken({
      username: 'sales-admin',
      realmRoles: ['admin', 'admin:store'],
    });
    admin = { authorization: `Bearer ${adminToken}` };
    const customerToken = await issuer.userToken({
      username: 'sales-customer',
      realmRoles: ['store_customer'],
    });
    customer = { authorization: `Bearer ${customerToken}` };
  });
  afterAll(async () => {
    await store.close();
    await issuer.close();
  });

  const get = (url: string, headers: Record<string, string> = admin) =>
    store.app.inject({ method: 'GET', url, headers });

  /** An order by a guest of its own, paid or left unpaid, moved to `daysAgo` days back. */
  async function orderOn(
    daysAgo: number,
    { paid = true, name = 'Grace Hopper', quantity = 1 } = {},
  ): Promise<PlacedOrder> {
    const esp = await variantOf(store.app, 'esp32-devkit-v1');
    const response = await postOrder(store.app, {
      items: [{ variantId: esp.id, quantity }],
      email: aGuestEmail(),
      shippingAddress: {
        name,
        line1: `${crypto.randomUUID().slice(0, 8)} Compiler Road`,
        city: 'San Francisco',
        region: 'CA',
        postalCode: '94107',
        country: 'US',
      },
    });
    const placed: PlacedOrder = response.json();
    if (paid) {
      const payment = await store.app.inject({
        method: 'POST',
        url: `/api/v1/orders/${placed.id}/payments`,
        headers: { 'x-order-token': placed.accessToken },
        payload: { paymentMethod: 'tok_visa' },
      });
      expect(payment.statusCode).toBe(201);
    }
    await store.app.db
      .update(orders)
      .set({ createdAt: sql`now() - make_interval(days => ${daysAgo})` })
      .where(eq(orders.id, placed.id));
    return placed;
  }

  const report = async (days: number): Promise<SalesReport> => {
    const response = await get(`/api/v1/admin/sales?days=${days}`);
    expect(response.statusCode).toBe(200);
    return response.json();
  };

  it('sums paid orders per day, shows days without sales as zero, and leaves unpaid ones out', async () => {
    const before = await report(7);
    const paid = await orderOn(3, { quantity: 2 });
    await orderOn(3, { paid: false });
    const after = await report(7);

    expect(after.perDay).toHaveLength(7);
    expect(after.perDay.map((d) => d.day)).toEqual(
      [6, 5, 4, 3, 2, 1, 0].map((daysAgo) => day(daysAgo)),
    );
    const threeDaysAgo = (r: SalesReport) => r.perDay.find((d) => d.day === day(3))!;
    expect(threeDaysAgo(after).orders).toBe(threeDaysAgo(before).orders + 1);
    expect(threeDaysAgo(after).revenueCents).toBe(
      threeDaysAgo(before).revenueCents + paid.totalCents,
    );
    expect(after.totals.orders).toBe(before.totals.orders + 1);
    expect(after.totals.revenueCents).toBe(before.totals.revenueCents + paid.totalCents);
    expect(after.totals.averageOrderCents).toBe(
      Math.round(after.totals.revenueCents / after.totals.orders),
    );
    const quietDays = after.perDay.filter((d) => d.orders === 0);
    expect(quietDays.every((d) => d.revenueCents === 0)).toBe(true);
    expect(after.topByUnits.find((p) => p.productSlug === 'esp32-devkit-v1')?.units).toBe(
      (before.topByUnits.find((p) => p.productSlug === 'esp32-devkit-v1')?.units ?? 0) + 2,
    );
  });

  it('counts an order only within the range it falls in', async () => {
    const paid = await orderOn(20);
    const week = await report(7);
    const month = await report(30);
    expect(week.perDay.some((d) => d.day === day(20))).toBe(false);
    expect(month.perDay).toHaveLength(30);
    expect(month.perDay.find((d) => d.day === day(20))!.revenueCents).toBeGreaterThanOrEqual(
      paid.totalCents,
    );
  });

  it('lists variants running low, emptiest first', async () => {
    const { lowStock } = await report(7);
    expect(lowStock.every((v) => v.stock < 5)).toBe(true);
    expect(lowStock.map((v) => v.stock)).toEqual(
      [...lowStock.map((v) => v.stock)].sort((a, b) => a - b),
    );
  });

  it('refuses a range other than 7, 30 or 90 days, guests and customers', async () => {
    const wrong = await get('/api/v1/admin/sales?days=12');
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.details[0].field).toBe('days');
    expect((await get('/api/v1/admin/sales', {})).statusCode).toBe(401);
    expect((await get('/api/v1/admin/sales', customer)).statusCode).toBe(403);
  });

  it('exports the orders of a date range as CSV, quoting and defusing what buyers typed', async () => {
    const tricky = await orderOn(40, { name: '=HYPERLINK("http://evil.example"), "Bob"' });
    const plain = await orderOn(41, { name: 'Ada, Countess of Lovelace', paid: false });
    const outside = await orderOn(43);
    const response = await get(`/api/v1/admin/orders/export?from=${day(42)}&to=${day(40)}`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.headers['content-disposition']).toBe(
      `attachment; filename="orders-${day(42)}-to-${day(40)}.csv"`,
    );
    const rows: string[][] = parse(response.body);
    expect(rows[0]).toEqual([
      'Order number',
      'Date',
      'Status',
      'Buyer name',
      'Email',
      'Items',
      'Subtotal',
      'Shipping',
      'Tax',
      'Total',
      'Currency',
    ]);
    const byNumber = new Map(rows.slice(1).map((row) => [row[0], row]));
    expect(byNumber.has(outside.number)).toBe(false);
    expect(byNumber.get(tricky.number)).toEqual([
      tricky.number,
      expect.stringMatching(new RegExp(`^${day(40)}T`)),
      'paid',
      `'=HYPERLINK("http://evil.example"), "Bob"`,
      tricky.email,
      '1',
      (tricky.subtotalCents / 100).toFixed(2),
      (tricky.shippingCents / 100).toFixed(2),
      (tricky.taxCents / 100).toFixed(2),
      (tricky.totalCents / 100).toFixed(2),
      'USD',
    ]);
    expect(byNumber.get(plain.number)?.slice(2, 4)).toEqual([
      'pending_payment',
      'Ada, Countess of Lovelace',
    ]);
    // The quotes and the comma are escaped in the file itself, as RFC 4180 writes them.
    expect(response.body).toContain(`"'=HYPERLINK(""http://evil.example""), ""Bob"""`);

    const paidOnly = await get(
      `/api/v1/admin/orders/export?from=${day(42)}&to=${day(40)}&status=paid`,
    );
    const paidNumbers = (parse(paidOnly.body) as string[][]).slice(1).map((row) => row[0]);
    expect(paidNumbers).toContain(tricky.number);
    expect(paidNumbers).not.toContain(plain.number);
  });

  it('refuses an export with a bad or backwards date, naming the field, and outsiders', async () => {
    const bad = await get(`/api/v1/admin/orders/export?from=2026-13-01&to=${day(0)}`);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.map((d: { field: string }) => d.field)).toEqual(['from']);
    const missing = await get(`/api/v1/admin/orders/export?from=${day(0)}`);
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.details.map((d: { field: string }) => d.field)).toEqual(['to']);
    const backwards = await get(`/api/v1/admin/orders/export?from=${day(0)}&to=${day(5)}`);
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json().error.details.map((d: { field: string }) => d.field)).toEqual(['to']);
    const url = `/api/v1/admin/orders/export?from=${day(5)}&to=${day(0)}`;
    expect((await get(url, {})).statusCode).toBe(401);
    expect((await get(url, customer)).statusCode).toBe(403);
  });
});
