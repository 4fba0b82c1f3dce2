import { signedInUser } from '@makrx/auth';
import { Readable } from 'node:stream';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';
import {
  AppError,
  acceptJobBody,
  errorBody,
  jobRating,
  jobRatingBody,
  jobStatusChange,
  modelAnalysis,
  offeringInput,
  providerEarnings as providerEarningsBody,
  providerJob,
  providerJobList,
  providerOfferingList,
  providerOfferingRow,
  providerSettings,
  providerSettingsUpdate,
  providersAvailable,
  providersAvailableQuery,
  projectPrintOrders,
  rejectJobBody,
  routedServiceOrder,
  routeServiceOrderBody,
  serviceOrderUpdate,
} from '@makrx/contracts';
import {
  notFound,
  type BackgroundJob,
  type EventConsumer,
  type FastifyPluginAsyncZod,
} from '@makrx/service-kit';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { makerspaceIdOf } from '../makerspaces/service';
import { projectOf, projectOrderers } from '../projects/service';
import {
  acceptJob,
  changeJobStatus,
  expireOffers,
  providerEarnings,
  providerJobOf,
  providerJobs,
  rateJob,
  rejectJob,
  routeServiceOrder,
  serviceOrderOfProviderJob,
} from './jobs';
import {
  createOffering,
  deleteOffering,
  listOfferings,
  providerSettingsOf,
  updateOffering,
  updateProviderSettings,
} from './offerings';
import { availableProviders } from './routing';
import { printOrdersOfProject } from './service';

/*
 * Print jobs (issue 13, spec section 7 and the matrix's "Service provider tools"). A
 * makerspace's service providers (permission `makerspace:provide`, held there; super admins
 * and cave admins too, not its makerspace admins) set what it offers and answer the jobs
 * offered to it. The store routes paid orders and reads the providers with its service token;
 * with ENABLE_SERVICE_MARKETPLACE on, anyone may read the providers at `GET /providers`.
 */

const makerspaceSlug = z
  .string()
  .regex(/^[a-z0-9-]+$/)
  .max(120);
const spaceParams = z.object({ makerspaceSlug });
const offeringParams = spaceParams.extend({ offeringId: z.uuid() });
const jobParams = spaceParams.extend({ jobId: z.uuid() });

const provide = { access: { permission: 'makerspace:provide' } } as const;
const storeOnly = { access: { serviceClients: ['store-backend'] } } as const;
const refusals = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody };
const writeRefusals = { ...refusals, 409: errorBody, 422: errorBody };
const tags = ['print jobs'];
const security = [{ bearer: [] }];

/** How long the store has to start answering; the file's bytes then take as long as they need. */
const STORE_ANSWER_MS = 10_000;

/** The store's headers of a model file the provider gets as they are. */
const modelHeaders = [
  'content-type',
  'content-length',
  'content-disposition',
  'x-model-sha256',
  'cache-control',
];

/** A model file's bytes (streamed, never JSON). */
const modelFileBytes = z.unknown().describe('The model file’s bytes');

const storeUnreachable = (details?: Record<string, unknown>) =>
  new AppError(
    502,
    'STORE_UNREACHABLE',
    'The store, which keeps the customer’s model, could not be reached. Try again in a moment.',
    details,
  );

const actorOf = (request: FastifyRequest) => ({
  userId: signedInUser(request).userId,
  requestId: request.id,
});

/** Every minute, offers past their provider's window go to the next provider. */
export const expireUnansweredOffers: BackgroundJob = {
  name: 'cave.fabrication.expire-offers',
  everyMs: 60 * 1000,
  run: (app) => expireOffers(app.db),
};

/**
 * Reports each change of a print job to the store (`POST /api/v1/service-orders/:id/updates`),
 * the event's `updateId` as idempotency key, so a repeated delivery changes nothing there.
 */
