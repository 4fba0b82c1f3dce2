import { signedInUser } from '@makrx/auth';
import {
  collaboratorInvitation,
  collaboratorRoleChange,
  errorBody,
  projectCollaboratorList,
  projectInvitationList,
  projectSlug,
  userHandle,
} from '@makrx/contracts';
import type { FastifyPluginAsyncZod } from '@makrx/service-kit';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import {
  answerInvitation,
  changeCollaboratorRole,
  collaboratorsOf,
  inviteCollaborator,
  pendingInvitations,
  removeCollaborator,
} from './collaborators';
import { COLLABORATION_FLAG, projectOf } from './project-access';

const flag = COLLABORATION_FLAG;
const read = { feature: 'projectManagement', mode: 'read' } as const;
const write = { feature: 'projectManagement', mode: 'write' } as const;
const security = [{ bearer: [] }];
const refusals = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody };
const params = z.object({ projectSlug });
const personParams = params.extend({ handle: userHandle });

const actorOf = (request: FastifyRequest) => ({
  userId: signedInUser(request).userId,
  requestId: request.id,
});

/**
 * Collaborators, while ENABLE_PROJECT_COLLABORATION is on for the caller (404 FEATURE_DISABLED
 * otherwise): the owner's list and changes, and the invitee's answers.
 */
export const collaboratorRoutes: FastifyPluginAsyncZod = async (app) => {
  const listOf = async (request: FastifyRequest) => ({
    items: await collaboratorsOf(app.db, projectOf(request).id),
  });

  app.get(
    '/projects/:projectSlug/collaborators',
    {
      config: { access: read, flag, projectRole: 'owner' },
      schema: {
        tags: ['projects'],
        security,
        summary: 'A project’s collaborators and invitees (its owner)',
        params,
        response: { 200: projectCollaboratorList, ...refusals },
      },
    },
    listOf,
  );

  app.post(
    '/projects/:projectSlug/collaborators',
    {
      config: { access: write, flag, projectRole: 'owner' },
      schema: {
        tags: ['projects'],
        security,
        summary: 'Invite someone by handle as an editor or viewer (its owner)',
        params,
        body: collaboratorInvitation,
        response: { 201: projectCollaboratorList, ...refusals, 409: errorBody, 422: errorBody },
      },
    },
    async (request, reply) => {
      const project = projectOf(request);
      const link = new URL(
        `/projects/${encodeURIComponent(project.slug)}`,
        app.config.CAVE_URL,
      ).toString();
      await inviteCollaborator(app.db, project, request.body, actorOf(request), link);
      return reply.code(201).send(await listOf(request));
    },
  );

  app.patch(
    '/projects/:projectSlug/collaborators/:handle',
    {
      config: { access: write, flag, projectRole: 'owner' },
      schema: {
        tags: ['projects'],
        security,
        summary: 'Change a collaborator’s role (its owner)',
        params: personParams,
        body: collaboratorRoleChange,
        response: { 200: projectCollaboratorList, ...refusals, 422: errorBody },
      },
    },
    async (request) => {
      const { handle } = request.params;
      await changeCollaboratorRole(
        app.db,
        projectOf(request),
        handle,
        request.body.role,
        actorOf(request),
      );
      return listOf(request);
    },
  );

  app.delete(
    '/projects/:projectSlug/collaborators/:handle',
    {
      config: { access: write, flag, projectRole: 'owner' },
      schema: {
        tags: ['projects'],
        security,
        summary: 'Remove a collaborator or withdraw an invitation (its owner)',
        params: personParams,
        response: { 200: projectCollaboratorList, ...refusals, 422: errorBody },
      },
    },
    async (request) => {
      await removeCollaborator(app.db, projectOf(request), request.params.handle, actorOf(request));
      return listOf(request);
    },
  );

  app.get(
    '/me/project-invitations',
    {
      config: { access: read, flag },
      schema: {
        tags: ['projects'],
        security,
        summary: 'Invitations to projects waiting for my answer',
        response: { 200: projectInvitationList, 401: errorBody, 403: errorBody, 404: errorBody },
      },
    },
    async (request) => ({ items: await pendingInvitations(app.db, signedInUser(request).userId) }),
  );

  for (const [answer, accept] of [
    ['accept', true],
    ['decline', false],
  ] as const) {
    app.post(
      `/me/project-invitations/:projectSlug/${answer}`,
      {
        // The invitee holds no role on the project yet: the invitation itself is the check.
        config: { access: write, flag },
        schema: {
          tags: ['projects'],
          security,
          summary: accept ? 'Accept an invitation to a project' : 'Decline an invitation',
          params,
          response: { 204: z.null(), ...refusals },
        },
      },
      async (request, reply) => {
        await answerInvitation(
          app.db,
          request.params.projectSlug,
          signedInUser(request).userId,
          accept,
        );
        return reply.code(204).send(null);
      },
    );
  }
};
