import { parkedEventList, replayedEvent, errorBody } from '@makrx/contracts';
import { recordAudit } from '@makrx/db';
import { findParkedEvent, listParkedEvents, replayParkedEvent } from '@makrx/events';
import { notFound, type FastifyPluginAsyncZod } from '@makrx/service-kit';
import { z } from 'zod';
import { requireSuperAdmin } from './guard';

const errors = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody };
type AuditedService = 'auth' | 'cave' | 'store';

/**
 * Parked events for super admins, in every service: the events this service published that
 * failed their last delivery (`GET /admin/events/parked`), and a replay that puts one back in
 * line (`POST /admin/events/:id/replay`, audited). Register under `/api/v1`.
 */
export const parkedEventRoutes: FastifyPluginAsyncZod = async (app) => {
  const source = app.events.source as AuditedService;

  app.get(
    '/admin/events/parked',
    {
      schema: {
        tags: ['events'],
        summary: "This service's parked events, oldest first",
        response: { 200: parkedEventList, ...errors },
      },
    },
    async (request) => {
      requireSuperAdmin(request);
      const parked = await listParkedEvents(app.db, { source, limit: 200 });
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
    },
    async (request) => {
      const actor = requireSuperAdmin(request);
      const { id } = request.params;
      await app.db.transaction(async (tx) => {
        const parked = await findParkedEvent(tx, id, { source });
        if (!parked || !(await replayParkedEvent(tx, id, { source })))
          throw notFound('That parked event');
        await recordAudit(tx, {
          service: source,
          action: 'event.replayed',
          entityType: 'outbox_event',
          entityId: String(id),
          actorId: actor.userId,
          before: { status: 'parked', attempts: parked.attempts, lastError: parked.lastError },
          after: { status: 'pending', attempts: 0 },
          requestId: request.id,
        });
      });
      app.events.nudge();
      return { id, status: 'pending' as const };
    },
  );
};
