import { signedInUser } from '@makrx/auth';
import {
  errorBody,
  makerProfileDetail,
  MAX_AVATAR_BYTES,
  ownProfile,
  profileAvatar,
  profileEdit,
  profileHandle,
  profileListQuery,
  profilePage,
  profileVisibility,
} from '@makrx/contracts';
import { notFound, type FastifyPluginAsyncZod } from '@makrx/service-kit';
import { sendPublicImage } from '@makrx/storage';
import { z } from 'zod';
import { publicFilesOf } from './avatar-storage';
import { removeAvatar, replaceAvatar } from './avatars';
import { makerspacesOfMaker } from './makerspaces';
import {
  editProfile,
  findProfile,
  listProfiles,
  ownProfileOf,
  setProfileVisibility,
} from './service';

const refusals = { 400: errorBody, 401: errorBody, 403: errorBody };

export const profileRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/profiles',
    {
      config: { access: { feature: 'makerProfiles', mode: 'read' } },
      schema: {
        tags: ['profiles'],
        summary: 'Public maker profiles; featured=true for the spotlight',
        querystring: profileListQuery,
        response: { 200: profilePage, 400: errorBody },
      },
    },
    async (request) => listProfiles(app.db, request.query),
  );

  app.get(
    '/profiles/:handle',
    {
      config: { access: { feature: 'makerProfiles', mode: 'read' } },
      schema: {
        tags: ['profiles'],
        summary: 'A maker’s public profile, with the makerspaces they belong to',
        params: z.object({ handle: profileHandle }),
        response: { 200: makerProfileDetail, 404: errorBody },
      },
    },
    async (request) => {
      const found = await findProfile(app.db, request.params.handle);
      if (!found) throw notFound(`Maker "${request.params.handle}"`);
      return { ...found, makerspaces: await makerspacesOfMaker(app, found.userId) };
    },
  );

  app.get(
    '/me/profile',
    {
      config: { access: { feature: 'userProfileManagement', mode: 'read' } },
      schema: {
        tags: ['profiles'],
        summary: 'Your own profile’s handle, name and whether it is public',
        response: { 200: ownProfile, 401: errorBody, 403: errorBody, 404: errorBody },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return ownProfileOf(app.db, signedInUser(request).userId);
    },
  );

  app.put(
    '/me/profile/visibility',
    {
      config: { access: { feature: 'userProfileManagement', mode: 'write' } },
      schema: {
        tags: ['profiles'],
        summary: 'Make your profile public (listed among the makers) or private again',
        body: profileVisibility,
        response: { 200: profileVisibility, 400: errorBody, 401: errorBody, 403: errorBody },
      },
    },
    async (request) =>
      setProfileVisibility(app.db, signedInUser(request).userId, request.body.public, request.id),
  );

  app.patch(
    '/me/profile',
    {
      config: { access: { feature: 'userProfileManagement', mode: 'write' } },
      schema: {
        tags: ['profiles'],
        summary:
          'Edit your profile: name, headline, bio (Markdown), city, skills, links; fields left out stay',
        body: profileEdit,
        response: { 200: ownProfile, ...refusals, 404: errorBody },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return editProfile(app.db, signedInUser(request).userId, request.body, request.id);
    },
  );

  await app.register(avatarRoutes);
};

/** Your picture: its bytes are the body, so these parse image bodies in a scope of their own. */
const avatarRoutes: FastifyPluginAsyncZod = async (app) => {
  // Judged by the bytes, never by this header; anything else is refused 415 by Fastify.
  app.addContentTypeParser(
    ['image/png', 'image/jpeg', 'image/webp', 'application/octet-stream'],
    { parseAs: 'buffer', bodyLimit: MAX_AVATAR_BYTES },
    (_request, body, done) => done(null, body),
  );

  app.put(
    '/me/profile/avatar',
    {
      config: { access: { feature: 'userProfileManagement', mode: 'write' } },
      schema: {
        tags: ['profiles'],
        summary: 'Replace your picture (the body: PNG, JPEG or WebP, at most 5 MB), kept square',
        response: { 200: profileAvatar, ...refusals, 413: errorBody, 415: errorBody },
      },
    },
    async (request) => {
      // A body sent as text is judged by its bytes like any other (and refused as no picture).
      const bytes = Buffer.isBuffer(request.body)
        ? request.body
        : Buffer.from(typeof request.body === 'string' ? request.body : '');
      return replaceAvatar(
        app.db,
        publicFilesOf(app),
        signedInUser(request).userId,
        bytes,
        request.id,
      );
    },
  );

  app.delete(
    '/me/profile/avatar',
    {
      config: { access: { feature: 'userProfileManagement', mode: 'write' } },
      schema: {
        tags: ['profiles'],
        summary: 'Remove your picture; your initials are shown instead',
        response: { 204: z.null(), ...refusals },
      },
    },
    async (request, reply) => {
      await removeAvatar(app.db, publicFilesOf(app), signedInUser(request).userId, request.id);
      return reply.code(204).send(null);
    },
  );
};

/**
 * Makers' pictures, public like the profiles that show them: streamed from the public bucket and
 * cached for a year, since a picture's key never changes content (a new one gets a new key).
 */
export const avatarFileRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/avatars/:userId/:file',
    {
      config: { access: 'public' },
      schema: {
        hide: true,
        params: z.object({
          userId: z.uuid(),
          file: z.string().regex(/^[0-9a-f-]{36}-(512|128)\.webp$/),
        }),
      },
    },
    async (request, reply) => {
      const { userId, file } = request.params;
      const found = await publicFilesOf(app).get(`avatars/${userId}/${file}`);
      if (!found) throw notFound('Picture');
      return sendPublicImage(reply, found);
    },
  );
};
