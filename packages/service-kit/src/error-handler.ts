import type { FastifyError, FastifyInstance } from 'fastify';
import {
  hasZodFastifySchemaValidationErrors,
  isResponseSerializationError,
} from 'fastify-type-provider-zod';
import { AppError, type ErrorCode } from '@makrx/contracts';

const LOCATIONS: Record<string, string> = {
  body: 'body',
  querystring: 'query',
  params: 'path',
  headers: 'header',
};

/** Maps every failure to the one error shape, so clients parse one thing. */
export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof AppError) {
      return reply.status(error.status).send(errorBody(error.code, error.message, error.details));
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const location = LOCATIONS[error.validationContext ?? 'body'] ?? 'body';
      const details = error.validation.map((issue) => ({
        location,
        field: issue.instancePath.replace(/^\//, '').replaceAll('/', '.') || '(root)',
        message: issue.message,
      }));
      const fields = details.map((d) => d.field).join(', ');
      return reply
        .status(400)
        .send(errorBody('VALIDATION_FAILED', `Invalid ${location}: check ${fields}.`, details));
    }
    if (isResponseSerializationError(error)) {
      request.log.error(
        { err: error, issues: error.cause.issues },
        'response did not match its schema',
      );
      return reply.status(500).send(errorBody('INTERNAL', 'Something went wrong on our side.'));
    }
    const status = error.statusCode ?? 500;
    if (status >= 500) {
      request.log.error({ err: error }, 'request failed');
      return reply.status(status).send(errorBody('INTERNAL', 'Something went wrong on our side.'));
    }
    // Fastify's own 4xx: malformed JSON, body too large, unsupported media type, …
    return reply.status(status).send(errorBody(fastifyCode(error), error.message));
  });

  app.setNotFoundHandler((request, reply) => {
    reply
      .status(404)
      .send(
        errorBody(
          'ROUTE_NOT_FOUND',
          `No route for ${request.method} ${request.url.split('?')[0]}.`,
        ),
      );
  });
}

function fastifyCode(error: FastifyError): ErrorCode {
  switch (error.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return 'MALFORMED_BODY';
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return 'BODY_TOO_LARGE';
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return 'UNSUPPORTED_MEDIA_TYPE';
    default:
      return 'BAD_REQUEST';
  }
}

export function errorBody(code: ErrorCode, message: string, details?: unknown) {
  return { error: details === undefined ? { code, message } : { code, message, details } };
}