export const serviceJobUpdatesToStore: EventConsumer<'cave.service-job.changed'> = {
  name: 'service-job-updates-to-store',
  eventTypes: ['cave.service-job.changed'],
  outsideTransaction: true,
  async handle(event, { app }) {
    const { updateId, serviceOrderId, ...change } = event.payload;
    const body = serviceOrderUpdate.parse({ eventId: updateId, ...change });
    const response = await app.peers.fetch(
      'store',
      `/api/v1/service-orders/${serviceOrderId}/updates`,
      {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      },
    );
    if (response.status === 404) {
      // The store holds no such print order (a job routed by another client): no report of it
      // can ever be taken, so it is logged instead of retried and parked.
      app.log.warn(
        { serviceOrderId, updateId },
        'the store knows no such print order; the job update was not reported',
      );
      return;
    }
    if (!response.ok) {
      throw new Error(`the store answered ${response.status} to update ${updateId}`);
    }
  },
};

export const fabricationRoutes: FastifyPluginAsyncZod = async (app) => {
  const spaceId = async (slug: string) => {
    const id = await makerspaceIdOf(app.db, slug);
    if (!id) throw notFound(`Makerspace "${slug}"`);
    return id;
  };

  /**
   * The store's answer about the print order behind a job the makerspace works from (offered to
   * it or accepted by it, else 404). The store down, slow to answer or failing: 502; the store
   * knowing no such print order: 404.
   */
  const fromStore = async (
    params: { makerspaceSlug: string; jobId: string },
    part: 'model' | 'analysis',
  ): Promise<Response> => {
    const makerspaceId = await spaceId(params.makerspaceSlug);
    const { serviceOrderId } = await serviceOrderOfProviderJob(app.db, makerspaceId, params.jobId);
    const waiting = new AbortController();
    const timer = setTimeout(() => waiting.abort(), STORE_ANSWER_MS);
    let response: Response;
    try {
      response = await app.peers.fetch(
        'store',
        `/api/v1/service-orders/${serviceOrderId}/${part}`,
        { signal: waiting.signal },
      );
    } catch (error) {
      if (error instanceof AppError) throw error;
      throw storeUnreachable();
    } finally {
      clearTimeout(timer);
    }
    if (response.status === 404) {
      // The store keeps no such print order (a job routed by hand, say): nothing to send.
      await response.body?.cancel();
      throw notFound('The model of this print job');
    }
    if (!response.ok || !response.body) {
      await response.body?.cancel();
      throw storeUnreachable({ status: response.status });
    }
    return response;
  };

  app.get(
    '/makerspaces/:makerspaceSlug/provider/settings',
    {
      config: provide,
      schema: {
        tags,
        summary: 'How the makerspace takes print jobs',
        security,
        params: spaceParams,
        response: { 200: providerSettings, ...refusals },
      },
    },
    async (request) => providerSettingsOf(app.db, await spaceId(request.params.makerspaceSlug)),
  );

  app.put(
    '/makerspaces/:makerspaceSlug/provider/settings',
    {
      config: provide,
      schema: {
        tags,
        summary: 'Change whether and how the makerspace takes print jobs',
        security,
        params: spaceParams,
        body: providerSettingsUpdate,
        response: { 200: providerSettings, ...writeRefusals },
      },
    },
    async (request) =>
      updateProviderSettings(
        app.db,
        await spaceId(request.params.makerspaceSlug),
        request.body,
        actorOf(request),
      ),
  );

  app.get(
    '/makerspaces/:makerspaceSlug/provider/offerings',
    {
      config: provide,
      schema: {
        tags,
        summary: 'The makerspace’s print offerings (material, quality, machine, prices)',
        security,
        params: spaceParams,
        response: { 200: providerOfferingList, ...refusals },
      },
    },
    async (request) => ({
      items: await listOfferings(app.db, await spaceId(request.params.makerspaceSlug)),
    }),
  );

  app.post(
    '/makerspaces/:makerspaceSlug/provider/offerings',
    {
      config: provide,
      schema: {
        tags,
        summary: 'Offer a material at a quality on one of the makerspace’s 3D printers',
        security,
        params: spaceParams,
        body: offeringInput,
        response: { 201: providerOfferingRow, ...writeRefusals },
      },
    },
    async (request, reply) => {
      const created = await createOffering(
        app.db,
        await spaceId(request.params.makerspaceSlug),
        request.body,
        actorOf(request),
      );
      return reply.code(201).send(created);
    },
  );

  app.put(
    '/makerspaces/:makerspaceSlug/provider/offerings/:offeringId',
    {
      config: provide,
      schema: {
        tags,
        summary: 'Change an offering (the whole offering is sent)',
        security,
        params: offeringParams,
        body: offeringInput,
        response: { 200: providerOfferingRow, ...writeRefusals },
      },
    },
    async (request) =>
      updateOffering(
        app.db,
        await spaceId(request.params.makerspaceSlug),
        request.params.offeringId,
        request.body,
        actorOf(request),
      ),
  );

  app.delete(
    '/makerspaces/:makerspaceSlug/provider/offerings/:offeringId',
    {
      config: provide,
      schema: {
        tags,
        summary: 'Remove an offering',
        security,
        params: offeringParams,
        response: { 204: z.null(), ...refusals },
      },
    },
    async (request, reply) => {
      await deleteOffering(
        app.db,
        await spaceId(request.params.makerspaceSlug),
        request.params.offeringId,
        actorOf(request),
      );
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/makerspaces/:makerspaceSlug/provider/jobs',
    {
      config: provide,
      schema: {
        tags,
        summary: 'The print jobs offered to the makerspace, newest first',
        security,
        params: spaceParams,
        response: { 200: providerJobList, ...refusals },
      },
    },
    async (request) => ({
      items: await providerJobs(app.db, await spaceId(request.params.makerspaceSlug)),
    }),
  );

  app.get(
    '/makerspaces/:makerspaceSlug/provider/jobs/:jobId',
    {
      config: provide,
      schema: {
        tags,
        summary: 'One print job offered to the makerspace',
        security,
        params: jobParams,
        response: { 200: providerJob, ...refusals },
      },
    },
    async (request) =>
      providerJobOf(app.db, await spaceId(request.params.makerspaceSlug), request.params.jobId),
  );

  app.get(
    '/makerspaces/:makerspaceSlug/provider/jobs/:jobId/model',
    {
      config: provide,
      schema: {
        tags,
        summary: 'Download the customer’s model file of a job offered to or accepted by you',
        description:
          'The file as the store keeps it, streamed: its type by format (model/stl, model/obj, ' +
          'model/3mf), the customer’s file name as an attachment, and its hex SHA-256 in ' +
          '`x-model-sha256`. 502 STORE_UNREACHABLE when the store cannot be reached.',
        security,
        params: jobParams,
        response: { 200: modelFileBytes, ...refusals, 502: errorBody },
      },
    },
    async (request, reply) => {
      const response = await fromStore(request.params, 'model');
      for (const name of modelHeaders) {
        const value = response.headers.get(name);
        if (value !== null) void reply.header(name, value);
      }
      return reply.send(Readable.fromWeb(response.body as NodeReadableStream<Uint8Array>));
    },
  );

  app.get(
    '/makerspaces/:makerspaceSlug/provider/jobs/:jobId/analysis',
    {
      config: provide,
      schema: {
        tags,
        summary: 'The store’s analysis of the job’s model: size, volume, surface, mesh checks',
        description: '502 STORE_UNREACHABLE when the store cannot be reached.',
        security,
        params: jobParams,
        response: { 200: modelAnalysis, ...refusals, 502: errorBody },
      },
    },
    async (request) => {
      const response = await fromStore(request.params, 'analysis');
      const parsed = modelAnalysis.safeParse(await response.json().catch(() => undefined));
      if (!parsed.success)
        throw storeUnreachable({ reason: 'the store’s answer was not an analysis' });
      return parsed.data;
    },
  );

  app.post(
    '/makerspaces/:makerspaceSlug/provider/jobs/:jobId/accept',
    {
      config: provide,
      schema: {
        tags,
        summary: 'Accept an offered job, booking the machine’s time for it',
        security,
        params: jobParams,
        body: acceptJobBody,
        response: { 200: providerJob, ...writeRefusals },
      },
    },
    async (request) =>
      acceptJob(
        app.db,
        await spaceId(request.params.makerspaceSlug),
        request.params.jobId,
        request.body,
        actorOf(request),
      ),
  );

  app.post(
    '/makerspaces/:makerspaceSlug/provider/jobs/:jobId/reject',
    {
      config: provide,
      schema: {
        tags,
        summary: 'Reject an offered job with a reason; it goes to the next provider',
        security,
        params: jobParams,
        body: rejectJobBody,
        response: { 200: providerJob, ...writeRefusals },
      },
    },
    async (request) =>
      rejectJob(
        app.db,
        await spaceId(request.params.makerspaceSlug),
        request.params.jobId,
        request.body.reason,
        actorOf(request),
      ),
  );

  app.post(
    '/makerspaces/:makerspaceSlug/provider/jobs/:jobId/status',
    {
      config: provide,
      schema: {
        tags,
        summary: 'Move an accepted job on: printing, quality check, shipped, delivered',
        security,
        params: jobParams,
        body: jobStatusChange,
        response: { 200: providerJob, ...writeRefusals },
      },
    },
    async (request) =>
      changeJobStatus(
        app.db,
        await spaceId(request.params.makerspaceSlug),
        request.params.jobId,
        request.body,
        actorOf(request),
      ),
  );

  app.get(
    '/makerspaces/:makerspaceSlug/provider/earnings',
    {
      config: provide,
      schema: {
        tags,
        summary: 'What each accepted job paid, the platform fee and what is owed',
        security,
        params: spaceParams,
        response: { 200: providerEarningsBody, ...refusals },
      },
    },
    async (request) => providerEarnings(app.db, await spaceId(request.params.makerspaceSlug)),
  );

  app.get(
    '/providers/available',
    {
      config: storeOnly,
      schema: {
        tags,
        summary: 'Providers taking print jobs, their offerings, rating and free hours (the store)',
        security,
        querystring: providersAvailableQuery,
        response: { 200: providersAvailable, 400: errorBody, 401: errorBody, 403: errorBody },
      },
    },
    async (request) => ({ providers: await availableProviders(app.db, request.query) }),
  );

  app.get(
    '/providers',
    {
      config: { access: 'public', flag: 'ENABLE_SERVICE_MARKETPLACE' },
      schema: {
        tags,
        summary: 'The same list, public while ENABLE_SERVICE_MARKETPLACE is on',
        querystring: providersAvailableQuery,
        response: { 200: providersAvailable, 400: errorBody, 404: errorBody },
      },
    },
    async (request) => ({ providers: await availableProviders(app.db, request.query) }),
  );

  app.post(
    '/jobs/route-service-order',
    {
      config: storeOnly,
      schema: {
        tags,
        summary:
          'Route a paid print order to the best qualified provider (the store; idempotent on serviceOrderId)',
        security,
        body: routeServiceOrderBody,
        response: {
          200: routedServiceOrder,
          201: routedServiceOrder,
          400: errorBody,
          401: errorBody,
          403: errorBody,
        },
      },
    },
    async (request, reply) => {
      const { created, routed } = await routeServiceOrder(app.db, request.body);
      return reply.code(created ? 201 : 200).send(routed);
    },
  );

  app.post(
    '/jobs/:jobId/rating',
    {
      config: storeOnly,
      schema: {
        tags,
        summary:
          "The customer's rating of a delivered job (the store; the same rating again answers 200)",
        security,
        params: z.object({ jobId: z.uuid() }),
        body: jobRatingBody,
        response: { 200: jobRating, ...writeRefusals },
      },
    },
    async (request) => rateJob(app.db, request.params.jobId, request.body),
  );

  // The prints ordered for a project (its page's "3D prints"), for its owner and editors.
  app.get(
    '/projects/:projectSlug/print-orders',
    {
      config: {
        access: { feature: 'projectManagement', mode: 'read' },
        projectRole: 'editor',
      },
      schema: {
        tags: ['projects'],
        security,
        summary: 'The 3D prints ordered for a project, newest first',
        params: z.object({ projectSlug: z.string().max(120) }),
        response: { 200: projectPrintOrders, ...refusals },
      },
    },
    async (request) => {
      const project = projectOf(request);
      return {
        items: await printOrdersOfProject(
          app.db,
          project.id,
          await projectOrderers(app.db, project),
        ),
      };
    },
  );
};
