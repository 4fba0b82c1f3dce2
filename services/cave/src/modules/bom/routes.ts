import { signedInUser } from '@makrx/auth';
import {
  bomImportBody,
  bomImportResult,
  bomItem,
  bomItemInput,
  bomItemPatch,
  bomView,
  errorBody,
  projectSlug,
} from '@makrx/contracts';
import type { FastifyPluginAsyncZod } from '@makrx/service-kit';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { makerspacesById } from '../makerspaces/service';
import { projectOf, roleAtLeast, type ProjectInRequest } from '../projects/service';
import { bomViewOf } from './bom-view';
import { orderingFlags } from './ordering-routes';
import { bomCsv, MAX_CSV_BYTES, readBomCsv } from './csv';
import {
  addBomItems,
  bomItemsOf,
  deleteBomItem,
  rememberFirstPrices,
  updateBomItem,
  type BomChange,
} from './items';
import { storeCodeLookup, storeLevelsOf } from './store-match';

/*
 * A project's bill of materials (issue 14): anyone who may read the project reads it; its owner
 * and editors change it. Ordering from it is in ordering-routes.ts.
 */

const projectParams = z.object({ projectSlug });
const itemParams = projectParams.extend({ itemId: z.uuid() });
const read = {
  access: { feature: 'projectManagement', mode: 'read' },
  projectRole: 'viewer',
} as const;
const write = {
  access: { feature: 'projectManagement', mode: 'write' },
  projectRole: 'editor',
} as const;
const refusals = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody };
const tags = ['bom'];
const security = [{ bearer: [] }];

const changeBy = (request: FastifyRequest): BomChange => ({
  projectId: projectOf(request).id,
  actorId: signedInUser(request).userId,
});

const flagContext = (request: FastifyRequest) => {
  const user = signedInUser(request);
  return { userId: user.userId, roles: user.realmRoles };
};

export const bomRoutes: FastifyPluginAsyncZod = async (app) => {
  const lookup = storeCodeLookup(app.peers, app.log);
  const storeBase = app.config.STORE_URL.replace(/\/$/, '');
  const productUrl = (slug: string) => `${storeBase}/products/${encodeURIComponent(slug)}`;

  app.addContentTypeParser(
    'text/csv',
    { parseAs: 'string', bodyLimit: MAX_CSV_BYTES + 1024 },
    (_request, body, done) => done(null, body),
  );

  const orderingOn = async (request: FastifyRequest) =>
    request.caller?.kind === 'user' &&
    (await app.flags.isOn(orderingFlags[0], flagContext(request))) &&
    (await app.flags.isOn(orderingFlags[1], flagContext(request)));

  /** The makerspace whose purchasing account the caller may order on for this project. */
  const purchaseAsOf = async (request: FastifyRequest, project: ProjectInRequest) => {
    if (!project.makerspaceId) return null;
    if (!(await request.access.can('makerspace:admin', { id: project.makerspaceId }))) return null;
    const [space] = await makerspacesById(app.db, [project.makerspaceId]);
    return space ? { makerspaceSlug: space.slug } : null;
  };

  app.get(
    '/projects/:projectSlug/bom',
    {
      config: read,
      schema: {
        tags,
        security,
        summary: 'A project’s BOM, matched to Store products: live price, stock, warnings, total',
        params: projectParams,
        response: { 200: bomView, ...refusals },
      },
    },
    async (request) => {
      const project = projectOf(request);
      const rows = await bomItemsOf(app.db, project.id);
      const codes = rows.flatMap((row) => (row.code ? [row.code] : []));
      const levels = await storeLevelsOf(app.db, lookup, codes);
      // The price an item had when its code was first matched, kept to warn of a change.
      const firstPrices = rows.flatMap((row) => {
        const found = row.code ? levels.byCode.get(row.code) : undefined;
        if (!found || row.priceWhenAddedCents !== null) return [];
        row.priceWhenAddedCents = found.priceCents;
        row.currency = found.currency;
        return [{ itemId: row.id, priceCents: found.priceCents, currency: found.currency }];
      });
      await rememberFirstPrices(app.db, firstPrices);
      const canEdit = roleAtLeast(project.callerRole, 'editor');
      const ordering = canEdit && (await orderingOn(request));
      return {
        project: { slug: project.slug, title: project.title },
        ...bomViewOf(rows, levels, productUrl),
        caller: {
          canEdit,
          canQuickReorder: ordering,
          purchaseAs: (await orderingOn(request)) ? await purchaseAsOf(request, project) : null,
        },
      };
    },
  );

  app.post(
    '/projects/:projectSlug/bom/items',
    {
      config: write,
      schema: {
        tags,
        security,
        summary: 'Add an item to the BOM',
        params: projectParams,
        body: bomItemInput,
        response: { 201: bomItem, ...refusals, 422: errorBody },
      },
    },
    async (request, reply) => {
      const [row] = await addBomItems(app.db, changeBy(request), [request.body], 'added');
      const levels = await storeLevelsOf(app.db, lookup, row!.code ? [row!.code] : []);
      return reply.code(201).send(bomViewOf([row!], levels, productUrl).items[0]!);
    },
  );

  app.patch(
    '/projects/:projectSlug/bom/items/:itemId',
    {
      config: write,
      schema: {
        tags,
        security,
        summary: 'Change a BOM item (its fields, or its status: forward, or back to needed)',
        params: itemParams,
        body: bomItemPatch,
        response: { 200: bomItem, ...refusals, 422: errorBody },
      },
    },
    async (request) => {
      const row = await updateBomItem(
        app.db,
        changeBy(request),
        request.params.itemId,
        request.body,
      );
      const levels = await storeLevelsOf(app.db, lookup, row.code ? [row.code] : []);
      return bomViewOf([row], levels, productUrl).items[0]!;
    },
  );

  app.delete(
    '/projects/:projectSlug/bom/items/:itemId',
    {
      config: write,
      schema: {
        tags,
        security,
        summary: 'Remove an item from the BOM',
        params: itemParams,
        response: { 204: z.null(), ...refusals },
      },
    },
    async (request, reply) => {
      await deleteBomItem(app.db, changeBy(request), request.params.itemId);
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/projects/:projectSlug/bom/import',
    {
      config: write,
      bodyLimit: 2 * MAX_CSV_BYTES,
      schema: {
        tags,
        security,
        summary:
          'Import BOM items from CSV (text/csv, or JSON { csv }): good rows kept, bad ones reported by line',
        params: projectParams,
        // An empty file arrives as no body at all: the reader names what is wrong with it.
        body: z.union([z.string(), bomImportBody]).optional(),
        response: { 200: bomImportResult, ...refusals, 413: errorBody, 422: errorBody },
      },
    },
    async (request) => {
      const body = request.body ?? '';
      const text = typeof body === 'string' ? body : body.csv;
      const { items, rejected } = readBomCsv(text);
      await addBomItems(app.db, changeBy(request), items, 'imported');
      return { imported: items.length, rejected };
    },
  );

  app.get(
    '/projects/:projectSlug/bom.csv',
    {
      config: read,
      schema: {
        tags,
        security,
        summary: 'The BOM as a CSV file that imports back as the same items',
        params: projectParams,
        produces: ['text/csv'],
        response: { 200: z.string(), ...refusals },
      },
    },
    async (request, reply) => {
      const project = projectOf(request);
      const rows = await bomItemsOf(app.db, project.id);
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${project.slug}-bom.csv"`)
        .send(bomCsv(rows));
    },
  );
};
