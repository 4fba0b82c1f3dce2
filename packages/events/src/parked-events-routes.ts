import { errorBody, notFound, parkedEventList, replayedEvent } from '@makrx/contracts';
import type {} from '@makrx/auth';
import { recordAudit, type Database } from '@makrx/db';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { findParkedEvent, listParkedEvents, replayParkedEvent } from './outbox';

const errors = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody };
const replayers = { access: { permission: 'events:replay' } } as const;

export interface ParkedEventRoutesOptions {
  /** The service whose events these are (its outbox `source`). */
  source: 'auth' | 'cave' | 'store';
  db: Database;
  /** Wakes the service's dispatcher, so a replayed event goes out at once. */
  nudge(): void;
}

/**
 * Parked events, in every service: the events this service published that failed their last
 * delivery (`GET /admin/events/parked`), and a replay that puts one back in line
 * (`POST /admin/events/:id/replay`, audited). The service kit registers them under `/api/v1`.
 */
export const parkedEventRoutes =
  ({ source, db, nudge }: ParkedEventRoutesOptions): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/admin/events/parked',
      {
        schema: {
          tags: ['events'],
          summary: "This service's parked events, oldest first",
          response: { 200: parkedEventList, ...errors },
        },
        config: replayers,
      },
      async () => {
        const parked = await listParkedEvents(db, { source, limit: 200 });
        return {
          items: parked.map((event) => ({
            id: event.id,
            service: event.source,
            type: event.type,
            payload: event.payload,
            createdAt: event.createdAt.toISOString(),
            attempts: event.attempts,
            lastError: event.lastError,
          })),
        };
      },
    );

    app.post(
      '/admin/events/:id/replay',
      {
        schema: {
          tags: ['events'],
          summary: 'Deliver a parked event again, its attempts reset',
          params: z.object({ id: z.coerce.number().int().positive() }),
          response: { 200: replayedEvent, ...errors },
        },
        config: replayers,
      },
      async (request) => {
        const { id } = request.params;
        await db.transaction(async (tx) => {
          const parked = await findParkedEvent(tx, id, { source });
          if (!parked || !(await replayParkedEvent(tx, id, { source })))
            throw notFound('That parked event');
          await recordAudit(tx, {
            service: source,
            action: 'event.replayed',
            entityType: 'outbox_event',
            entityId: String(id),
            actorId: request.caller?.kind === 'user' ? request.caller.userId : null,
            before: { status: 'parked', attempts: parked.attempts, lastError: parked.lastError },
            after: { status: 'pending', attempts: 0 },
            requestId: request.id,
          });
        });
        nudge();
        return { id, status: 'pending' as const };
      },
    );
  };
