import { signedInUser } from '@makrx/auth';
import { errorBody, projectFileLink, projectFileList, projectSlug } from '@makrx/contracts';
import type { FastifyPluginAsyncZod } from '@makrx/service-kit';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { privateFilesOf } from '../../file-storage';
import {
  addProjectFile,
  downloadLink,
  filesOf,
  MAX_PROJECT_FILE_BYTES,
  removeProjectFile,
} from './files';
import { projectOf } from './project-access';

const write = { feature: 'projectManagement', mode: 'write' } as const;
const security = [{ bearer: [] }];
const refusals = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody };
const params = z.object({ projectSlug });
const fileParams = params.extend({ fileId: z.uuid() });

const actorOf = (request: FastifyRequest) => ({
  userId: signedInUser(request).userId,
  requestId: request.id,
});

/**
 * A project's files: anyone who may see the project lists and downloads them (by a signed
 * link); its editors add and remove them. A scope of its own, for the raw upload body.
 */
export const projectFileRoutes: FastifyPluginAsyncZod = async (app) => {
  // The file's bytes are the body; what they are is judged from them and the name.
  app.addContentTypeParser(
    '*',
    { parseAs: 'buffer', bodyLimit: MAX_PROJECT_FILE_BYTES },
    (_r, body, done) => done(null, body),
  );
  const bucket = () => privateFilesOf(app);
  const listOf = async (request: FastifyRequest) => ({
    items: await filesOf(app.db, projectOf(request).id),
  });

  app.get(
    '/projects/:projectSlug/files',
    {
      config: { access: 'public', projectRole: 'viewer' },
      schema: {
        tags: ['projects'],
        summary: 'A project’s files, newest first',
        params,
        response: { 200: projectFileList, 400: errorBody, 404: errorBody },
      },
    },
    listOf,
  );

  app.post(
    '/projects/:projectSlug/files',
    {
      config: { access: write, projectRole: 'editor' },
      schema: {
        tags: ['projects'],
        security,
        summary:
          'Add a file (the body: its bytes, at most 50 MB; ?name= its file name, whose extension says what it is)',
        params,
        querystring: z.object({
          name: z
            .string()
            .trim()
            .min(3)
            .max(200)
            .refine(
              (name) =>
                /^[^/\\<>:"|?*]+\.[A-Za-z0-9]+$/.test(name) &&
                [...name].every((c) => c.charCodeAt(0) >= 32),
              'a file name with an extension',
            ),
        }),
        response: {
          201: projectFileList,
          ...refusals,
          409: errorBody,
          413: errorBody,
          415: errorBody,
        },
      },
    },
    async (request, reply) => {
      const bytes = Buffer.isBuffer(request.body)
        ? request.body
        : Buffer.from(typeof request.body === 'string' ? request.body : '');
      await addProjectFile(
        app.db,
        bucket(),
        projectOf(request).id,
        { name: request.query.name, bytes },
        actorOf(request),
      );
      return reply.code(201).send(await listOf(request));
    },
  );

  app.delete(
    '/projects/:projectSlug/files/:fileId',
    {
      config: { access: write, projectRole: 'editor' },
      schema: {
        tags: ['projects'],
        security,
        summary: 'Remove a file from a project',
        params: fileParams,
        response: { 200: projectFileList, ...refusals },
      },
    },
    async (request) => {
      await removeProjectFile(
        app.db,
        bucket(),
        projectOf(request).id,
        request.params.fileId,
        actorOf(request),
      );
      return listOf(request);
    },
  );

  app.get(
    '/projects/:projectSlug/files/:fileId/link',
    {
      config: { access: 'public', projectRole: 'viewer' },
      schema: {
        tags: ['projects'],
        summary: 'A link that downloads the file for the next five minutes',
        params: fileParams,
        response: { 200: projectFileLink, 400: errorBody, 404: errorBody },
      },
    },
    async (request) => downloadLink(app.db, bucket(), projectOf(request).id, request.params.fileId),
  );
};
