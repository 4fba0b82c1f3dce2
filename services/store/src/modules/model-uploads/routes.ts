import { signedInUser } from '@makrx/auth';
import {
  errorBody,
  modelQuotes,
  modelUnitsBody,
  modelUploadDetail,
  type ErrorBody,
  type ErrorCode,
  type ModelUploadDetail,
} from '@makrx/contracts';
import { notFound, type FastifyPluginAsyncZod } from '@makrx/service-kit';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { NodeRequest } from 'srvx/node';
import { z } from 'zod';
import { storeConfigOf } from '../../config';
import { modelQuotesFor, partOf, scaledAnalysis } from './model-quotes';
import type { ProviderSource } from './providers';
import { findOwnModelUpload, readyUpload, setModelUnitScale } from './service';
import type { ReadyModelUpload } from './tables';
import type { AnalyseUpload } from './upload-checks';
import { createModelUploadServer } from './upload-server';

/** Every signed-in role may upload (access matrix "Upload files for quotes"); guests may not. */
const uploading = { feature: 'uploadFilesForQuotes', mode: 'write' } as const;
const reading = { feature: 'uploadFilesForQuotes', mode: 'read' } as const;
const FLAG = 'ENABLE_STL_UPLOAD';

export interface ModelUploadRouteOptions {
  /** The model check run on each finished file (the mesh analysis in the worker pool). */
  analyse: AnalyseUpload;
  /** The providers quotes are made on (the cave's, cached). */
  providers: ProviderSource;
}

/** The owner's view of an accepted upload: the row with its analysis at its unit scale. */
const detailOf = (row: ReadyModelUpload): ModelUploadDetail => ({
  id: row.id,
  originalName: row.originalName,
  sizeBytes: row.sizeBytes,
  sha256: row.sha256,
  status: row.status,
  createdAt: row.createdAt.toISOString(),
  analysis: scaledAnalysis(row.format, row.analysis, row.unitScale),
});

/**
 * Customers' 3D model uploads: a tus endpoint (resumable after a dropped connection), the
 * finished uploads by id with the server's analysis, the units fix, and the quotes on the
 * providers' offerings.
 */
export const modelUploadRoutes =
  ({ analyse, providers }: ModelUploadRouteOptions): FastifyPluginAsyncZod =>
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

    const ownUpload = async (id: string, ownerId: string) => {
      const row = await findOwnModelUpload(app.db, id, ownerId);
      if (!row) throw notFound('The upload');
      return readyUpload(row);
    };

    app.get(
      '/model-uploads/:id',
      {
        config: { access: reading, flag: FLAG },
        schema: {
          tags: ['model-uploads'],
          summary: 'One of your finished, accepted model uploads, with the server’s analysis',
          params: z.object({ id: z.uuid() }),
          response: { 200: modelUploadDetail, 401: errorBody, 404: errorBody },
        },
      },
      async (request) => detailOf(await ownUpload(request.params.id, signedInUser(request).userId)),
    );

    app.post(
      '/model-uploads/:id/units',
      {
        config: { access: uploading, flag: FLAG },
        schema: {
          tags: ['model-uploads'],
          summary: 'Say which unit the file’s numbers are in (mm, or inches: ×25.4)',
          description:
            'Sets the unit scale of your upload: dimensions ×s, areas ×s², volume ×s³ ' +
            '(s = 1 for mm, 25.4 for inches), and answers the upload with its analysis rescaled. ' +
            'Sending the same units again changes nothing.',
          params: z.object({ id: z.uuid() }),
          body: modelUnitsBody,
          response: { 200: modelUploadDetail, 400: errorBody, 401: errorBody, 404: errorBody },
        },
      },
      async (request) => {
        const row = await setModelUnitScale(
          app.db,
          request.params.id,
          signedInUser(request).userId,
          request.body.units === 'inch' ? 25.4 : 1,
        );
        if (!row) throw notFound('The upload');
        return detailOf(readyUpload(row));
      },
    );

    app.get(
      '/model-uploads/:id/quotes',
      {
        config: { access: reading, flag: FLAG },
        schema: {
          tags: ['model-uploads'],
          summary: 'Quotes for printing your upload on every provider’s offerings',
          description:
            'Every material and quality the providers offer, priced for `quantity` parts ' +
            '(cheapest first), with each quote’s breakdown and validity; offerings whose ' +
            'machine cannot hold the part are listed with why. 503 PROVIDERS_UNREACHABLE when ' +
            'the providers cannot be fetched; 422 MODEL_HAS_NO_VOLUME for a part with no inside.',
          params: z.object({ id: z.uuid() }),
          querystring: z.object({ quantity: z.coerce.number().int().min(1).max(1000).default(1) }),
          response: {
            200: modelQuotes,
            400: errorBody,
            401: errorBody,
            404: errorBody,
            422: errorBody,
            503: errorBody,
          },
        },
      },
      async (request) => {
        const row = await ownUpload(request.params.id, signedInUser(request).userId);
        const analysis = scaledAnalysis(row.format, row.analysis, row.unitScale);
        partOf(analysis); // A part with nothing to print is refused before the cave is asked.
        return modelQuotesFor({
          uploadId: row.id,
          analysis,
          providers: (await providers()).providers,
          quantity: request.query.quantity,
          now: new Date(),
        });
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
