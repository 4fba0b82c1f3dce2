import type { FastifyReply } from 'fastify';

/**
 * Sends JSON that is already serialized (a cached response), skipping the route's serializer:
 * Fastify passes a string with a JSON content type through untouched. The cached body was made
 * from a value of the route's response type, so the cast only tells the type provider so.
 */
export function sendSerializedJson(reply: FastifyReply, body: string): FastifyReply {
  return reply.type('application/json; charset=utf-8').send(body as never);
}
