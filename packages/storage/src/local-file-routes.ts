import type { FastifyPluginAsync } from 'fastify';
import { LocalFileStorage } from './local-storage';
import { bucketPurposes, InvalidKeyError, type BucketPurpose, type FileStorage } from './storage';

export interface LocalFileRoutesOptions {
  storage: FileStorage;
  /** Largest body a signed PUT may carry. */
  maxUploadBytes: number;
}

const isPurpose = (value: string): value is BucketPurpose =>
  (bucketPurposes as readonly string[]).includes(value);

const refuse = (code: string, message: string) => ({ error: { code, message } });

/**
 * Answers the signed URLs of the local storage (mount at the service root: they point at
 * `/files/<bucket>/<key>`). With S3 the URLs point at S3 itself and this plugin adds nothing.
 */
export const localFileRoutes: FastifyPluginAsync<LocalFileRoutesOptions> = async (
  app,
  { storage, maxUploadBytes },
) => {
  if (!(storage instanceof LocalFileStorage)) return;

  app.addContentTypeParser(
    '*',
    { parseAs: 'buffer', bodyLimit: maxUploadBytes },
    (_r, body, done) => done(null, body),
  );

  const signed = (
    params: { purpose: string; '*': string },
    query: Record<string, string | undefined>,
    method: 'GET' | 'PUT',
  ) => {
    if (!isPurpose(params.purpose)) return null;
    const request = {
      purpose: params.purpose,
      key: params['*'],
      method,
      expires: Number(query.expires),
      contentType: method === 'PUT' ? (query.contentType ?? '') : '',
      signature: query.signature ?? '',
    };
    if ((query.method ?? 'GET') !== method) return null;
    return storage.verify(request) ? request : null;
  };

  app.get<{ Params: { purpose: string; '*': string }; Querystring: Record<string, string> }>(
    '/files/:purpose/*',
    { schema: { hide: true } },
    async (request, reply) => {
      const allowed = signed(request.params, request.query, 'GET');
      if (!allowed)
        return reply
          .code(403)
          .send(refuse('SIGNATURE_INVALID', 'This file link is not valid or has expired.'));
      const found = await storage
        .bucket(allowed.purpose)
        .get(allowed.key)
        .catch((err: unknown) => {
          if (err instanceof InvalidKeyError) return null;
          throw err;
        });
      if (!found) return reply.code(404).send(refuse('NOT_FOUND', 'There is no such file.'));
      const remaining = Math.max(0, allowed.expires - Math.floor(Date.now() / 1000));
      return reply
        .header('content-type', found.contentType)
        .header('content-length', found.size)
        .header('cache-control', `private, max-age=${remaining}`)
        .header('x-content-type-options', 'nosniff')
        .send(found.body);
    },
  );

  app.put<{ Params: { purpose: string; '*': string }; Querystring: Record<string, string> }>(
    '/files/:purpose/*',
    { schema: { hide: true } },
    async (request, reply) => {
      const allowed = signed(request.params, request.query, 'PUT');
      if (!allowed)
        return reply
          .code(403)
          .send(refuse('SIGNATURE_INVALID', 'This upload link is not valid or has expired.'));
      const contentType = request.headers['content-type'] ?? 'application/octet-stream';
      if (allowed.contentType && contentType !== allowed.contentType)
        return reply
          .code(400)
          .send(refuse('CONTENT_TYPE_MISMATCH', `This link takes ${allowed.contentType} only.`));
      const body = request.body;
      if (!Buffer.isBuffer(body) || body.byteLength === 0)
        return reply.code(400).send(refuse('EMPTY_UPLOAD', 'The upload has no content.'));
      await storage.bucket(allowed.purpose).put(allowed.key, body, { contentType });
      return reply.code(200).send({ key: allowed.key, size: body.byteLength });
    },
  );
};
