import type { Invoice } from '@makrx/contracts';
import { auditLogs } from '@makrx/db/schema';
import { pdfText } from '@makrx/documents/testing';
import { createMailer } from '@makrx/mailer';
import { testDrivers } from '@makrx/service-kit/testing';
import { and, desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expirePendingOrders } from '../../flows/expire-orders';
import { startCatalogAdminSetup, type CatalogAdminSetup } from '../catalog/testing';
import { aCaliforniaAddress, aGuestEmail } from '../orders/testing';

const DAY = 24 * 60 * 60 * 1000;

describe.each(testDrivers)('discount codes over %s', (driver) => {
  let setup: CatalogAdminSetup;
  const run = crypto.randomUUID().slice(0, 6);
  const call = async (
    method: 'GET' | 'POST' | 'PATCH',
    url: string,
    token?: string,
    payload?: object,
    headers: Record<string, string> = {},
  ) => {
    const response = await setup.store.app.inject({
      method,
      url,
      headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
      ...(payload === undefined ? {} : { payload }),
    });
    return { status: response.statusCode, body: response.json() };
  };
  const admin = () => setup.tokens.storeAdmin;
  const codeName = (name: string) => `${name}-${run}`.toUpperCase();
  const createCode = async (fields: Record<string, unknown>) => {
    const created = await call('POST', '/api/v1/admin/promotions', admin(), fields);
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    return created.body as { id: string; code: string; used: number };
  };
  const usesOf = async (id: string) =>
    (await call('GET', `/api/v1/admin/promotions/${id}`, admin())).body.used as number;

  /** A product of our own in a category of our own, with plenty in stock. */
  const variants: Record<'gadget' | 'widget', { id: string; priceCents: number }> = {} as never;
  const stockOf = async (slug: string) =>
    (await call('GET', `/api/v1/products/${slug}`)).body.variants[0].stock as number;

  const order = (
    items: { variantId: string; quantity: number }[],
    discountCode: string | undefined,
    {
      email = aGuestEmail(),
      token,
      key = crypto.randomUUID(),
      address = aCaliforniaAddress(),
    } = {} as {
      email?: string;
      token?: string;
      key?: string;
      address?: ReturnType<typeof aCaliforniaAddress>;
    },
  ) =>
    call(
      'POST',
      '/api/v1/orders',
      token,
      {
        items,
        ...(token ? {} : { email }),
        shippingAddress: address,
        shippingMethod: 'standard',
        ...(discountCode ? { discountCode } : {}),
      },
      { 'idempotency-key': key },
    );
  const quote = (items: { variantId: string; quantity: number }[], discountCode?: string) =>
    call('POST', '/api/v1/checkout/quote', undefined, {
      items,
      shippingAddress: aCaliforniaAddress(),
      shippingMethod: 'standard',
      ...(discountCode ? { discountCode } : {}),
    });

  beforeAll(async () => {
    setup = await startCatalogAdminSetup(driver);
    const parent = `gear-${run}`;
    const child = `gear-${run}-small`;
    for (const [slug, parentSlug] of [
      [parent, null],
      [child, parent],
    ] as const) {
      const made = await call('POST', '/api/v1/admin/catalog/categories', admin(), {
        slug,
        name: slug,
        parentSlug,
      });
      expect(made.status).toBe(201);
    }
    for (const [name, categorySlug, priceCents] of [
      ['gadget', child, 4000],
      ['widget', 'tools', 2500],
    ] as const) {
      const made = await call('POST', '/api/v1/admin/catalog/products', admin(), {
        slug: `${name}-${run}`,
        name: `${name} ${run}`,
        categorySlug,
        variants: [{ sku: `${name}-${run}`.toUpperCase(), priceCents, stock: 1000 }],
      });
      expect(made.status, JSON.stringify(made.body)).toBe(201);
      variants[name] = { id: made.body.variants[0].id, priceCents };
    }
  });
  afterAll(() => setup.close());

  describe('store admins manage codes', () => {
    it('creates, lists, edits and archives a code, auditing each change', async () => {
      const code = codeName('spring');
      const created = await createCode({ code, kind: 'percent', value: 15, usageLimit: 50 });
      expect(created).toMatchObject({
        code,
        kind: 'percent',
        value: 15,
        used: 0,
        status: 'active',
      });
      const list = await call('GET', '/api/v1/admin/promotions', admin());
      expect(list.body.items.map((p: { code: string }) => p.code)).toContain(code);

      const edited = await call('PATCH', `/api/v1/admin/promotions/${created.id}`, admin(), {
        value: 20,
        categorySlugs: [`gear-${run}`],
      });
      expect(edited.status).toBe(200);
      expect(edited.body).toMatchObject({ value: 20, categories: [{ slug: `gear-${run}` }] });
      const archived = await call('PATCH', `/api/v1/admin/promotions/${created.id}`, admin(), {
        status: 'archived',
      });
      expect(archived.body.status).toBe('archived');

      const audits = await setup.store.app.db
        .select({ action: auditLogs.action })
        .from(auditLogs)
        .where(and(eq(auditLogs.entityType, 'promotion'), eq(auditLogs.entityId, created.id)))
        .orderBy(desc(auditLogs.id));
      expect(audits.map((a) => a.action)).toEqual([
        'promotion.archive',
        'promotion.update',
        'promotion.create',
      ]);
    });

    it('refuses guests, customers and other domains’ admins, and changes nothing', async () => {
      const body = { code: codeName('sneaky'), kind: 'percent', value: 90 };
      expect((await call('POST', '/api/v1/admin/promotions', undefined, body)).status).toBe(401);
      for (const token of [setup.tokens.customer, setup.tokens.caveAdmin]) {
        expect((await call('POST', '/api/v1/admin/promotions', token, body)).status).toBe(403);
        expect((await call('GET', '/api/v1/admin/promotions', token)).status).toBe(403);
      }
      const list = await call('GET', '/api/v1/admin/promotions', admin());
      expect(list.body.items.map((p: { code: string }) => p.code)).not.toContain(body.code);
    });

    it('refuses a code that differs only in case, and bad fields by name', async () => {
      const code = codeName('unique');
      await createCode({ code, kind: 'fixed', value: 500 });
      const again = await call('POST', '/api/v1/admin/promotions', admin(), {
        code: code.toLowerCase(),
        kind: 'percent',
        value: 5,
      });
      expect(again).toMatchObject({ status: 409, body: { error: { code: 'CODE_TAKEN' } } });
      const bad: [object, string][] = [
        [{ code: codeName('pct'), kind: 'percent', value: 150 }, 'value'],
        [{ code: 'a b', kind: 'percent', value: 5 }, 'code'],
        [{ code: codeName('neg'), kind: 'fixed', value: -5 }, 'value'],
        [
          {
            code: codeName('when'),
            kind: 'percent',
            value: 5,
            validFrom: '2030-01-02T00:00:00Z',
            validUntil: '2030-01-01T00:00:00Z',
          },
          'validUntil',
        ],
        [{ code: codeName('extra'), kind: 'percent', value: 5, used: 3 }, ''],
      ];
      for (const [body, field] of bad) {
        const refused = await call('POST', '/api/v1/admin/promotions', admin(), body);
        expect(refused.status, JSON.stringify(body)).toBe(400);
        expect(JSON.stringify(refused.body)).toContain(field);
      }
      const noCategory = await call('POST', '/api/v1/admin/promotions', admin(), {
        code: codeName('nocat'),
        kind: 'percent',
        value: 5,
        categorySlugs: ['no-such-category'],
      });
      expect(noCategory).toMatchObject({
        status: 422,
        body: { error: { code: 'UNKNOWN_CATEGORY' } },
      });
      const list = await call('GET', '/api/v1/admin/promotions', admin());
      expect(list.body.items.map((p: { code: string }) => p.code)).not.toContain(codeName('nocat'));
      const missing = await call(
        'PATCH',
        `/api/v1/admin/promotions/${crypto.randomUUID()}`,
        admin(),
        {
          value: 3,
        },
      );
      expect(missing.status).toBe(404);
    });
  });

  describe('buyers use codes', () => {
    it('prices a percentage off in the quote and the order alike, in any case', async () => {
      const code = codeName('ten');
      const created = await createCode({ code, kind: 'percent', value: 10 });
      const items = [
        { variantId: variants.gadget.id, quantity: 1 },
        { variantId: variants.widget.id, quantity: 1 },
      ];
      const priced = await quote(items, code.toLowerCase());
      expect(priced.status).toBe(200);
      const { subtotalCents, discountCents, shippingCents, taxCents, totalCents } = priced.body;
      expect(subtotalCents).toBe(6500);
      expect(discountCents).toBe(650);
      expect(priced.body.discountCode).toBe(code);
      expect(totalCents).toBe(subtotalCents - discountCents + shippingCents + taxCents);
      const inCart = await call('POST', '/api/v1/checkout/discount', undefined, {
        items,
        discountCode: ` ${code.toLowerCase()} `,
      });
      expect(inCart.body).toEqual({
        currency: 'USD',
        discountCode: code,
        subtotalCents: 6500,
        discountCents: 650,
      });
      const undiscounted = await quote(items);
      expect(undiscounted.body.discountCents).toBe(0);
      expect(taxCents).toBeLessThanOrEqual(undiscounted.body.taxCents);

      const placed = await order(items, code.toLowerCase());
      expect(placed.status).toBe(201);
      expect(placed.body).toMatchObject({ discountCents: 650, discountCode: code, totalCents });
      const read = await call('GET', `/api/v1/orders/${placed.body.id}`, undefined, undefined, {
        'x-order-token': placed.body.accessToken,
      });
      expect(read.body).toMatchObject({ discountCents: 650, discountCode: code, totalCents });
      expect(await usesOf(created.id)).toBe(1);
    });

    it('gives the paid order an invoice and a confirmation email with the same discount', async () => {
      const code = await createCode({ code: codeName('paid'), kind: 'percent', value: 10 });
      const email = aGuestEmail();
      const placed = await order([{ variantId: variants.gadget.id, quantity: 2 }], code.code, {
        email,
      });
      expect(placed.body).toMatchObject({ subtotalCents: 8000, discountCents: 800 });
      const token = { 'x-order-token': placed.body.accessToken };
      const paid = await call(
        'POST',
        `/api/v1/orders/${placed.body.id}/payments`,
        undefined,
        { paymentMethod: 'tok_visa' },
        token,
      );
      expect(paid.status).toBe(201);
      const invoice = (
        await call('GET', `/api/v1/orders/${placed.body.id}/invoice`, undefined, undefined, token)
      ).body as Invoice;
      expect(invoice).toMatchObject({
        subtotalCents: 8000,
        discountCents: 800,
        discountCode: code.code,
        totalCents: placed.body.totalCents,
      });
      expect(
        invoice.subtotalCents - invoice.discountCents + invoice.shippingCents + invoice.taxCents,
      ).toBe(invoice.totalCents);
      const pdf = await setup.store.app.inject({
        url: `/api/v1/orders/${placed.body.id}/invoice.pdf`,
        headers: token,
      });
      const pdfWords = (await pdfText(pdf.rawPayload)).replace(/\s+/g, ' ');
      expect(pdfWords).toContain(`Discount (${code.code})`);

      await setup.store.app.events.deliverDue();
      const mailbox = createMailer({ from: 'test', database: setup.store.app.db });
      const [mail] = await mailbox.listDevMail({ to: email, limit: 5 });
      expect(mail?.text).toContain(`Discount (code ${code.code}): −$8.00`);
      const total = (placed.body.totalCents / 100).toFixed(2);
      expect(mail?.text).toContain(`payment of $${total}`);
    });

    it('takes a fixed amount off only the lines in its categories and their subcategories', async () => {
      const code = codeName('gear');
      await createCode({ code, kind: 'fixed', value: 5000, categorySlugs: [`gear-${run}`] });
      const items = [
        { variantId: variants.gadget.id, quantity: 1 },
        { variantId: variants.widget.id, quantity: 2 },
      ];
      // The gadget (in a subcategory) costs 40.00: a 50.00 code takes no more than that.
      const placed = await order(items, code);
      expect(placed.status).toBe(201);
      expect(placed.body).toMatchObject({ subtotalCents: 9000, discountCents: 4000 });
      const widgetsOnly = await order([{ variantId: variants.widget.id, quantity: 1 }], code);
      expect(widgetsOnly).toMatchObject({
        status: 422,
        body: { error: { code: 'CODE_NOT_APPLICABLE' } },
      });
    });

    it('refuses each code that does not apply with a 4xx saying why, and takes nothing', async () => {
      const soon = new Date(Date.now() + 5 * DAY).toISOString();
      const past = [new Date(Date.now() - 5 * DAY), new Date(Date.now() - DAY)];
      const codes = {
        future: await createCode({
          code: codeName('future'),
          kind: 'percent',
          value: 5,
          validFrom: soon,
        }),
        past: await createCode({
          code: codeName('past'),
          kind: 'percent',
          value: 5,
          validFrom: past[0]!.toISOString(),
          validUntil: past[1]!.toISOString(),
        }),
        minimum: await createCode({
          code: codeName('big'),
          kind: 'percent',
          value: 5,
          minSubtotalCents: 100_000,
        }),
        archived: await createCode({ code: codeName('gone'), kind: 'percent', value: 5 }),
      };
      await call('PATCH', `/api/v1/admin/promotions/${codes.archived.id}`, admin(), {
        status: 'archived',
      });
      const items = [{ variantId: variants.widget.id, quantity: 1 }];
      const before = await stockOf(`widget-${run}`);
      const expected: [string, number, string][] = [
        [`NOPE-${run}`, 400, 'CODE_UNKNOWN'],
        [codes.archived.code, 400, 'CODE_UNKNOWN'],
        [codes.future.code, 422, 'CODE_NOT_YET_VALID'],
        [codes.past.code, 422, 'CODE_EXPIRED'],
        [codes.minimum.code, 422, 'CODE_BELOW_MINIMUM'],
      ];
      for (const [code, status, errorCode] of expected) {
        const tried = await call('POST', '/api/v1/checkout/discount', undefined, {
          items,
          discountCode: code,
        });
        for (const answer of [tried, await quote(items, code), await order(items, code)]) {
          expect(answer.status, code).toBe(status);
          expect(answer.body.error.code).toBe(errorCode);
          expect(JSON.stringify(answer.body.error.details)).toContain('discountCode');
        }
      }
      const malformed = await order(items, 'no spaces allowed');
      expect(malformed.status).toBe(400);
      const huge = await order(items, 'X'.repeat(5000));
      expect(huge.status).toBe(400);
      expect(JSON.stringify(huge.body)).toContain('discountCode');
      expect(await stockOf(`widget-${run}`)).toBe(before);
      for (const { id } of Object.values(codes)) expect(await usesOf(id)).toBe(0);
    });

    it('is used up at its limit, and a buyer uses it only as often as one buyer may', async () => {
      const limited = await createCode({
        code: codeName('two'),
        kind: 'percent',
        value: 5,
        usageLimit: 2,
      });
      const items = [{ variantId: variants.widget.id, quantity: 1 }];
      const guest = aGuestEmail();
      expect((await order(items, limited.code, { email: guest })).status).toBe(201);
      // The same guest again, however they write their email: refused.
      const again = await order(items, limited.code, { email: guest.toUpperCase() });
      expect(again).toMatchObject({ status: 409, body: { error: { code: 'CODE_ALREADY_USED' } } });
      const customer = setup.tokens.customer;
      expect((await order(items, limited.code, { token: customer })).status).toBe(201);
      const third = await order(items, limited.code);
      expect(third).toMatchObject({ status: 409, body: { error: { code: 'CODE_USED_UP' } } });
      expect(await usesOf(limited.id)).toBe(2);

      const twicePerBuyer = await createCode({
        code: codeName('twice'),
        kind: 'percent',
        value: 5,
        perBuyerLimit: 2,
      });
      for (const status of [201, 201, 409]) {
        expect((await order(items, twicePerBuyer.code, { token: customer })).status).toBe(status);
      }
    });

    it('replays an order with its key without using the code twice', async () => {
      const code = await createCode({ code: codeName('replay'), kind: 'percent', value: 5 });
      const items = [{ variantId: variants.widget.id, quantity: 1 }];
      const email = aGuestEmail();
      const key = crypto.randomUUID();
      const address = aCaliforniaAddress();
      const first = await order(items, code.code, { email, key, address });
      const second = await order(items, code.code.toLowerCase(), { email, key, address });
      expect([first.status, second.status]).toEqual([201, 200]);
      expect(second.body.id).toBe(first.body.id);
      const otherCode = await order(items, codeName('ten'), { email, key, address });
      expect(otherCode.body.error.code).toBe('IDEMPOTENCY_KEY_REUSED');
      expect(await usesOf(code.id)).toBe(1);
    });

    it('gives the use back when the order is cancelled or expires unpaid', async () => {
      const once = await createCode({
        code: codeName('once'),
        kind: 'percent',
        value: 5,
        usageLimit: 1,
      });
      const items = [{ variantId: variants.widget.id, quantity: 1 }];
      const placed = await order(items, once.code);
      expect(placed.status).toBe(201);
      expect((await order(items, once.code)).body.error.code).toBe('CODE_USED_UP');
      const cancelled = await call(
        'POST',
        `/api/v1/orders/${placed.body.id}/cancel`,
        undefined,
        undefined,
        {
          'x-order-token': placed.body.accessToken,
        },
      );
      expect(cancelled.status).toBe(200);
      expect(await usesOf(once.id)).toBe(0);

      const next = await order(items, once.code);
      expect(next.status).toBe(201);
      expect(await usesOf(once.id)).toBe(1);
      const later = new Date(Date.now() + DAY);
      await expirePendingOrders(setup.store.app.db, { log: setup.store.app.log, now: later });
      expect(await usesOf(once.id)).toBe(0);
      const read = await call('GET', `/api/v1/orders/${next.body.id}`, undefined, undefined, {
        'x-order-token': next.body.accessToken,
      });
      expect(read.body.status).toBe('cancelled');
    });
  });

  // Real concurrency needs a server with many connections: PGlite has one.
  if (driver === 'postgres') {
    it('gives a code limited to 100 uses to exactly 100 of 500 concurrent checkouts, no 5xx', async () => {
      const rush = await createCode({
        code: codeName('rush'),
        kind: 'percent',
        value: 10,
        usageLimit: 100,
      });
      const baseUrl = await setup.store.app.listen({ port: 0, host: '127.0.0.1' });
      const answers = await Promise.all(
        Array.from({ length: 500 }, async (_, buyer) => {
          const response = await fetch(`${baseUrl}/api/v1/orders`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', 'idempotency-key': crypto.randomUUID() },
            body: JSON.stringify({
              items: [{ variantId: variants.gadget.id, quantity: 1 }],
              email: `rush-${run}-${buyer}@example.com`,
              shippingAddress: { ...aCaliforniaAddress(), line2: `Rush ${run} ${buyer}` },
              shippingMethod: 'standard',
              discountCode: rush.code,
            }),
          });
          const body = (await response.json()) as {
            discountCents?: number;
            error?: { code: string };
          };
          return {
            status: response.status,
            code: body.error?.code,
            discountCents: body.discountCents,
          };
        }),
      );
      const discounted = answers.filter((a) => a.status === 201 && a.discountCents === 400);
      const usedUp = answers.filter((a) => a.status === 409 && a.code === 'CODE_USED_UP');
      expect(discounted).toHaveLength(100);
      expect(usedUp).toHaveLength(400);
      expect(answers.filter((a) => a.status >= 500)).toEqual([]);
      expect(await usesOf(rush.id)).toBe(100);
    });
  }
});
