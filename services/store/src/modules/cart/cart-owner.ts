import type { FastifyRequest } from 'fastify';
import type { CartOwner } from './service';

/**
 * Whose cart a request means: the signed-in user's, else the guest cart of its
 * `x-cart-token`, else none yet. Services have no cart of their own: the cart routes are
 * declared for people (productBrowsing, purchaseProducts), and fill one through bulk-add.
 */
export function cartOwnerOf(request: FastifyRequest): CartOwner | undefined {
  const { caller } = request;
  if (caller?.kind === 'user') return { userId: caller.userId };
  const token = request.headers['x-cart-token'];
  return typeof token === 'string' && token.length > 0 ? { guestToken: token } : undefined;
}
