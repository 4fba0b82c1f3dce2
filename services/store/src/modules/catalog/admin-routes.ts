import { productImagesOf } from '../../file-storage';
import {
  adminProduct,
  adminProductListQuery,
  adminProductPage,
  adminSku,
  catalogImportReport,
  categoryCreate,
  categoryUpdate,
  errorBody,
  imageUpdate,
  productCreate,
  productUpdate,
  stockAdjustment,
  variantCreate,
  variantUpdate,
} from '@makrx/contracts';
import type { FastifyPluginAsyncZod } from '@makrx/service-kit';
import { z } from 'zod';
import {
  addVariant,
  createCategory,
  createProduct,
  findAdminProduct,
  listAdminProducts,
  updateCategory,
  updateProduct,
  updateVariant,
  type Actor,
} from './catalog-admin';
import { signedInUser } from '@makrx/auth';
import type { FastifyRequest } from 'fastify';
import { importCatalog } from './catalog-import';
import { adjustStock } from './stock';
import { csvFromMultipart } from './csv';
import {
  deleteProductImage,
  MAX_IMAGE_BYTES,
  updateProductImage,
  uploadProductImage,
} from './product-images';

const errors = {
  400: errorBody,
  401: errorBody,
  403: errorBody,
  404: errorBody,
  409: errorBody,
  422: errorBody,
};
const tags = ['catalog admin'];
const storeAdmins = { access: { permission: 'store:admin' } } as const;
const security = [{ bearer: [] }];
const productParams = z.object({ id: z.uuid() });
const variantParams = z.object({ sku: adminSku });
const categoryParams = z.object({
  slug: z
    .string()
    .regex(/^[a-z0-9-]+$/)
    .max(120),
});
const imageParams = z.object({ id: z.uuid() });
const categoryRow = z.object({
  id: z.uuid(),
  slug: z.string(),
  name: z.string(),
  parentId: z.uuid().nullable(),
});

