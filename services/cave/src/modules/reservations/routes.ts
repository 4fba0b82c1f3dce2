import { signedInUser } from '@makrx/auth';
import {
  equipmentSlug,
  errorBody,
  makerspaceCalendar as makerspaceCalendarBody,
  makerspaceCalendarQuery,
  makerspaceDashboard as makerspaceDashboardBody,
  noShowSweep,
  projectSlug,
  reservation,
  reservationCalendar,
  reservationCalendarQuery,
  reservationInput,
  reservationList,
} from '@makrx/contracts';
import { notFound, type BackgroundJob, type FastifyPluginAsyncZod } from '@makrx/service-kit';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { makerspaceIdOf } from '../makerspaces/service';
import { COLLABORATION_FLAG, projectOf, projectToBookFor } from '../projects/service';
import { makerspaceCalendar, makerspaceDashboard, type Viewer } from './overview';
import {
  bookingsForProject,
  bookMachine,
  cancelReservation,
  checkIn,
  checkOut,
  machineCalendar,
  markNoShows,
  myReservations,
  type ReservationActor,
} from './service';

/*
 * Machine bookings. The members of a makerspace, its service providers and admins book its
 * machines (the matrix's "Equipment reservations" row: Full for each); a member acts on their
 * own bookings only, so another member's booking answers 404 as a missing one would. The
 * makerspace's admins cancel any booking there and record no-shows (permission
 * `makerspace:admin`, held in the makerspace the route names).
 */

const makerspaceSlug = z
  .string()
  .regex(/^[a-z0-9-]+$/)
  .max(120);
const machineParams = z.object({ makerspaceSlug, equipmentSlug });
const spaceParams = z.object({ makerspaceSlug });
const bookingParams = spaceParams.extend({ reservationId: z.uuid() });

const read = { access: { feature: 'equipmentReservations', mode: 'read' } } as const;
const write = { access: { feature: 'equipmentReservations', mode: 'write' } } as const;
const runSpace = { access: { permission: 'makerspace:admin' } } as const;
const refusals = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody };
const writeRefusals = { ...refusals, 409: errorBody };

const actorOf = (request: FastifyRequest): ReservationActor => ({
  userId: signedInUser(request).userId,
  requestId: request.id,
});

/** Every few minutes, bookings nobody checked in to become no-shows in every makerspace. */
export const markMissedBookings: BackgroundJob = {
  name: 'cave.reservations.no-shows',
  everyMs: 5 * 60 * 1000,
  run: (app) => markNoShows(app.db, undefined),
};

