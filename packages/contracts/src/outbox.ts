import { z } from 'zod';

/** An outbox event that failed its last allowed delivery and waits for an admin. */
export const parkedEvent = z.object({
  id: z.number().int(),
  /** The service that published it, whose dispatcher delivers it. */
  service: z.string(),
  type: z.string(),
  payload: z.unknown(),
  createdAt: z.iso.datetime(),
  attempts: z.number().int(),
  lastError: z.string().nullable(),
});
export type ParkedEventView = z.infer<typeof parkedEvent>;

export const parkedEventList = z.object({ items: z.array(parkedEvent) });
export type ParkedEventList = z.infer<typeof parkedEventList>;

export const replayedEvent = z.object({ id: z.number().int(), status: z.literal('pending') });
export type ReplayedEvent = z.infer<typeof replayedEvent>;
