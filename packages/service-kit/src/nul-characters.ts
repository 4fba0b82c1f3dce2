import { AppError } from '@makrx/contracts';
import type { FastifyInstance } from 'fastify';

const NUL = '\u0000';

/** Where in the input the first NUL character sits (`q`, `items.0.name`), if anywhere. */
export function pathOfNul(value: unknown, path: string[] = []): string | undefined {
  if (typeof value === 'string')
    return value.includes(NUL) ? path.join('.') || '(root)' : undefined;
  if (value === null || typeof value !== 'object' || Buffer.isBuffer(value)) return undefined;
  for (const [key, inner] of Object.entries(value)) {
    const found = key.includes(NUL) ? [...path, key].join('.') : pathOfNul(inner, [...path, key]);
    if (found !== undefined) return found;
  }
  return undefined;
}

/**
 * No text in MakrX holds a NUL character, and PostgreSQL refuses one in a text value: refused
 * here, once for every route, as a bad request naming where it was, before any schema or
 * query sees it (it would otherwise surface as a 500 from the database).
 */
export function refuseNulCharacters(app: FastifyInstance): void {
  app.addHook('preValidation', async (request) => {
    for (const [location, input] of [
      ['path', request.params],
      ['query', request.query],
      ['body', request.body],
    ] as const) {
      const field = pathOfNul(input);
      if (field !== undefined) {
        throw new AppError(
          400,
          'VALIDATION_FAILED',
          `Invalid ${location}: ${field} holds a NUL character.`,
          [{ location, field, message: 'must not contain a NUL character' }],
        );
      }
    }
  });
}
