import { signedInUser } from '@makrx/auth';
import {
  activityRecorded,
  activityReport,
  activityWithdrawn,
  communityMembers,
  communityMembersQuery,
  communityRoleFilter,
  errorBody,
  feedPage,
  feedQuery,
  followMakerParams,
  followMakerspaceParams,
  followState,
  makerFollowSummary as makerFollowSummaryBody,
  makerspaceMembersParams,
  myFollows,
} from '@makrx/contracts';
import type { FastifyPluginAsyncZod } from '@makrx/service-kit';
import { z } from 'zod';
import { makerspaceFromCave, membersDirectory } from './members';
import {
  COMMUNITY_FLAG,
  feedOf,
  followMaker,
  followMakerspace,
  followsOf,
  makerFollowSummary,
  recordActivity,
  unfollowMaker,
  unfollowMakerspace,
  withdrawProjectActivity,
} from './service';

const flag = COMMUNITY_FLAG;
const tags = ['community'];
const security = [{ bearer: [] }];
const errors = {
  400: errorBody,
  401: errorBody,
  403: errorBody,
  404: errorBody,
  413: errorBody,
  422: errorBody,
};
const follow = { access: { feature: 'communityFeatures', mode: 'write' }, flag } as const;
const own = { access: { feature: 'userProfileManagement', mode: 'read' }, flag } as const;
const fromCave = { access: { serviceClients: ['makrcave-backend'] }, flag } as const;

/** Follows, the feed and the members directory of MakrX.org (ENABLE_COMMUNITY_FEATURES). */
export const communityRoutes: FastifyPluginAsyncZod = async (app) => {
  app.put(
    '/me/follows/makers/:handle',
    {
      config: follow,
      schema: {
        tags,
        security,
        summary: 'Follow a maker with a public profile (again: nothing changes)',
        params: followMakerParams,
        response: { 200: followState, ...errors },
      },
    },
    async (request) => followMaker(app.db, signedInUser(request).userId, request.params.handle),
  );

  app.delete(
    '/me/follows/makers/:handle',
    {
      config: follow,
      schema: {
        tags,
        security,
        summary: 'Stop following a maker (again: nothing changes)',
        params: followMakerParams,
        response: { 200: followState, ...errors },
      },
    },
    async (request) => unfollowMaker(app.db, signedInUser(request).userId, request.params.handle),
  );

  app.put(
    '/me/follows/makerspaces/:makerspaceSlug',
    {
      config: follow,
      schema: {
        tags,
        security,
        summary: 'Follow a makerspace: its members’ public projects join your feed',
        params: followMakerspaceParams,
        response: { 200: followState, ...errors, 502: errorBody },
      },
    },
    async (request) =>
      followMakerspace(
        app.db,
        signedInUser(request).userId,
        await makerspaceFromCave(app, request.params.makerspaceSlug),
      ),
  );

  app.delete(
    '/me/follows/makerspaces/:makerspaceSlug',
    {
      config: follow,
      schema: {
        tags,
        security,
        summary: 'Stop following a makerspace',
        params: followMakerspaceParams,
        response: { 200: followState, ...errors, 502: errorBody },
      },
    },
    async (request) =>
      unfollowMakerspace(
        app.db,
        signedInUser(request).userId,
        await makerspaceFromCave(app, request.params.makerspaceSlug),
      ),
  );

  app.get(
    '/me/follows',
    {
      config: own,
      schema: {
        tags,
        security,
        summary: 'The makers and makerspaces you follow, newest first',
        response: { 200: myFollows, ...errors },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return followsOf(app.db, signedInUser(request).userId);
    },
  );

  app.get(
    '/community/makers/:handle/followers',
    {
      config: { access: { feature: 'communityFeatures', mode: 'read' }, flag },
      schema: {
        tags,
        summary: 'How many follow a public profile, and whether you do',
        params: followMakerParams,
        response: { 200: makerFollowSummaryBody, 400: errorBody, 404: errorBody },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      const viewer = request.caller?.kind === 'user' ? request.caller.userId : undefined;
      return makerFollowSummary(app.db, request.params.handle, viewer);
    },
  );

  app.get(
    '/me/feed',
    {
      config: own,
      schema: {
        tags,
        security,
        summary: 'Public activity of the makers and makerspaces you follow, newest first',
        querystring: feedQuery,
        response: { 200: feedPage, ...errors },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return feedOf(app.db, signedInUser(request).userId, request.query);
    },
  );

  // Spec section 7, MakrCave → MakrX.org: the cave reports its makers' public activity.
  app.post(
    '/community/activity',
    {
      config: fromCave,
      bodyLimit: 16 * 1024,
      schema: {
        tags: ['integration'],
        summary: 'Record a maker’s public activity once per activity id',
        body: activityReport,
        response: { 200: activityRecorded, ...errors },
      },
    },
    async (request) => recordActivity(app.db, request.body),
  );

  app.delete(
    '/community/activity/projects/:projectId',
    {
      config: fromCave,
      schema: {
        tags: ['integration'],
        summary: 'Remove a project’s activity: it was made private or deleted',
        params: z.object({ projectId: z.uuid() }),
        response: { 200: activityWithdrawn, ...errors },
      },
    },
    async (request) => withdrawProjectActivity(app.db, request.params.projectId),
  );

  // Spec section 7: MakrCave asks for a makerspace's members with their public profile info.
  app.get(
    '/community/members',
    {
      config: fromCave,
      schema: {
        tags: ['integration'],
        summary: 'A makerspace’s members with public profiles (private ones counted only)',
        querystring: communityMembersQuery,
        response: { 200: communityMembers, ...errors, 502: errorBody },
      },
    },
    async (request) =>
      membersDirectory(app, request.query.makerspace_id, request.query.role_filter),
  );

  // The same directory for the makerspace's own people, signed in at MakrX.org.
  app.get(
    '/makerspaces/:makerspaceSlug/community-members',
    {
      config: { access: { permission: 'makerspace:members:read' }, flag },
      schema: {
        tags,
        security,
        summary: 'Your makerspace’s members with public profiles (private ones counted only)',
        params: makerspaceMembersParams,
        querystring: z.object({ role_filter: communityRoleFilter.optional() }),
        response: { 200: communityMembers, ...errors, 502: errorBody },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return membersDirectory(app, request.params.makerspaceSlug, request.query.role_filter);
    },
  );
};
