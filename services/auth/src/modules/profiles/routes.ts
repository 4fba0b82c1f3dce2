import { signedInUser } from '@makrx/auth';
import {
  errorBody,
  makerProfile,
  ownProfile,
  profileHandle,
  profileListQuery,
  profilePage,
  profileVisibility,
} from '@makrx/contracts';
import { notFound, type FastifyPluginAsyncZod } from '@makrx/service-kit';
import { z } from 'zod';
import { findProfile, listProfiles, ownProfileOf, setProfileVisibility } from './service';

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
        summary: 'A maker’s public profile',
        params: z.object({ handle: profileHandle }),
        response: { 200: makerProfile, 404: errorBody },
      },
    },
    async (request) => {
      const found = await findProfile(app.db, request.params.handle);
      if (!found) throw notFound(`Maker "${request.params.handle}"`);
      return found;
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
};
