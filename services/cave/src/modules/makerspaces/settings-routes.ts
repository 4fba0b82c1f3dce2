import { signedInUser } from '@makrx/auth';
import {
  errorBody,
  makerspaceCreate,
  makerspacePhotoList,
  makerspacePhotoOrder,
  makerspaceSettings,
  makerspaceSettingsUpdate,
} from '@makrx/contracts';
import type { AuditRequester } from '@makrx/db';
import { notFound, type FastifyPluginAsyncZod } from '@makrx/service-kit';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { publicFilesOf } from '../../file-storage';
import { deletePhoto, MAX_PHOTO_BYTES, photosOf, reorderPhotos, uploadPhoto } from './photos';
import { makerspaceIdOf } from './service';
import {
  createMakerspace,
  makerspaceSettings as settingsOf,
  updateMakerspaceSettings,
  type CurrencyInUse,
} from './settings';

/*
 * Running a makerspace: its admins (permission `makerspace:admin`, held in the makerspace the
 * route names, and everywhere by super admins and MakrCave admins) read and change its settings
 * and photos; super admins and MakrCave admins open new makerspaces. Every change is audited.
 */

const makerspaceSlug = z
  .string()
  .regex(/^[a-z0-9-]+$/)
  .max(120);
const spaceParams = z.object({ makerspaceSlug });
const photoParams = spaceParams.extend({ photoId: z.uuid() });

const runSpace = { access: { permission: 'makerspace:admin' } } as const;
const refusals = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody };
const security = [{ bearer: [] }];
const tags = ['makerspaces'];

const actorOf = (request: FastifyRequest): AuditRequester => ({
  userId: signedInUser(request).userId,
  requestId: request.id,
});

export const makerspaceSettingsRoutes =
  ({ currencyInUse }: { currencyInUse: CurrencyInUse }): FastifyPluginAsyncZod =>
  async (app) => {
    const spaceId = async (slug: string) => {
      const id = await makerspaceIdOf(app.db, slug);
      if (!id) throw notFound(`Makerspace "${slug}"`);
      return id;
    };

    app.post(
      '/makerspaces',
      {
        config: { access: { permission: 'makerspaces:create' } },
        schema: {
          tags,
          security,
          summary: 'Open a new makerspace (its link comes from its name)',
          body: makerspaceCreate,
          response: { 201: makerspaceSettings, ...refusals, 409: errorBody },
        },
      },
      async (request, reply) =>
        reply.code(201).send(await createMakerspace(app.db, request.body, actorOf(request))),
    );

    app.get(
      '/makerspaces/:makerspaceSlug/settings',
      {
        config: runSpace,
        schema: {
          tags,
          security,
          summary:
            'A makerspace’s settings: place, time zone, currency, opening hours, closures, photos',
          params: spaceParams,
          response: { 200: makerspaceSettings, ...refusals },
        },
      },
      async (request) => settingsOf(app.db, await spaceId(request.params.makerspaceSlug)),
    );

    app.patch(
      '/makerspaces/:makerspaceSlug/settings',
      {
        config: runSpace,
        schema: {
          tags,
          security,
          summary:
            'Change a makerspace’s settings (only those sent; closures are replaced whole; the currency only while it has no plans or invoices)',
          params: spaceParams,
          body: makerspaceSettingsUpdate,
          response: { 200: makerspaceSettings, ...refusals, 409: errorBody },
        },
      },
      async (request) =>
        updateMakerspaceSettings(
          app.db,
          await spaceId(request.params.makerspaceSlug),
          request.body,
          actorOf(request),
          currencyInUse,
        ),
    );
  };

/** The admins' photo routes, in their own scope for the photo body parser. */
export const makerspacePhotoAdminRoutes: FastifyPluginAsyncZod = async (app) => {
  const spaceId = async (slug: string) => {
    const id = await makerspaceIdOf(app.db, slug);
    if (!id) throw notFound(`Makerspace "${slug}"`);
    return id;
  };
  // Photos arrive as the raw body; the bytes are judged by what they are, not this header.
  app.addContentTypeParser(
    ['image/png', 'image/jpeg', 'image/webp', 'application/octet-stream'],
    { parseAs: 'buffer', bodyLimit: MAX_PHOTO_BYTES },
    (_r, body, done) => done(null, body),
  );
  const bucket = () => publicFilesOf(app);

  app.get(
    '/makerspaces/:makerspaceSlug/photos',
    {
      config: runSpace,
      schema: {
        tags,
        security,
        summary: 'A makerspace’s photos in the order they are shown',
        params: spaceParams,
        response: { 200: makerspacePhotoList, ...refusals },
      },
    },
    async (request) => ({
      items: await photosOf(app.db, await spaceId(request.params.makerspaceSlug)),
    }),
  );

  app.post(
    '/makerspaces/:makerspaceSlug/photos',
    {
      config: runSpace,
      schema: {
        tags,
        security,
        summary: 'Add a photo (the body: PNG, JPEG or WebP, at most 5 MB; ?alt= describes it)',
        params: spaceParams,
        querystring: z.object({ alt: z.string().trim().max(200).default('') }),
        response: {
          201: makerspacePhotoList,
          ...refusals,
          409: errorBody,
          413: errorBody,
          415: errorBody,
        },
      },
    },
    async (request, reply) => {
      // A body sent as text is judged by its bytes like any other (and refused as no image).
      const body = Buffer.isBuffer(request.body)
        ? request.body
        : Buffer.from(typeof request.body === 'string' ? request.body : '');
      const items = await uploadPhoto(
        app.db,
        bucket(),
        await spaceId(request.params.makerspaceSlug),
        body,
        request.query.alt,
        actorOf(request),
      );
      return reply.code(201).send({ items });
    },
  );

  app.put(
    '/makerspaces/:makerspaceSlug/photos/order',
    {
      config: runSpace,
      schema: {
        tags,
        security,
        summary: 'Put the photos in a new order (naming each once)',
        params: spaceParams,
        body: makerspacePhotoOrder,
        response: { 200: makerspacePhotoList, ...refusals },
      },
    },
    async (request) => ({
      items: await reorderPhotos(
        app.db,
        await spaceId(request.params.makerspaceSlug),
        request.body.photoIds,
        actorOf(request),
      ),
    }),
  );

  app.delete(
    '/makerspaces/:makerspaceSlug/photos/:photoId',
    {
      config: runSpace,
      schema: {
        tags,
        security,
        summary: 'Remove a photo',
        params: photoParams,
        response: { 200: makerspacePhotoList, ...refusals },
      },
    },
    async (request) => ({
      items: await deletePhoto(
        app.db,
        bucket(),
        await spaceId(request.params.makerspaceSlug),
        request.params.photoId,
        actorOf(request),
      ),
    }),
  );
};
