import { signedInUser } from '@makrx/auth';
import {
  analyticsQuery,
  analyticsTable,
  errorBody,
  makerspaceAnalytics as analyticsBody,
} from '@makrx/contracts';
import { notFound, type FastifyPluginAsyncZod } from '@makrx/service-kit';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { makerspaceIdOf, makerspacesById } from '../makerspaces/service';
import { analyticsCsv } from './csv';
import { makerspaceAnalytics, type AnalyticsViewer } from './service';

/*
 * A makerspace's analytics (the matrix's "Analytics dashboard": read for its admins and service
 * providers, none for members). Those who run the makerspace see all of it; a service provider
 * sees their own bookings only. ENABLE_ADVANCED_ANALYTICS, per makerspace, adds the heat map,
 * the no-shows per machine and the revenue.
 */

const makerspaceSlug = z
  .string()
  .regex(/^[a-z0-9-]+$/)
  .max(120);
const read = { access: { feature: 'analyticsDashboard', mode: 'read' } } as const;
const refusals = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody };

export const analyticsRoutes: FastifyPluginAsyncZod = async (app) => {
  /** The makerspace the route names, how much of it the caller sees, and whether the flag is on. */
  const viewerOf = async (request: FastifyRequest, slug: string): Promise<AnalyticsViewer> => {
    const id = await makerspaceIdOf(app.db, slug);
    if (!id) throw notFound(`Makerspace "${slug}"`);
    const [makerspace] = await makerspacesById(app.db, [id]);
    const user = signedInUser(request);
    const [runsIt, advanced] = await Promise.all([
      request.access.can('makerspace:admin', { id }),
      app.flags.isOn('ENABLE_ADVANCED_ANALYTICS', {
        userId: user.userId,
        roles: user.realmRoles,
        makerspaceId: id,
      }),
    ]);
    return {
      makerspace: makerspace!,
      scope: runsIt ? 'makerspace' : 'own-bookings',
      userId: user.userId,
      advanced,
    };
  };

  app.get(
    '/makerspaces/:makerspaceSlug/analytics',
    {
      config: read,
      schema: {
        tags: ['analytics'],
        summary:
          'Utilisation, members, no-shows, busiest hours and revenue over local dates (≤ 1 year)',
        security: [{ bearer: [] }],
        params: z.object({ makerspaceSlug }),
        querystring: analyticsQuery,
        response: { 200: analyticsBody, ...refusals },
      },
    },
    async (request) =>
      makerspaceAnalytics(
        app.db,
        await viewerOf(request, request.params.makerspaceSlug),
        request.query,
      ),
  );

  app.get(
    '/makerspaces/:makerspaceSlug/analytics/:table.csv',
    {
      config: read,
      schema: {
        tags: ['analytics'],
        summary: 'One table of the analytics as a CSV download, with a header row',
        security: [{ bearer: [] }],
        params: z.object({ makerspaceSlug, table: analyticsTable }),
        querystring: analyticsQuery,
      },
    },
    async (request, reply) => {
      const analytics = await makerspaceAnalytics(
        app.db,
        await viewerOf(request, request.params.makerspaceSlug),
        request.query,
      );
      const csv = analyticsCsv(request.params.table, analytics);
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${csv.fileName}"`)
        .header('cache-control', 'no-store')
        .send(csv.text);
    },
  );
};
