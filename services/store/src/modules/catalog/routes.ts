import { category, errorBody, product, productListQuery, productPage } from '@makrx/contracts';
import { notFound, sendSerializedJson, type FastifyPluginAsyncZod } from '@makrx/service-kit';
import { z } from 'zod';
import { createListingCache } from './listing-cache';
import { findProduct, listCategories, listProducts } from './service';

export const catalogRoutes: FastifyPluginAsyncZod = async (app) => {
  const listings = await createListingCache(app, app.database);

  app.get(
    '/products',
    {
      schema: {
        tags: ['catalog'],
        summary: 'List products, a page at a time',
        querystring: productListQuery,
        response: { 200: productPage, 400: errorBody },
      },
    },
    async (request, reply) => {
      const { page, pageSize, category, sort } = request.query;
      const key = `products:${page}:${pageSize}:${category ?? ''}:${sort}`;
      const body = await listings.get(key, () => listProducts(app.db, request.query));
      return sendSerializedJson(reply, body);
    },
  );

  app.get(
    '/products/:slug',
    {
      schema: {
        tags: ['catalog'],
        summary: 'One product with its description and specifications',
        params: z.object({
          slug: z
            .string()
            .regex(/^[a-z0-9-]+$/)
            .max(120),
        }),
        response: { 200: product, 404: errorBody },
      },
    },
    async (request) => {
      const found = await findProduct(app.db, request.params.slug);
      if (!found) throw notFound(`Product "${request.params.slug}"`);
      return found;
    },
  );

  app.get(
    '/categories',
    {
      schema: {
        tags: ['catalog'],
        summary: 'The categories with how many products each holds',
        response: { 200: z.object({ items: z.array(category) }) },
      },
    },
    async () => ({ items: await listCategories(app.db) }),
  );
};
