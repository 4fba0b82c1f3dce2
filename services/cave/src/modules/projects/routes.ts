import { signedInUser } from '@makrx/auth';
import {
  descriptionPreview,
  descriptionPreviewRequest,
  errorBody,
  myProjectList,
  newProject,
  project,
  projectActivityList,
  projectChange,
  projectListQuery,
  projectPage,
  projectSlug,
  projectVisibilityChange,
} from '@makrx/contracts';
import { notFound, type FastifyPluginAsyncZod } from '@makrx/service-kit';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import {
  changeProject,
  changeProjectVisibility,
  createProject,
  deleteProject,
  type ProjectActor,
} from './manage';
import { renderDescription } from './markdown';
import { callerRoleOn, COLLABORATION_FLAG, projectOf } from './project-access';
import { privateFilesOf, publicFilesOf } from '../../file-storage';
import { findProject, listPublicProjects, myProjects, projectActivityOf } from './service';

const write = { feature: 'projectManagement', mode: 'write' } as const;
const read = { feature: 'projectManagement', mode: 'read' } as const;
const security = [{ bearer: [] }];
const refusals = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody };
const params = z.object({ projectSlug });

const actorOf = (request: FastifyRequest): ProjectActor => ({
  userId: signedInUser(request).userId,
  requestId: request.id,
});

/** One project as the caller may see it, or 404 (a private one looks like a missing one). */
async function projectFor(app: FastifyInstance, request: FastifyRequest, slug: string) {
  const found = await findProject(app.db, slug, (p) => callerRoleOn(app, p, request));
  if (!found) throw notFound(`Project "${slug}"`);
  return found;
}

export const projectRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/projects',
    {
      config: { access: 'public' },
      schema: {
        tags: ['projects'],
        summary: 'Public projects, most recently updated first (a tag page with ?tag=)',
        querystring: projectListQuery,
        response: { 200: projectPage, 400: errorBody },
      },
    },
    async (request) => listPublicProjects(app.db, request.query),
  );

  app.get(
    '/projects/:slug',
    {
      config: { access: 'public' },
      schema: {
        tags: ['projects'],
        summary: 'One project: public, or private to its owner and collaborators',
        params: z.object({ slug: projectSlug }),
        response: { 200: project, 400: errorBody, 404: errorBody },
      },
    },
    async (request) => projectFor(app, request, request.params.slug),
  );

  app.get(
    '/projects/:projectSlug/activity',
    {
      config: { access: 'public', projectRole: 'viewer' },
      schema: {
        tags: ['projects'],
        summary: 'What happened to a project and by whom, newest first',
        params,
        response: { 200: projectActivityList, 400: errorBody, 404: errorBody },
      },
    },
    async (request) => ({ items: await projectActivityOf(app.db, projectOf(request).id) }),
  );

  app.get(
    '/me/projects',
    {
      config: { access: read },
      schema: {
        tags: ['projects'],
        security,
        summary: 'The projects I own or collaborate on, with my role on each',
        response: { 200: myProjectList, 401: errorBody, 403: errorBody },
      },
    },
    async (request) => {
      const caller = signedInUser(request);
      const collaborating = await app.flags.isOn(COLLABORATION_FLAG, {
        userId: caller.userId,
        roles: caller.realmRoles,
      });
      return { items: await myProjects(app.db, caller.userId, collaborating) };
    },
  );

  app.post(
    '/projects',
    {
      config: { access: write },
      schema: {
        tags: ['projects'],
        security,
        summary: 'Start a project (private unless made public); its slug comes from the title',
        body: newProject,
        response: { 201: project, ...refusals, 422: errorBody },
      },
    },
    async (request, reply) => {
      const slug = await createProject(app.db, request.body, actorOf(request));
      return reply.code(201).send(await projectFor(app, request, slug));
    },
  );

  app.post(
    '/projects/description-preview',
    {
      config: { access: write },
      schema: {
        tags: ['projects'],
        security,
        summary: 'A description rendered and sanitized as a project page will show it',
        body: descriptionPreviewRequest,
        response: { 200: descriptionPreview, 400: errorBody, 401: errorBody, 403: errorBody },
      },
    },
    async (request) => ({ descriptionHtml: renderDescription(request.body.description) }),
  );

  app.patch(
    '/projects/:projectSlug',
    {
      config: { access: write, projectRole: 'editor' },
      schema: {
        tags: ['projects'],
        security,
        summary: 'Change what a project says, its status or makerspace (its editors and owner)',
        params,
        body: projectChange,
        response: { 200: project, ...refusals, 422: errorBody },
      },
    },
    async (request) => {
      const target = projectOf(request);
      await changeProject(app.db, target, request.body, actorOf(request));
      return projectFor(app, request, target.slug);
    },
  );

  app.put(
    '/projects/:projectSlug/visibility',
    {
      config: { access: write, projectRole: 'owner' },
      schema: {
        tags: ['projects'],
        security,
        summary: 'Make a project public or private (its owner only)',
        params,
        body: projectVisibilityChange,
        response: { 200: project, ...refusals },
      },
    },
    async (request) => {
      const target = projectOf(request);
      await changeProjectVisibility(app.db, target, request.body.visibility, actorOf(request));
      return projectFor(app, request, target.slug);
    },
  );

  app.delete(
    '/projects/:projectSlug',
    {
      config: { access: write, projectRole: 'owner' },
      schema: {
        tags: ['projects'],
        security,
        summary: 'Delete a project and everything in it (its owner only)',
        params,
        response: { 204: z.null(), ...refusals },
      },
    },
    async (request, reply) => {
      await deleteProject(
        app.db,
        { photos: publicFilesOf(app), files: privateFilesOf(app) },
        projectOf(request),
        actorOf(request),
      );
      return reply.code(204).send(null);
    },
  );
};
