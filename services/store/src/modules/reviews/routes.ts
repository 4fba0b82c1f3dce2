import { signedInUser } from '@makrx/auth';
import {
  adminReview,
  adminReviewListQuery,
  adminReviewPage,
  errorBody,
  ownProductReview,
  productReview,
  productReviewBody,
  productReviewPage,
  productReviewsQuery,
  reviewModerationBody,
} from '@makrx/contracts';
import type { Database } from '@makrx/db';
import { AppError, notFound, type FastifyPluginAsyncZod } from '@makrx/service-kit';
import { z } from 'zod';
import { productsById, productWithVariantsBySlug } from '../catalog/service';
import { actorIdOf, boughtAndDelivered } from '../orders/service';
import {
  adminReviewView,
  editOwnReview,
  ownReviewOf,
  reviewerNameOf,
  reviewsForAdmins,
  reviewsOfProduct,
  reviewView,
  setReviewHidden,
  writeReview,
} from './service';

const slugParams = z.object({
  slug: z
    .string()
    .regex(/^[a-z0-9-]+$/)
    .max(120),
});
const reviewParams = z.object({ id: z.uuid() });
const buyers = { access: { feature: 'purchaseProducts', mode: 'write' } } as const;
const storeAdmins = { access: { permission: 'store:admin' } } as const;

async function productOfSlug(db: Database, slug: string) {
  const product = await productWithVariantsBySlug(db, slug);
  if (!product) throw notFound(`Product "${slug}"`);
  return product;
}

/**
 * Product reviews: anyone reads a product's visible reviews; a signed-in buyer whose order with
 * the product was delivered writes one and edits it; store admins hide and show them again.
 */
export const reviewRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/products/:slug/reviews',
    {
      config: { access: { feature: 'productBrowsing', mode: 'read' } },
      schema: {
        tags: ['reviews'],
        summary: 'A product’s average rating and its visible reviews, newest first',
        params: slugParams,
        querystring: productReviewsQuery,
        response: { 200: productReviewPage, 400: errorBody, 404: errorBody },
      },
    },
    async (request) => {
      const product = await productOfSlug(app.db, request.params.slug);
      return reviewsOfProduct(app.db, product.id, request.query);
    },
  );

  app.get(
    '/products/:slug/reviews/mine',
    {
      config: { access: { feature: 'purchaseProducts', mode: 'read' } },
      schema: {
        tags: ['reviews'],
        summary: 'Whether you may review a product, and your review of it',
        security: [{ bearer: [] }],
        params: slugParams,
        response: { 200: ownProductReview, 401: errorBody, 403: errorBody, 404: errorBody },
      },
    },
    async (request, reply) => {
      const user = signedInUser(request);
      const product = await productOfSlug(app.db, request.params.slug);
      const [eligible, own] = await Promise.all([
        boughtAndDelivered(app.db, user.userId, product.variantIds),
        ownReviewOf(app.db, product.id, user.userId),
      ]);
      reply.header('cache-control', 'no-store');
      return {
        product: { slug: product.slug, name: product.name },
        eligible,
        review: own ? { ...reviewView(own), hidden: own.hiddenAt !== null } : null,
      };
    },
  );

  app.post(
    '/products/:slug/reviews',
    {
      config: buyers,
      schema: {
        tags: ['reviews'],
        summary: 'Review a product you received (once; edit it afterwards)',
        description:
          'Only a signed-in customer with a delivered order that holds the product (403 REVIEW_NOT_ALLOWED otherwise). A second review of the same product is refused (409 REVIEW_ALREADY_WRITTEN, with the first one’s id).',
        security: [{ bearer: [] }],
        params: slugParams,
        body: productReviewBody,
        response: {
          201: productReview,
          400: errorBody,
          401: errorBody,
          403: errorBody,
          404: errorBody,
          409: errorBody,
        },
      },
    },
    async (request, reply) => {
      const user = signedInUser(request);
      const product = await productOfSlug(app.db, request.params.slug);
      if (!(await boughtAndDelivered(app.db, user.userId, product.variantIds))) {
        throw new AppError(
          403,
          'REVIEW_NOT_ALLOWED',
          'You can review a product once an order of yours with it has been delivered.',
        );
      }
      const row = await writeReview(app.db, {
        ...request.body,
        productId: product.id,
        userId: user.userId,
        authorName: reviewerNameOf(user.name),
      });
      return reply.code(201).send(reviewView(row));
    },
  );

  app.put(
    '/reviews/:id',
    {
      config: buyers,
      schema: {
        tags: ['reviews'],
        summary: 'Edit your own review',
        description:
          'Only its author (403 NOT_THE_REVIEWER otherwise). A hidden review stays hidden.',
        security: [{ bearer: [] }],
        params: reviewParams,
        body: productReviewBody,
        response: {
          200: productReview,
          400: errorBody,
          401: errorBody,
          403: errorBody,
          404: errorBody,
        },
      },
    },
    async (request) => {
      const user = signedInUser(request);
      const row = await editOwnReview(app.db, {
        ...request.body,
        reviewId: request.params.id,
        userId: user.userId,
        authorName: reviewerNameOf(user.name),
      });
      return reviewView(row);
    },
  );

  app.get(
    '/admin/reviews',
    {
      config: storeAdmins,
      schema: {
        tags: ['store admin'],
        summary: 'Every review, newest first: all, the visible or the hidden ones',
        security: [{ bearer: [] }],
        querystring: adminReviewListQuery,
        response: { 200: adminReviewPage, 400: errorBody, 401: errorBody, 403: errorBody },
      },
    },
    async (request, reply) => {
      const page = await reviewsForAdmins(app.db, request.query);
      const products = await productsById(
        app.db,
        page.rows.map((row) => row.productId),
      );
      const byId = new Map(products.map((product) => [product.id, product]));
      reply.header('cache-control', 'no-store');
      return {
        items: page.rows.map((row) => {
          const product = byId.get(row.productId);
          return adminReviewView(row, {
            slug: product?.slug ?? '',
            name: product?.name ?? 'Removed product',
          });
        }),
        page: page.page,
        pageSize: page.pageSize,
        total: page.total,
        totalPages: page.totalPages,
      };
    },
  );

  for (const [path, hidden] of [
    ['hide', true],
    ['unhide', false],
  ] as const) {
    app.post(
      `/admin/reviews/:id/${path}`,
      {
        config: storeAdmins,
        schema: {
          tags: ['store admin'],
          summary: hidden
            ? 'Hide an abusive review, with the reason (audited)'
            : 'Show a hidden review again, with the reason (audited)',
          security: [{ bearer: [] }],
          params: reviewParams,
          body: reviewModerationBody,
          response: {
            200: adminReview,
            400: errorBody,
            401: errorBody,
            403: errorBody,
            404: errorBody,
          },
        },
      },
      async (request) => {
        const row = await setReviewHidden(app.db, {
          reviewId: request.params.id,
          hidden,
          reason: request.body.reason,
          actorId: actorIdOf(request),
          requestId: request.id,
        });
        const [product] = await productsById(app.db, [row.productId]);
        return adminReviewView(row, {
          slug: product?.slug ?? '',
          name: product?.name ?? 'Removed product',
        });
      },
    );
  }
};
