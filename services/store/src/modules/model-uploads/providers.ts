import { AppError, providersAvailable, type ProvidersAvailable } from '@makrx/contracts';
import type { FastifyInstance } from 'fastify';

/** Where the providers and their offerings come from: the cave, unless a test gives its own. */
export type ProviderSource = () => Promise<ProvidersAvailable>;

/** The cave's `GET /api/v1/providers/available`, with the store's service token. */
export const caveProviders =
  (app: FastifyInstance): ProviderSource =>
  () =>
    app.peers.json('cave', '/api/v1/providers/available', providersAvailable);

/**
 * The source's answer, reused for `ttlMs` (offerings change rarely; quotes are asked often),
 * one call at a time. A failure is not kept: it becomes 503 PROVIDERS_UNREACHABLE, and the
 * next request asks again.
 */
export function cachedProviders(
  source: ProviderSource,
  ttlMs: number,
  log: FastifyInstance['log'],
  now: () => number = Date.now,
): ProviderSource {
  let cached: { value: ProvidersAvailable; until: number } | undefined;
  let pending: Promise<ProvidersAvailable> | undefined;
  return () => {
    if (cached && cached.until > now()) return Promise.resolve(cached.value);
    pending ??= source()
      .then((value) => {
        cached = { value, until: now() + ttlMs };
        return value;
      })
      .catch((error: unknown) => {
        log.error({ err: error }, 'the print providers could not be fetched from the cave');
        throw new AppError(
          503,
          'PROVIDERS_UNREACHABLE',
          'The list of print providers cannot be reached right now, so no quote can be made; please try again in a minute.',
        );
      })
      .finally(() => {
        pending = undefined;
      });
    return pending;
  };
}