export const reservationRoutes: FastifyPluginAsyncZod = async (app) => {
  const spaceId = async (slug: string) => {
    const id = await makerspaceIdOf(app.db, slug);
    if (!id) throw notFound(`Makerspace "${slug}"`);
    return id;
  };
  const machineRef = async (params: { makerspaceSlug: string; equipmentSlug: string }) => ({
    makerspaceId: await spaceId(params.makerspaceSlug),
    slug: params.equipmentSlug,
  });
  /** The booker's project a booking is to be for (422 unless they own or edit it). */
  const projectOfBooker = async (request: FastifyRequest, slug: string) => {
    const caller = signedInUser(request);
    const collaborating = await app.flags.isOn(COLLABORATION_FLAG, {
      userId: caller.userId,
      roles: caller.realmRoles,
    });
    return projectToBookFor(app.db, slug, caller.userId, collaborating);
  };
  /** The caller's own booking in the makerspace the route names. */
  const ownBooking = async (request: FastifyRequest, params: z.infer<typeof bookingParams>) => ({
    makerspaceId: await spaceId(params.makerspaceSlug),
    reservationId: params.reservationId,
    ownerId: signedInUser(request).userId,
  });

  app.post(
    '/makerspaces/:makerspaceSlug/equipment/:equipmentSlug/reservations',
    {
      config: write,
      schema: {
        tags: ['reservations'],
        summary: 'Book a machine for a slot (at most 4 hours, starting in the future)',
        security: [{ bearer: [] }],
        params: machineParams,
        body: reservationInput,
        response: { 201: reservation, ...writeRefusals, 422: errorBody },
      },
    },
    async (request, reply) => {
      const { projectSlug } = request.body;
      const project = projectSlug ? await projectOfBooker(request, projectSlug) : undefined;
      const booked = await bookMachine(
        app.db,
        await machineRef(request.params),
        request.body,
        {
          ...actorOf(request),
          runsTheMakerspace: await request.access.can('makerspace:admin', {
            slug: request.params.makerspaceSlug,
          }),
        },
        project,
      );
      return reply.code(201).send(booked);
    },
  );

  app.get(
    '/makerspaces/:makerspaceSlug/equipment/:equipmentSlug/reservations',
    {
      config: read,
      schema: {
        tags: ['reservations'],
        summary: 'A machine’s bookings and maintenance over a day or a week, for its calendar',
        security: [{ bearer: [] }],
        params: machineParams,
        querystring: reservationCalendarQuery,
        response: { 200: reservationCalendar, ...refusals },
      },
    },
    async (request) =>
      machineCalendar(app.db, await machineRef(request.params), request.query, {
        userId: signedInUser(request).userId,
        seesNames: await request.access.can('makerspace:admin', {
          slug: request.params.makerspaceSlug,
        }),
      }),
  );

  /** Who reads a dashboard or calendar: its admins see who booked, members see busy blocks. */
  const viewerOf = async (request: FastifyRequest, slug: string): Promise<Viewer> => ({
    userId: signedInUser(request).userId,
    runsMakerspace: await request.access.can('makerspace:admin', { slug }),
  });

  app.get(
    '/makerspaces/:makerspaceSlug/dashboard',
    {
      config: read,
      schema: {
        tags: ['reservations'],
        summary:
          'Today in the makerspace (its time zone): bookings, machines, and for its admins what needs attention',
        security: [{ bearer: [] }],
        params: spaceParams,
        response: { 200: makerspaceDashboardBody, ...refusals },
      },
    },
    async (request) =>
      makerspaceDashboard(
        app.db,
        await spaceId(request.params.makerspaceSlug),
        await viewerOf(request, request.params.makerspaceSlug),
      ),
  );

  app.get(
    '/makerspaces/:makerspaceSlug/calendar',
    {
      config: read,
      schema: {
        tags: ['reservations'],
        summary:
          'Every machine’s bookings and maintenance and the opening hours per local day, over up to 42 days',
        security: [{ bearer: [] }],
        params: spaceParams,
        querystring: makerspaceCalendarQuery,
        response: { 200: makerspaceCalendarBody, ...refusals },
      },
    },
    async (request) =>
      makerspaceCalendar(
        app.db,
        await spaceId(request.params.makerspaceSlug),
        request.query,
        await viewerOf(request, request.params.makerspaceSlug),
      ),
  );

  app.get(
    '/reservations/mine',
    {
      config: read,
      schema: {
        tags: ['reservations'],
        summary: 'My bookings in every makerspace, earliest first',
        security: [{ bearer: [] }],
        response: { 200: reservationList, 401: errorBody, 403: errorBody },
      },
    },
    async (request) => ({ items: await myReservations(app.db, signedInUser(request).userId) }),
  );

  app.post(
    '/makerspaces/:makerspaceSlug/reservations/:reservationId/cancel',
    {
      config: write,
      schema: {
        tags: ['reservations'],
        summary: 'Cancel my booking before it starts',
        security: [{ bearer: [] }],
        params: bookingParams,
        response: { 200: reservation, ...writeRefusals },
      },
    },
    async (request) =>
      cancelReservation(app.db, await ownBooking(request, request.params), actorOf(request)),
  );

  app.post(
    '/makerspaces/:makerspaceSlug/reservations/:reservationId/check-in',
    {
      config: write,
      schema: {
        tags: ['reservations'],
        summary: 'Check in to my booking (from 15 minutes before its start)',
        security: [{ bearer: [] }],
        params: bookingParams,
        response: { 200: reservation, ...writeRefusals },
      },
    },
    async (request) => checkIn(app.db, await ownBooking(request, request.params), actorOf(request)),
  );

  app.post(
    '/makerspaces/:makerspaceSlug/reservations/:reservationId/check-out',
    {
      config: write,
      schema: {
        tags: ['reservations'],
        summary: 'Check out of my booking, recording the actual use',
        security: [{ bearer: [] }],
        params: bookingParams,
        response: { 200: reservation, ...writeRefusals },
      },
    },
    async (request) =>
      checkOut(app.db, await ownBooking(request, request.params), actorOf(request)),
  );

  app.post(
    '/makerspaces/:makerspaceSlug/admin/reservations/:reservationId/cancel',
    {
      config: runSpace,
      schema: {
        tags: ['reservations'],
        summary: 'Cancel any booking of the makerspace before it starts (its admins)',
        security: [{ bearer: [] }],
        params: bookingParams,
        response: { 200: reservation, ...writeRefusals },
      },
    },
    async (request) =>
      cancelReservation(
        app.db,
        {
          makerspaceId: await spaceId(request.params.makerspaceSlug),
          reservationId: request.params.reservationId,
        },
        actorOf(request),
      ),
  );

  app.post(
    '/makerspaces/:makerspaceSlug/admin/reservations/no-shows',
    {
      config: runSpace,
      schema: {
        tags: ['reservations'],
        summary: 'Record as no-shows the bookings nobody checked in to (the job does it too)',
        security: [{ bearer: [] }],
        params: spaceParams,
        response: { 200: noShowSweep, ...refusals },
      },
    },
    async (request) => ({
      markedNoShow: await markNoShows(
        app.db,
        actorOf(request),
        await spaceId(request.params.makerspaceSlug),
      ),
    }),
  );

  app.get(
    '/projects/:projectSlug/bookings',
    {
      // When its people are at the makerspace is theirs to know: the owner and editors only.
      config: {
        access: { feature: 'projectManagement', mode: 'read' },
        projectRole: 'editor',
      },
      schema: {
        tags: ['reservations', 'projects'],
        summary: 'The machine bookings made for a project, earliest first',
        params: z.object({ projectSlug }),
        response: {
          200: reservationList,
          400: errorBody,
          401: errorBody,
          403: errorBody,
          404: errorBody,
        },
      },
    },
    async (request) => ({ items: await bookingsForProject(app.db, projectOf(request).id) }),
  );
};
