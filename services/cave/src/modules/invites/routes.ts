import { signedInUser } from '@makrx/auth';
import {
  errorBody,
  inviteAccepted,
  inviteCreate,
  inviteValidation,
  makerspaceInvite,
  makerspaceInviteList,
  pendingInvite,
} from '@makrx/contracts';
import type { FastifyPluginAsyncZod } from '@makrx/service-kit';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { mailInvite } from './invite-mail';
import {
  acceptInvite,
  issueInvite,
  listInvites,
  pendingInviteByToken,
  resendInvite,
  revokeInvite,
  type InviteChange,
} from './service';

const spaceParams = z.object({ makerspaceId: z.uuid() });
const inviteParams = spaceParams.extend({ inviteId: z.uuid() });
const errors = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody };

// Inviting is member management (access matrix): the makerspace's own admins, MakrCave admins
// and super admins, judged by the guard in the makerspace the route names.
const read = { access: { feature: 'memberManagement', mode: 'read' } } as const;
const write = { access: { feature: 'memberManagement', mode: 'write' } } as const;

const changeBy = (request: FastifyRequest): InviteChange => ({
  actorId: signedInUser(request).userId,
  requestId: request.id,
});

/** Invite-only membership: admins invite, resend and revoke; the invitee validates. */
export const inviteRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/makerspaces/:makerspaceId/invites',
    {
      config: write,
      schema: {
        tags: ['invites'],
        summary: 'Invite an email to the makerspace with a role; the link is mailed',
        security: [{ bearer: [] }],
        params: spaceParams,
        body: inviteCreate,
        response: { 201: makerspaceInvite, ...errors },
      },
    },
    async (request, reply) => {
      const { invite, mail } = await issueInvite(
        app.db,
        request.params.makerspaceId,
        request.body,
        changeBy(request),
      );
      await mailInvite(app.mailer, app.config.CAVE_URL, mail);
      return reply.code(201).send(invite);
    },
  );

  app.get(
    '/makerspaces/:makerspaceId/invites',
    {
      config: read,
      schema: {
        tags: ['invites'],
        summary: 'The makerspace’s invites: pending, used, expired and revoked',
        security: [{ bearer: [] }],
        params: spaceParams,
        response: { 200: makerspaceInviteList, ...errors },
      },
    },
    async (request) => ({ items: await listInvites(app.db, request.params.makerspaceId) }),
  );

  app.post(
    '/makerspaces/:makerspaceId/invites/:inviteId/resend',
    {
      config: write,
      schema: {
        tags: ['invites'],
        summary: 'Mail the invite again with a new token for 24 hours; the old link dies',
        security: [{ bearer: [] }],
        params: inviteParams,
        response: { 200: makerspaceInvite, 409: errorBody, ...errors },
      },
    },
    async (request) => {
      const { invite, mail } = await resendInvite(app.db, request.params, changeBy(request));
      await mailInvite(app.mailer, app.config.CAVE_URL, mail);
      return invite;
    },
  );

  app.post(
    '/makerspaces/:makerspaceId/invites/:inviteId/revoke',
    {
      config: write,
      schema: {
        tags: ['invites'],
        summary: 'Revoke an invite that has not been accepted',
        security: [{ bearer: [] }],
        params: inviteParams,
        response: { 200: makerspaceInvite, 409: errorBody, ...errors },
      },
    },
    async (request) => revokeInvite(app.db, request.params, changeBy(request)),
  );

  // The identity provider asks whether a sign-up came from a live invite mailed to its address.
  app.post(
    '/invites/inspect',
    {
      config: { access: { serviceClients: ['auth-service'] } },
      schema: {
        tags: ['invites'],
        summary: 'A pending invite by its token: the address it was mailed to, and where it leads',
        security: [{ bearer: [] }],
        body: inviteValidation,
        response: { 200: pendingInvite, 409: errorBody, 410: errorBody, ...errors },
      },
    },
    async (request) => pendingInviteByToken(app.db, request.body.token),
  );

  // Spec 7: the cave app posts the mailed token once the invitee has signed in (or up).
  app.post(
    '/invites/validate',
    {
      config: { access: { feature: 'userProfileManagement', mode: 'write' } },
      schema: {
        tags: ['invites'],
        summary: 'Accept an invite: the signed-in invitee joins its makerspace',
        security: [{ bearer: [] }],
        body: inviteValidation,
        response: {
          200: inviteAccepted,
          409: errorBody,
          410: errorBody,
          ...errors,
        },
      },
    },
    async (request) => {
      const { userId, email } = signedInUser(request);
      return acceptInvite(
        app.db,
        request.body.token,
        { userId, email, requestId: request.id },
        (slug) =>
          new URL(`/makerspaces/${encodeURIComponent(slug)}`, app.config.CAVE_URL).toString(),
      );
    },
  );
};