/** The store admins' catalog management (issue 6, "Catalog"); every change is audited. */
export const catalogAdminRoutes: FastifyPluginAsyncZod = async (app) => {
  const images = () => productImagesOf(app);
  app.addContentTypeParser(
    'text/csv',
    { parseAs: 'string', bodyLimit: 4 * 1024 * 1024 },
    (_r, body, done) => done(null, body),
  );
  // A CSV file sent from a form: the file part is taken out in the import handler.
  app.addContentTypeParser(
    'multipart/form-data',
    { parseAs: 'string', bodyLimit: 4 * 1024 * 1024 },
    (_r, body, done) => done(null, body),
  );
  app.addContentTypeParser(
    ['image/png', 'image/jpeg', 'image/webp', 'application/octet-stream'],
    { parseAs: 'buffer', bodyLimit: MAX_IMAGE_BYTES },
    (_r, body, done) => done(null, body),
  );
  const actor = (request: FastifyRequest): Actor => ({
    userId: signedInUser(request).userId,
    requestId: request.id,
  });

  app.get(
    '/products',
    {
      config: storeAdmins,
      schema: {
        tags,
        security,
        summary: 'Every product, archived too, with its stock levels',
        querystring: adminProductListQuery,
        response: { 200: adminProductPage, ...errors },
      },
    },
    async (request) => listAdminProducts(app.db, request.query),
  );

  app.get(
    '/products/:id',
    {
      config: storeAdmins,
      schema: {
        tags,
        security,
        summary: 'One product as the edit form shows it',
        params: productParams,
        response: { 200: adminProduct, ...errors },
      },
    },
    async (request) => findAdminProduct(app.db, request.params.id),
  );

  app.post(
    '/products',
    {
      config: storeAdmins,
      schema: {
        tags,
        security,
        summary: 'Create a product with its variants',
        body: productCreate,
        response: { 201: adminProduct, ...errors },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await createProduct(app.db, actor(request), request.body)),
  );

  app.patch(
    '/products/:id',
    {
      config: storeAdmins,
      schema: {
        tags,
        security,
        summary: 'Change a product; archived: true takes it off sale',
        params: productParams,
        body: productUpdate,
        response: { 200: adminProduct, ...errors },
      },
    },
    async (request) => updateProduct(app.db, actor(request), request.params.id, request.body),
  );

  app.post(
    '/products/:id/variants',
    {
      config: storeAdmins,
      schema: {
        tags,
        security,
        summary: 'Add a variant to a product',
        params: productParams,
        body: variantCreate,
        response: { 201: adminProduct, ...errors },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await addVariant(app.db, actor(request), request.params.id, request.body)),
  );

  app.patch(
    '/variants/:sku',
    {
      config: storeAdmins,
      schema: {
        tags,
        security,
        summary: "Change a variant's options, price or position",
        params: variantParams,
        body: variantUpdate,
        response: { 200: adminProduct, ...errors },
      },
    },
    async (request) => updateVariant(app.db, actor(request), request.params.sku, request.body),
  );

  app.post(
    '/variants/:sku/stock-adjustments',
    {
      config: storeAdmins,
      schema: {
        tags,
        security,
        summary: "Adjust a variant's stock, with a reason (audited)",
        params: variantParams,
        body: stockAdjustment,
        response: { 200: adminProduct, ...errors },
      },
    },
    async (request) => adjustStock(app.db, actor(request), request.params.sku, request.body),
  );

  app.post(
    '/products/:id/images',
    {
      config: storeAdmins,
      schema: {
        tags,
        security,
        summary: 'Upload an image (the body: PNG, JPEG or WebP, at most 5 MB; ?alt= describes it)',
        params: productParams,
        querystring: z.object({ alt: z.string().trim().max(200).default('') }),
        response: { 201: adminProduct, 413: errorBody, 415: errorBody, ...errors },
      },
    },
    async (request, reply) => {
      const body = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
      const product = await uploadProductImage(
        app.db,
        images(),
        actor(request),
        request.params.id,
        body,
        request.query.alt,
      );
      return reply.code(201).send(product);
    },
  );

  app.patch(
    '/images/:id',
    {
      config: storeAdmins,
      schema: {
        tags,
        security,
        summary: "Change an image's alt text or position",
        params: imageParams,
        body: imageUpdate,
        response: { 200: adminProduct, ...errors },
      },
    },
    async (request) => updateProductImage(app.db, actor(request), request.params.id, request.body),
  );

  app.delete(
    '/images/:id',
    {
      config: storeAdmins,
      schema: {
        tags,
        security,
        summary: 'Remove an image',
        params: imageParams,
        response: { 200: adminProduct, ...errors },
      },
    },
    async (request) => deleteProductImage(app.db, images(), actor(request), request.params.id),
  );

  app.post(
    '/categories',
    {
      config: storeAdmins,
      schema: {
        tags,
        security,
        summary: 'Create a category, at the top or under a parent',
        body: categoryCreate,
        response: { 201: categoryRow, ...errors },
      },
    },
    async (request, reply) => {
      const { id, slug, name, parentId } = await createCategory(
        app.db,
        actor(request),
        request.body,
      );
      return reply.code(201).send({ id, slug, name, parentId });
    },
  );

  app.patch(
    '/categories/:slug',
    {
      config: storeAdmins,
      schema: {
        tags,
        security,
        summary: 'Rename or move a category (never under itself)',
        params: categoryParams,
        body: categoryUpdate,
        response: { 200: categoryRow, ...errors },
      },
    },
    async (request) => {
      const { id, slug, name, parentId } = await updateCategory(
        app.db,
        actor(request),
        request.params.slug,
        request.body,
      );
      return { id, slug, name, parentId };
    },
  );

  app.post(
    '/import',
    {
      config: storeAdmins,
      schema: {
        tags,
        security,
        summary:
          'Import a catalog CSV (text/csv, or a file in multipart/form-data); ?dryRun=true checks it without writing',
        querystring: z.object({ dryRun: z.enum(['true', 'false']).default('false') }),
        response: { 200: catalogImportReport, 413: errorBody, 415: errorBody, ...errors },
      },
    },
    async (request) => {
      const body = typeof request.body === 'string' ? request.body : '';
      const contentType = request.headers['content-type'] ?? '';
      const csv = contentType.startsWith('multipart/form-data')
        ? (csvFromMultipart(body, contentType) ?? '')
        : body;
      return importCatalog(app.db, actor(request), csv, request.query.dryRun === 'true');
    },
  );
};
