import { signedInUser } from '@makrx/auth';
import { errorBody, modelUpload, type ErrorBody, type ErrorCode } from '@makrx/contracts';
import { notFound, type FastifyPluginAsyncZod } from '@makrx/service-kit';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { NodeRequest } from 'srvx/node';
import { z } from 'zod';
import { storeConfigOf } from '../../config';
import { findOwnModelUpload } from './service';
import { basicUploadCheck, type AnalyseUpload } from './upload-checks';
import { createModelUploadServer } from './upload-server';

/** Every signed-in role may upload (access matrix "Upload files for quotes"); guests may not. */
const uploading = { feature: 'uploadFilesForQuotes', mode: 'write' } as const;
const reading = { feature: 'uploadFilesForQuotes', mode: 'read' } as const;
const FLAG = 'ENABLE_STL_UPLOAD';

/**
 * Customers' 3D model uploads: a tus endpoint (resumable after a dropped connection) and the
 * finished uploads by id. `analyse` is the model check run on each finished file; the basic
 * check until the mesh analysis is plugged in.
 */
export const modelUploadRoutes =
  (analyse: AnalyseUpload = basicUploadCheck): FastifyPluginAsyncZod =>
  async (app) => {
    const config = storeConfigOf(app.config);
    const uploaders = new WeakMap<object, string>();
    const { tus } = createModelUploadServer({
      config,
      db: app.db,
      log: app.log,
      analyse,
      uploaderOf: (request) => uploaders.get(request),
    });

    // tus reads PATCH bodies itself, as they stream in; Fastify must leave them unread.
    app.addContentTypeParser('application/offset+octet-stream', (_request, _payload, done) =>
      done(null),
    );

    const handleTus = async (request: FastifyRequest, reply: FastifyReply) => {
      uploaders.set(request.raw, signedInUser(request).userId);
      const response = await tus.handleWeb(new NodeRequest({ req: request.raw, res: reply.raw }));
      return sendTusResponse(reply, response, config.MODEL_UPLOAD_MAX_BYTES);
    };
    const tusSchema = {
      tags: ['model-uploads'],
      description:
        'The tus 1.0 protocol (creation, termination, expiration): a client such as tus-js-client ' +
        'speaks it. Allowed: .stl, .obj, .3mf (Upload-Metadata `filename`), at most ' +
        'MODEL_UPLOAD_MAX_BYTES. A refused file answers with the error body and is not kept.',
    };

    app.post(
      '/model-uploads/tus',
      {
        config: { access: uploading, flag: FLAG },
        schema: { ...tusSchema, summary: 'Start a resumable 3D model upload (tus creation)' },
      },
      handleTus,
    );
    app.route({
      method: ['HEAD', 'PATCH', 'DELETE'],
      url: '/model-uploads/tus/:uploadId',
      config: { access: uploading, flag: FLAG },
      schema: {
        ...tusSchema,
        summary:
          'Resume (HEAD: where to go on; PATCH: the next bytes) or abandon (DELETE) an upload',
        params: z.object({ uploadId: z.uuid() }),
      },
      handler: handleTus,
    });

    app.get(
      '/model-uploads/:id',
      {
        config: { access: reading, flag: FLAG },
        schema: {
          tags: ['model-uploads'],
          summary: 'One of your finished, accepted model uploads',
          params: z.object({ id: z.uuid() }),
          response: { 200: modelUpload, 401: errorBody, 404: errorBody },
        },
      },
      async (request) => {
        const row = await findOwnModelUpload(
          app.db,
          request.params.id,
          signedInUser(request).userId,
        );
        if (!row) throw notFound('The upload');
        return { ...row, createdAt: row.createdAt.toISOString() };
      },
    );
  };

/** tus's own headers the service sets its own way (CORS) or that the body below changes. */
const replacedHeaders = new Set(['content-length', 'content-type', 'access-control-allow-origin']);

/** tus's answer through Fastify, a refusal always in the one error body. */
async function sendTusResponse(reply: FastifyReply, response: Response, maxBytes: number) {
  const text = await response.text();
  reply.code(response.status);
  response.headers.forEach((value, name) => {
    if (replacedHeaders.has(name)) return;
    // The service's CORS already exposes some headers (x-request-id): tus's join them.
    const already = name === 'access-control-expose-headers' ? reply.getHeader(name) : undefined;
    void reply.header(name, already ? `${String(already)}, ${value}` : value);
  });
  if (response.status < 400) return reply.send(text || undefined);
  return reply.type('application/json').send(errorBodyOf(response.status, text, maxBytes));
}

/** tus answers its own refusals in plain text; ours are already an error body. */
export function errorBodyOf(status: number, text: string, maxBytes: number): ErrorBody {
  try {
    const parsed = errorBody.safeParse(JSON.parse(text));
    if (parsed.success) return parsed.data;
  } catch {
    // Plain text from tus.
  }
  const message = text.trim() || 'The upload request was refused.';
  if (status === 413) {
    return {
      error: {
        code: 'FILE_TOO_LARGE',
        message: `The file is larger than the ${Math.floor(maxBytes / 1024 / 1024)} MB the store accepts.`,
        details: { maxBytes },
      },
    };
  }
  return { error: { code: tusErrorCodes[status] ?? 'INTERNAL', message } };
}

const tusErrorCodes: Record<number, ErrorCode> = {
  400: 'UPLOAD_PROTOCOL_ERROR',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  409: 'UPLOAD_CONFLICT',
  410: 'UPLOAD_GONE',
  412: 'UPLOAD_PROTOCOL_ERROR',
  415: 'UPLOAD_PROTOCOL_ERROR',
  423: 'UPLOAD_CONFLICT',
  460: 'UPLOAD_PROTOCOL_ERROR',
};
