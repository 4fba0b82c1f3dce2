import { timingSafeEqual } from 'node:crypto';
import type { Database } from '@makrx/db';
import { AppError, notFound } from '@makrx/service-kit';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { loadOrder } from './order-records';

export const orderTokenHeader = z.object({ 'x-order-token': z.string().max(200).optional() });

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * An order, if the request may see it: its buyer signed in, a store admin, or whoever holds
 * its token (the guest who placed it). Anyone else learns nothing, not even that it exists.
 */
export async function orderForCaller(
  db: Database,
  request: FastifyRequest,
  which: string | { number: string },
  { token = request.headers['x-order-token'] }: { token?: string | string[] | undefined } = {},
) {
  const found = await loadOrder(db, typeof which === 'string' ? { id: which } : which);
  const { caller } = request;
  const allowed =
    found !== undefined &&
    ((caller?.kind === 'user' && found.row.userId === caller.userId) ||
      (await request.access.can('store:admin')) ||
      (typeof token === 'string' && sameSecret(token, found.row.accessToken)));
  if (allowed) return found;
  if (caller === null && typeof token !== 'string') {
    throw new AppError(
      401,
      'AUTHENTICATION_REQUIRED',
      'Sign in, or use the link in your order email.',
    );
  }
  throw notFound('The order');
}

/** The person acting, for history and audit rows; null for a guest. */
export function actorIdOf(request: FastifyRequest): string | null {
  return request.caller?.kind === 'user' ? request.caller.userId : null;
}
