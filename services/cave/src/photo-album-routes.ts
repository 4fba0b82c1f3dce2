import { signedInUser } from '@makrx/auth';
import { errorBody, photoList, photoOrder } from '@makrx/contracts';
import type { RouteAccess } from '@makrx/auth';
import { notFound, type FastifyPluginAsyncZod } from '@makrx/service-kit';
import { sendPublicImage } from '@makrx/storage';
import type { FastifyContextConfig, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { publicFilesOf } from './file-storage';
import {
  deletePhoto,
  MAX_PHOTO_BYTES,
  photosOf,
  reorderPhotos,
  uploadPhoto,
  type PhotoAlbum,
} from './photo-albums';

/** Where an album's routes hang and who may change it; the module says what the owner is. */
export interface PhotoAlbumRouteOptions {
  album: PhotoAlbum;
  /** The owner's path, e.g. `/makerspaces/:makerspaceSlug/equipment/:equipmentSlug`. */
  path: string;
  params: z.ZodObject<Record<string, z.ZodType<string>>>;
  /** Who may list and change the photos (read by everyone who may see the owner's page). */
  access: RouteAccess;
  /**
   * More of the routes' config, for reading (the list) and for changing: a project's album
   * lets anyone who may see the project list it and only its editors change it.
   */
  config?: { read?: FastifyContextConfig; write?: FastifyContextConfig };
  tags: string[];
  /** Said in the docs: "a makerspace’s", "a machine’s". */
  whose: string;
  /** The owner's id from the route's parameters (or request); a 404 when there is none. */
  ownerOf: (params: Record<string, string>, request: FastifyRequest) => Promise<string>;
}

const refusals = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody };
const security = [{ bearer: [] }];

/**
 * An album's admin routes: list, add (the photo's bytes are the body), reorder and remove.
 * Registered in a scope of their own, since they parse image bodies.
 */
export const photoAlbumRoutes: FastifyPluginAsyncZod<PhotoAlbumRouteOptions> = async (
  app,
  { album, path, params, access, config: more = {}, tags, whose, ownerOf },
) => {
  const readConfig = { access, ...more.read };
  const config = { access, ...more.write };
  const photoParams = params.extend({ photoId: z.uuid() });
  const ownerIdOf = (request: FastifyRequest) =>
    ownerOf(request.params as Record<string, string>, request);
  const actorOf = (request: FastifyRequest) => ({
    userId: signedInUser(request).userId,
    requestId: request.id,
  });
  // Photos arrive as the raw body; the bytes are judged by what they are, not this header.
  app.addContentTypeParser(
    ['image/png', 'image/jpeg', 'image/webp', 'application/octet-stream'],
    { parseAs: 'buffer', bodyLimit: MAX_PHOTO_BYTES },
    (_r, body, done) => done(null, body),
  );
  const bucket = () => publicFilesOf(app);

  app.get(
    `${path}/photos`,
    {
      config: readConfig,
      schema: {
        tags,
        security,
        summary: `${whose} photos in the order they are shown`,
        params,
        response: { 200: photoList, ...refusals },
      },
    },
    async (request) => ({ items: await photosOf(app.db, album, await ownerIdOf(request)) }),
  );

  app.post(
    `${path}/photos`,
    {
      config,
      schema: {
        tags,
        security,
        summary: `Add a photo to ${whose} (the body: PNG, JPEG or WebP, at most 5 MB; ?alt= describes it)`,
        params,
        querystring: z.object({ alt: z.string().trim().max(200).default('') }),
        response: {
          201: photoList,
          ...refusals,
          409: errorBody,
          413: errorBody,
          415: errorBody,
        },
      },
    },
    async (request, reply) => {
      // A body sent as text is judged by its bytes like any other (and refused as no image).
      const bytes = Buffer.isBuffer(request.body)
        ? request.body
        : Buffer.from(typeof request.body === 'string' ? request.body : '');
      const items = await uploadPhoto(
        app.db,
        bucket(),
        album,
        await ownerIdOf(request),
        { bytes, alt: request.query.alt },
        actorOf(request),
      );
      return reply.code(201).send({ items });
    },
  );

  app.put(
    `${path}/photos/order`,
    {
      config,
      schema: {
        tags,
        security,
        summary: `Put ${whose} photos in a new order (naming each once)`,
        params,
        body: photoOrder,
        response: { 200: photoList, ...refusals },
      },
    },
    async (request) => ({
      items: await reorderPhotos(
        app.db,
        album,
        await ownerIdOf(request),
        request.body.photoIds,
        actorOf(request),
      ),
    }),
  );

  app.delete(
    `${path}/photos/:photoId`,
    {
      config,
      schema: {
        tags,
        security,
        summary: `Remove one of ${whose} photos`,
        params: photoParams,
        response: { 200: photoList, ...refusals },
      },
    },
    async (request) => ({
      items: await deletePhoto(
        app.db,
        bucket(),
        album,
        await ownerIdOf(request),
        (request.params as { photoId: string }).photoId,
        actorOf(request),
      ),
    }),
  );
};

/**
 * An album's files, public like the pages that show them (as the store's product images,
 * decision 0006): streamed from the public bucket, cached for a year, since a photo's key never
 * changes content. Register with the prefix `/media/<album folder>`.
 */
export const photoFileRoutes: FastifyPluginAsyncZod<{ folder: string }> = async (
  app,
  { folder },
) => {
  app.get(
    '/:ownerId/:file',
    {
      config: { access: 'public' },
      schema: {
        hide: true,
        params: z.object({
          ownerId: z.uuid(),
          file: z.string().regex(/^[0-9a-f-]{36}\.(png|jpg|webp)$/),
        }),
      },
    },
    async (request, reply) => {
      const { ownerId, file } = request.params;
      const found = await publicFilesOf(app).get(`${folder}/${ownerId}/${file}`);
      if (!found) throw notFound('Photo');
      return sendPublicImage(reply, found);
    },
  );
};
