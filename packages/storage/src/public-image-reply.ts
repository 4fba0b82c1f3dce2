import type { FastifyReply } from 'fastify';
import type { ObjectContent } from './storage';

/**
 * Sends a stored public image (a product image, a makerspace's or a machine's photo): streamed,
 * cached for a year since a key never changes content, readable from the other apps' origins,
 * and never sniffed into another type.
 */
export function sendPublicImage(reply: FastifyReply, image: ObjectContent): FastifyReply {
  return reply
    .header('content-type', image.contentType)
    .header('content-length', image.size)
    .header('cache-control', 'public, max-age=31536000, immutable')
    .header('cross-origin-resource-policy', 'cross-origin')
    .header('x-content-type-options', 'nosniff')
    .send(image.body);
}
