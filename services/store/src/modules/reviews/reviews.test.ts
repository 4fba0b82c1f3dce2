import { randomUUID } from 'node:crypto';
import type {
  AdminReviewPage,
  OwnProductReview,
  PlacedOrder,
  ProductReviewPage,
} from '@makrx/contracts';
import { auditLogs, users } from '@makrx/db/schema';
import { testDrivers } from '@makrx/service-kit/testing';
import { and, desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCatalogAdminSetup, type CatalogAdminSetup } from '../catalog/testing';
import { postOrder, variantOf } from '../orders/testing';
import { reviewerNameOf } from './service';
import { productReviews } from './tables';

const ESP = 'esp32-devkit-v1';
const goodReview = {
  rating: 4,
  title: 'Solid board',
  body: 'Flashed it in a minute, Wi-Fi is stable.',
};

describe.each(testDrivers)('product reviews over %s', (driver) => {
  let setup: CatalogAdminSetup;
  const call = async (
    method: 'GET' | 'POST' | 'PUT',
    url: string,
    token?: string,
    payload?: unknown,
  ) => {
    const response = await setup.store.app.inject({
      method,
      url: `/api/v1${url}`,
      headers: token ? { authorization: `Bearer ${token}` } : {},
      ...(payload === undefined ? {} : { payload: payload as object }),
    });
    return { status: response.statusCode, body: response.json() };
  };

  /** A signed-in customer of their own, with a first and a last name. */
  async function aCustomer(name = 'Ada Lovelace') {
    const id = randomUUID();
    const username = `buyer-${id.slice(0, 8)}`;
    await setup.store.app.db
      .insert(users)
      .values({ id, username, email: `${username}@example.com`, displayName: name });
    return { id, token: await setup.issuer.userToken({ id, username, name }) };
  }

  /** The customer's paid order of one unit of the product, moved by a store admin to `to`. */
  async function orderOf(token: string, slug: string, to: 'paid' | 'shipped' | 'delivered') {
    const variant = await variantOf(setup.store.app, slug);
    const placed = await postOrder(setup.store.app, {
      items: [{ variantId: variant.id, quantity: 1 }],
      token,
    });
    expect(placed.statusCode).toBe(201);
    const order: PlacedOrder = placed.json();
    const paid = await call('POST', `/orders/${order.id}/payments`, token, {
      paymentMethod: 'tok_visa',
    });
    expect(paid.status).toBe(201);
    const admin = setup.tokens.storeAdmin;
    if (to === 'paid') return order;
    const shipped = await call('POST', `/orders/${order.id}/ship`, admin, {
      trackingNumber: '1Z999AA10123456784',
    });
    expect(shipped.body.status).toBe('shipped');
    if (to === 'shipped') return order;
    expect((await call('POST', `/orders/${order.id}/deliver`, admin)).body.status).toBe(
      'delivered',
    );
    return order;
  }

  const reviewsOf = async (slug: string, query = '') =>
    (await call('GET', `/products/${slug}/reviews${query}`)).body as ProductReviewPage;
  /** Straight from the table, hidden ones too: what a refusal must leave as it was. */
  const storedReviews = async (slug: string) => {
    const { id } = (await call('GET', `/products/${slug}`)).body as { id: string };
    return setup.store.app.db.select().from(productReviews).where(eq(productReviews.productId, id));
  };

  beforeAll(async () => {
    setup = await startCatalogAdminSetup(driver);
  });
  afterAll(() => setup.close());

  it('takes the review of a buyer whose order was delivered, and shows it with the average', async () => {
    const ada = await aCustomer('Ada Lovelace');
    await orderOf(ada.token, ESP, 'delivered');
    const eligible = (await call('GET', `/products/${ESP}/reviews/mine`, ada.token))
      .body as OwnProductReview;
    expect(eligible).toMatchObject({ eligible: true, review: null, product: { slug: ESP } });

    const written = await call('POST', `/products/${ESP}/reviews`, ada.token, goodReview);
    expect(written.status).toBe(201);
    expect(written.body).toMatchObject({
      rating: 4,
      title: 'Solid board',
      authorName: 'Ada L.',
      verifiedBuyer: true,
    });

    const page = await reviewsOf(ESP);
    expect(page.summary).toMatchObject({ average: 4, count: 1 });
    expect(page.summary.distribution).toEqual([
      { stars: 5, count: 0 },
      { stars: 4, count: 1 },
      { stars: 3, count: 0 },
      { stars: 2, count: 0 },
      { stars: 1, count: 0 },
    ]);
    expect(page.items.map((review) => review.id)).toEqual([written.body.id]);
    // First name and initial only: neither the last name nor the email reaches the page.
    expect(JSON.stringify(page)).not.toContain('Lovelace');
    expect(JSON.stringify(page)).not.toContain('@example.com');
  });

  it('lists reviews newest first, a page at a time, and averages them', async () => {
    const slug = 'arduino-uno-r4-minima';
    const ratings = [5, 3, 4];
    for (const [index, rating] of ratings.entries()) {
      const buyer = await aCustomer(`Buyer${index} Smith`);
      await orderOf(buyer.token, slug, 'delivered');
      const body = { rating, body: `Review number ${index} of this board.` };
      expect((await call('POST', `/products/${slug}/reviews`, buyer.token, body)).status).toBe(201);
    }
    const first = await reviewsOf(slug, '?pageSize=2');
    expect(first.summary).toMatchObject({ average: 4, count: 3 });
    expect(first).toMatchObject({ page: 1, pageSize: 2, total: 3, totalPages: 2 });
    expect(first.items.map((review) => review.body)).toEqual([
      'Review number 2 of this board.',
      'Review number 1 of this board.',
    ]);
    const second = await reviewsOf(slug, '?pageSize=2&page=2');
    expect(second.items.map((review) => review.body)).toEqual(['Review number 0 of this board.']);
    expect((await call('GET', `/products/${slug}/reviews?pageSize=500`)).status).toBe(400);
  });

  it('answers an empty summary for a product nobody reviewed, and 404 for no product', async () => {
    const page = await reviewsOf('raspberry-pi-pico-w');
    expect(page).toMatchObject({ items: [], total: 0, summary: { average: null, count: 0 } });
    const missing = await call('GET', '/products/no-such-thing/reviews');
    expect(missing.status).toBe(404);
  });

  it('refuses a guest, a customer who did not buy it and a buyer whose order is not delivered', async () => {
    const slug = 'raspberry-pi-pico-w';
    const guest = await call('POST', `/products/${slug}/reviews`, undefined, goodReview);
    expect(guest.status).toBe(401);
    expect(guest.body.error.code).toBe('AUTHENTICATION_REQUIRED');

    const stranger = await aCustomer('Never Bought');
    const refused = await call('POST', `/products/${slug}/reviews`, stranger.token, goodReview);
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('REVIEW_NOT_ALLOWED');
    expect(
      (await call('GET', `/products/${slug}/reviews/mine`, stranger.token)).body.eligible,
    ).toBe(false);

    // Bought another product, delivered: that does not make them a buyer of this one.
    await orderOf(stranger.token, ESP, 'delivered');
    expect(
      (await call('POST', `/products/${slug}/reviews`, stranger.token, goodReview)).status,
    ).toBe(403);

    const waiting = await aCustomer('Still Waiting');
    for (const to of ['paid', 'shipped'] as const) {
      await orderOf(waiting.token, slug, to);
      const early = await call('POST', `/products/${slug}/reviews`, waiting.token, goodReview);
      expect(early.status).toBe(403);
      expect(early.body.error.code).toBe('REVIEW_NOT_ALLOWED');
    }
    expect((await reviewsOf(slug)).total).toBe(0);
    expect(await storedReviews(slug)).toEqual([]);
  });

  it('keeps one review per product and buyer, which its author alone may edit', async () => {
    const slug = 'pla-filament-galaxy-black-1kg';
    const grace = await aCustomer('Grace Hopper');
    await orderOf(grace.token, slug, 'delivered');
    const first = await call('POST', `/products/${slug}/reviews`, grace.token, goodReview);
    expect(first.status).toBe(201);
    const again = await call('POST', `/products/${slug}/reviews`, grace.token, {
      ...goodReview,
      rating: 1,
    });
    expect(again.status).toBe(409);
    expect(again.body.error).toMatchObject({
      code: 'REVIEW_ALREADY_WRITTEN',
      details: { reviewId: first.body.id },
    });

    const edited = await call('PUT', `/reviews/${first.body.id}`, grace.token, {
      rating: 5,
      body: 'Even better after a month of printing.',
    });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ rating: 5, title: null, authorName: 'Grace H.' });

    // Another buyer of the same product may not edit Grace's review, nor may a guest.
    const other = await aCustomer('Other Buyer');
    await orderOf(other.token, slug, 'delivered');
    const foreign = await call('PUT', `/reviews/${first.body.id}`, other.token, goodReview);
    expect(foreign.status).toBe(403);
    expect(foreign.body.error.code).toBe('NOT_THE_REVIEWER');
    expect((await call('PUT', `/reviews/${first.body.id}`, undefined, goodReview)).status).toBe(
      401,
    );
    expect((await call('PUT', `/reviews/${randomUUID()}`, grace.token, goodReview)).status).toBe(
      404,
    );

    const page = await reviewsOf(slug);
    expect(page.items).toHaveLength(1);
    expect(page.items[0]).toMatchObject({
      rating: 5,
      body: 'Even better after a month of printing.',
    });
    const mine = (await call('GET', `/products/${slug}/reviews/mine`, grace.token))
      .body as OwnProductReview;
    expect(mine.review).toMatchObject({ id: first.body.id, rating: 5, hidden: false });
  });

  it('refuses a malformed review naming the field, storing nothing', async () => {
    const slug = 'digital-calipers-150mm';
    const buyer = await aCustomer('Careful Writer');
    await orderOf(buyer.token, slug, 'delivered');
    const bad: [unknown, string][] = [
      [{ ...goodReview, rating: 0 }, 'rating'],
      [{ ...goodReview, rating: 6 }, 'rating'],
      [{ ...goodReview, rating: 4.5 }, 'rating'],
      [{ ...goodReview, body: 'Too short' }, 'body'],
      [{ ...goodReview, body: '          padded        ' }, 'body'],
      [{ ...goodReview, body: 'x'.repeat(4001) }, 'body'],
      [{ ...goodReview, title: 't'.repeat(121) }, 'title'],
      [{ ...goodReview, userId: randomUUID() }, 'userId'],
      [{ rating: 5 }, 'body'],
    ];
    for (const [payload, field] of bad) {
      const refused = await call('POST', `/products/${slug}/reviews`, buyer.token, payload);
      expect(refused.status, JSON.stringify(payload).slice(0, 80)).toBe(400);
      expect(JSON.stringify(refused.body.error.details)).toContain(field);
    }
    const huge = await setup.store.app.inject({
      method: 'POST',
      url: `/api/v1/products/${slug}/reviews`,
      headers: { authorization: `Bearer ${buyer.token}`, 'content-type': 'application/json' },
      payload: JSON.stringify({ ...goodReview, body: 'y'.repeat(3_000_000) }),
    });
    expect(huge.statusCode).toBeGreaterThanOrEqual(400);
    expect(huge.statusCode).toBeLessThan(500);
    expect(await storedReviews(slug)).toEqual([]);
    const exact = await call('POST', `/products/${slug}/reviews`, buyer.token, {
      rating: 3,
      body: 'z'.repeat(4000),
    });
    expect(exact.status).toBe(201);
  });

  it('lets store admins hide an abusive review and show it again, audited, and nobody else', async () => {
    const slug = 'flush-cutters-precision';
    const [kind, rude] = [await aCustomer('Kind Maker'), await aCustomer('Rude Person')];
    await orderOf(kind.token, slug, 'delivered');
    await orderOf(rude.token, slug, 'delivered');
    await call('POST', `/products/${slug}/reviews`, kind.token, {
      rating: 5,
      body: 'Great board for the price.',
    });
    const abusive = await call('POST', `/products/${slug}/reviews`, rude.token, {
      rating: 1,
      body: 'Something abusive about a person, not the product.',
    });
    expect((await reviewsOf(slug)).summary).toMatchObject({ average: 3, count: 2 });

    const reason = { reason: 'Insults a person' };
    const hidePath = `/admin/reviews/${abusive.body.id}/hide`;
    for (const token of [undefined, rude.token, setup.tokens.caveAdmin]) {
      const refused = await call('POST', hidePath, token, reason);
      expect(refused.status).toBe(token ? 403 : 401);
    }
    expect((await call('GET', '/admin/reviews', kind.token)).status).toBe(403);
    expect((await call('POST', hidePath, setup.tokens.storeAdmin, { reason: '' })).status).toBe(
      400,
    );
    expect((await reviewsOf(slug)).summary.count).toBe(2);

    const hidden = await call('POST', hidePath, setup.tokens.storeAdmin, reason);
    expect(hidden.status).toBe(200);
    expect(hidden.body).toMatchObject({ hidden: true, hiddenReason: 'Insults a person' });
    const page = await reviewsOf(slug);
    expect(page.summary).toMatchObject({ average: 5, count: 1 });
    expect(page.items.map((review) => review.id)).not.toContain(abusive.body.id);
    const audit = await setup.store.app.db
      .select()
      .from(auditLogs)
      .where(and(eq(auditLogs.entityId, abusive.body.id), eq(auditLogs.action, 'review.hidden')));
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      actorId: setup.storeAdminId,
      entityType: 'product_review',
      before: { hidden: false },
      after: { hidden: true, reason: 'Insults a person' },
    });

    // Its author still sees it as theirs, hidden, and editing it does not bring it back.
    const edited = await call('PUT', `/reviews/${abusive.body.id}`, rude.token, {
      rating: 2,
      body: 'Edited to try to get it back on the page.',
    });
    expect(edited.status).toBe(200);
    expect((await reviewsOf(slug)).summary.count).toBe(1);

    const hiddenList = (
      await call('GET', '/admin/reviews?visibility=hidden', setup.tokens.storeAdmin)
    ).body as AdminReviewPage;
    expect(hiddenList.items.every((review) => review.hidden)).toBe(true);
    expect(hiddenList.items.map((review) => review.id)).toContain(abusive.body.id);
    const visibleList = (
      await call('GET', '/admin/reviews?visibility=visible', setup.tokens.superAdmin)
    ).body as AdminReviewPage;
    expect(visibleList.items.some((review) => review.id === abusive.body.id)).toBe(false);
    expect(visibleList.items[0]).toMatchObject({ product: { slug: expect.any(String) } });
    const all = (await call('GET', '/admin/reviews', setup.tokens.storeAdmin))
      .body as AdminReviewPage;
    const times = all.items.map((review) => review.createdAt);
    expect([...times].sort().reverse()).toEqual(times);
    expect(
      (await call('GET', '/admin/reviews?visibility=odd', setup.tokens.storeAdmin)).status,
    ).toBe(400);

    const shown = await call(
      'POST',
      `/admin/reviews/${abusive.body.id}/unhide`,
      setup.tokens.storeAdmin,
      {
        reason: 'Author rewrote it politely',
      },
    );
    expect(shown.body).toMatchObject({ hidden: false, hiddenReason: null, rating: 2 });
    expect((await reviewsOf(slug)).summary).toMatchObject({ average: 3.5, count: 2 });
    const [latest] = await setup.store.app.db
      .select()
      .from(auditLogs)
      .where(eq(auditLogs.entityId, abusive.body.id))
      .orderBy(desc(auditLogs.id))
      .limit(1);
    expect(latest).toMatchObject({
      action: 'review.shown',
      after: { hidden: false, reason: 'Author rewrote it politely' },
    });
    const unknown = await call(
      'POST',
      `/admin/reviews/${randomUUID()}/hide`,
      setup.tokens.storeAdmin,
      reason,
    );
    expect(unknown.status).toBe(404);
  });

  it('counts a review written twice at once only once', async () => {
    const slug = 'arduino-uno-r4-minima';
    const buyer = await aCustomer('Double Clicker');
    await orderOf(buyer.token, slug, 'delivered');
    const before = (await reviewsOf(slug)).total;
    const answers = await Promise.all(
      [1, 2, 3].map(() => call('POST', `/products/${slug}/reviews`, buyer.token, goodReview)),
    );
    expect(answers.map((answer) => answer.status).sort()).toEqual([201, 409, 409]);
    expect((await reviewsOf(slug)).total).toBe(before + 1);
  });
});

describe('the name a review is shown with', () => {
  it('is the first name and the initial of the last, never more', () => {
    expect(reviewerNameOf('Ada Lovelace')).toBe('Ada L.');
    expect(reviewerNameOf('  Grace  Brewster Murray Hopper ')).toBe('Grace H.');
    expect(reviewerNameOf('Nia Newcomer 7f3a')).toBe('Nia N.');
    expect(reviewerNameOf('émile zola')).toBe('émile Z.');
    expect(reviewerNameOf('Prince')).toBe('Prince');
    expect(reviewerNameOf(null)).toBe('MakrX customer');
    expect(reviewerNameOf('   ')).toBe('MakrX customer');
  });
});
