import type { FastifyRequest } from 'fastify';
import { AppError } from '@makrx/service-kit';
import type { CartOwner } from './service';

/**
 * Whose cart a request means: the signed-in user's, else the guest cart of its
 * `x-cart-token`, else none yet. Services have no cart of their own.
 */
export function cartOwnerOf(request: FastifyRequest): CartOwner | undefined {
  const { caller } = request;
  if (caller?.kind === 'service') {
    throw new AppError(403, 'FORBIDDEN', 'Services fill carts through /api/v1/cart/bulk-add.');
  }
  if (caller) return { userId: caller.userId };
  const token = request.headers['x-cart-token'];
  return typeof token === 'string' && token.length > 0 ? { guestToken: token } : undefined;
}
