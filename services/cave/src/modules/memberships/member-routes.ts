import { signedInUser } from '@makrx/auth';
import {
  errorBody,
  makerspaceMember,
  makerspaceMemberList,
  memberRoleChange,
} from '@makrx/contracts';
import type { FastifyPluginAsyncZod } from '@makrx/service-kit';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import {
  changeMemberRole,
  listMembers,
  reinstateMember,
  removeMember,
  suspendMember,
  type MemberChange,
} from './service';

const spaceParams = z.object({ makerspaceId: z.uuid() });
const memberParams = spaceParams.extend({ userId: z.uuid() });
const errors = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody };

// Member management (access matrix): the makerspace's own admins, MakrCave admins and super
// admins. The guard judges the caller's roles in the makerspace the route names; anyone who
// belongs only to other makerspaces is told it is not there.
const read = { access: { feature: 'memberManagement', mode: 'read' } } as const;
const write = { access: { feature: 'memberManagement', mode: 'write' } } as const;

const changeBy = (request: FastifyRequest): MemberChange => ({
  actorId: signedInUser(request).userId,
  requestId: request.id,
});

/** A makerspace's members as its admins manage them (Member → Admin → Removed). */
export const memberRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/makerspaces/:makerspaceId/members',
    {
      config: read,
      schema: {
        tags: ['members'],
        summary: 'The makerspace’s members, their roles and whether they are suspended',
        security: [{ bearer: [] }],
        params: spaceParams,
        response: { 200: makerspaceMemberList, ...errors },
      },
    },
    async (request) => ({ items: await listMembers(app.db, request.params.makerspaceId) }),
  );

  app.put(
    '/makerspaces/:makerspaceId/members/:userId/role',
    {
      config: write,
      schema: {
        tags: ['members'],
        summary: 'Promote or demote a member (never the last admin)',
        security: [{ bearer: [] }],
        params: memberParams,
        body: memberRoleChange,
        response: { 200: makerspaceMember, 409: errorBody, ...errors },
      },
    },
    async (request) =>
      changeMemberRole(app.db, request.params, request.body.role, changeBy(request)),
  );

  app.post(
    '/makerspaces/:makerspaceId/members/:userId/suspend',
    {
      config: write,
      schema: {
        tags: ['members'],
        summary: 'Suspend a member: they hold no role there until reinstated',
        security: [{ bearer: [] }],
        params: memberParams,
        response: { 200: makerspaceMember, 409: errorBody, ...errors },
      },
    },
    async (request) => suspendMember(app.db, request.params, changeBy(request)),
  );

  app.post(
    '/makerspaces/:makerspaceId/members/:userId/reinstate',
    {
      config: write,
      schema: {
        tags: ['members'],
        summary: 'Reinstate a suspended member',
        security: [{ bearer: [] }],
        params: memberParams,
        response: { 200: makerspaceMember, ...errors },
      },
    },
    async (request) => reinstateMember(app.db, request.params, changeBy(request)),
  );

  app.delete(
    '/makerspaces/:makerspaceId/members/:userId',
    {
      config: write,
      schema: {
        tags: ['members'],
        summary: 'Remove a member; coming back takes a new invite',
        security: [{ bearer: [] }],
        params: memberParams,
        response: { 204: z.null(), 409: errorBody, ...errors },
      },
    },
    async (request, reply) => {
      await removeMember(app.db, request.params, changeBy(request));
      return reply.code(204).send(null);
    },
  );
};
