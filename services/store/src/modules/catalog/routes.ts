import {
  category,
  categoryDetail,
  errorBody,
  product,
  productListQuery,
  productPage,
  productSearchPage,
  productSearchQuery,
} from '@makrx/contracts';
import { notFound, sendSerializedJson, type FastifyPluginAsyncZod } from '@makrx/service-kit';
import { z } from 'zod';
import { createListingCache } from './listing-cache';
import { findCategory, listCategories } from './category-tree';
import { searchCatalog } from './product-search';
import { findProduct, listProducts } from './products';

const slugParams = z.object({
  slug: z
    .string()
    .regex(/^[a-z0-9-]+$/)
    .max(120),
});

export const catalogRoutes: FastifyPluginAsyncZod = async (app) => {
  const listings = await createListingCache(app, app.database);

  app.get(
    '/products',
    {
      config: { access: { feature: 'productBrowsing', mode: 'read' } },
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
    '/products/search',
    {
      config: { access: { feature: 'productBrowsing', mode: 'read' } },
      schema: {
        tags: ['catalog'],
        summary: 'Search products: full text; with ENABLE_ADVANCED_SEARCH also typos and facets',
        querystring: productSearchQuery,
        response: { 200: productSearchPage, 400: errorBody },
      },
    },
    async (request) => {
      const user = request.caller?.kind === 'user' ? request.caller : undefined;
      const advanced = await app.flags.isOn('ENABLE_ADVANCED_SEARCH', {
        userId: user?.userId,
        roles: user?.realmRoles,
      });
      return searchCatalog(app.db, request.query, advanced);
    },
  );

  app.get(
    '/products/:slug',
    {
      config: { access: { feature: 'productBrowsing', mode: 'read' } },
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
      config: { access: { feature: 'productBrowsing', mode: 'read' } },
      schema: {
        tags: ['catalog'],
        summary: 'The category tree, parents first, with the products of each subtree counted',
        response: { 200: z.object({ items: z.array(category) }) },
      },
    },
    async () => ({ items: await listCategories(app.db) }),
  );

  app.get(
    '/categories/:slug',
    {
      config: { access: { feature: 'productBrowsing', mode: 'read' } },
      schema: {
        tags: ['catalog'],
        summary: 'One category with its path from the top (breadcrumbs) and its subcategories',
        params: slugParams,
        response: { 200: categoryDetail, 404: errorBody },
      },
    },
    async (request) => {
      const found = await findCategory(app.db, request.params.slug);
      if (!found) throw notFound(`Category "${request.params.slug}"`);
      return found;
    },
  );
};
