import { jobRating, type JobRatingBody } from '@makrx/contracts';
import type { EventConsumer } from '@makrx/service-kit';

/**
 * A customer's rating of their delivered print, handed to the cave's job
 * (`POST /api/v1/jobs/:jobId/rating`), where it counts in the provider's rating. The cave
 * answers the same rating again as the first, so a repeated delivery is harmless; a cave
 * that is down gets it on a later delivery.
 */
export const sendPrintRating: EventConsumer<'store.print.rated'> = {
  name: 'send-print-rating',
  eventTypes: ['store.print.rated'],
  outsideTransaction: true,
  async handle(event, { app }) {
    const rated = event.payload;
    const body: JobRatingBody = {
      serviceOrderId: rated.printOrderId,
      stars: rated.stars,
      comment: rated.comment,
    };
    await app.peers.json('cave', `/api/v1/jobs/${rated.jobId}/rating`, jobRating, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  },
};
