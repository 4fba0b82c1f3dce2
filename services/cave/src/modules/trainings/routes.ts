import { signedInUser } from '@makrx/auth';
import {
  errorBody,
  myTrainings as myTrainingsSchema,
  sessionAttendeeList,
  training,
  trainingInput,
  trainingList,
  trainingPass,
  trainingPassInput,
  trainingPassList,
  trainingSession,
  trainingSessionInput,
  trainingSessionList,
  trainingSessionUpdate,
  trainingUpdate,
  type Training,
} from '@makrx/contracts';
import { notFound, type FastifyPluginAsyncZod } from '@makrx/service-kit';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { machinesRequiring } from '../equipment/service';
import { makerspaceIdOf } from '../makerspaces/service';
import {
  archiveTraining,
  createTraining,
  listTrainings,
  trainingRow,
  updateTraining,
  type TrainingActor,
  type TrainingRef,
  type TrainingRow,
} from './catalogue';
import { myTrainings, passesOfTraining, recordPass, revokePass } from './passes';
import { cancelSession, createSession, updateSession, upcomingSessions } from './sessions';
import { attendeesOf, cancelSignUp, signUp } from './sign-ups';

/*
 * Trainings. Every member of a makerspace reads its trainings and sessions with the seats left,
 * and signs up for a seat or gives their own back (the matrix's "Equipment reservations" row:
 * a training is what booking some machines takes). The makerspace's admins run them: trainings,
 * sessions, attendee lists and passes (permission `makerspace:admin`, held in the makerspace the
 * route names). Another makerspace's training or session answers 404, like a missing one.
 */

const makerspaceSlug = z
  .string()
  .regex(/^[a-z0-9-]+$/)
  .max(120);
const spaceParams = z.object({ makerspaceSlug });
const trainingParams = spaceParams.extend({ trainingId: z.uuid() });
const sessionParams = spaceParams.extend({ sessionId: z.uuid() });
const passParams = spaceParams.extend({ passId: z.uuid() });
const trainingListQuery = z.strictObject({
  /** Archived trainings too (for the admins' records). */
  archived: z.enum(['include']).optional(),
});
const sessionListQuery = z.strictObject({ trainingId: z.uuid().optional() });

const read = { access: { feature: 'equipmentReservations', mode: 'read' } } as const;
const write = { access: { feature: 'equipmentReservations', mode: 'write' } } as const;
const runSpace = { access: { permission: 'makerspace:admin' } } as const;
const refusals = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody };
const writeRefusals = { ...refusals, 409: errorBody, 422: errorBody };
const tags = ['trainings'];
const security = [{ bearer: [] }];

const actorOf = (request: FastifyRequest): TrainingActor => ({
  userId: signedInUser(request).userId,
  requestId: request.id,
});

export const trainingRoutes: FastifyPluginAsyncZod = async (app) => {
  const spaceId = async (slug: string) => {
    const id = await makerspaceIdOf(app.db, slug);
    if (!id) throw notFound(`Makerspace "${slug}"`);
    return id;
  };
  const trainingRef = async (params: z.infer<typeof trainingParams>): Promise<TrainingRef> => ({
    makerspaceId: await spaceId(params.makerspaceSlug),
    trainingId: params.trainingId,
  });
  const sessionRef = async (params: z.infer<typeof sessionParams>) => ({
    makerspaceId: await spaceId(params.makerspaceSlug),
    sessionId: params.sessionId,
  });

  /** Trainings as the API shows them, each with the machines (in use) that require it. */
  const withMachines = async (makerspaceId: string, rows: TrainingRow[]): Promise<Training[]> => {
    const machines = await machinesRequiring(
      app.db,
      makerspaceId,
      rows.map((row) => row.id),
    );
    return rows.map((row) => ({
      id: row.id,
      name: row.name,
      description: row.description,
      durationMinutes: row.durationMinutes,
      validityMonths: row.validityMonths,
      archivedAt: row.archivedAt?.toISOString() ?? null,
      createdAt: row.createdAt.toISOString(),
      machines: machines
        .filter((machine) => machine.trainingId === row.id)
        .map(({ id, slug, name }) => ({ id, slug, name })),
    }));
  };
  const shown = async (makerspaceId: string, row: TrainingRow) =>
    (await withMachines(makerspaceId, [row]))[0]!;
  const machineNames = async (ref: TrainingRef) =>
    (await machinesRequiring(app.db, ref.makerspaceId, [ref.trainingId])).map((m) => m.name);

  app.get(
    '/makerspaces/:makerspaceSlug/trainings',
    {
      config: read,
      schema: {
        tags,
        security,
        summary: 'A makerspace’s trainings, with the machines each one opens',
        params: spaceParams,
        querystring: trainingListQuery,
        response: { 200: trainingList, ...refusals },
      },
    },
    async (request) => {
      const makerspaceId = await spaceId(request.params.makerspaceSlug);
      const rows = await listTrainings(app.db, makerspaceId, {
        includeArchived: request.query.archived === 'include',
      });
      return { items: await withMachines(makerspaceId, rows) };
    },
  );

  app.get(
    '/makerspaces/:makerspaceSlug/trainings/sessions',
    {
      config: read,
      schema: {
        tags,
        security,
        summary: 'Training sessions still to come, with the seats left and whether I have one',
        params: spaceParams,
        querystring: sessionListQuery,
        response: { 200: trainingSessionList, ...refusals },
      },
    },
    async (request) => {
      const sessions = await upcomingSessions(
        app.db,
        await spaceId(request.params.makerspaceSlug),
        signedInUser(request).userId,
        request.query.trainingId,
      );
      return { items: sessions.map(({ makerspaceId: _space, ...session }) => session) };
    },
  );

  app.get(
    '/makerspaces/:makerspaceSlug/trainings/:trainingId',
    {
      config: read,
      schema: {
        tags,
        security,
        summary: 'One training with the machines it opens',
        params: trainingParams,
        response: { 200: training, ...refusals },
      },
    },
    async (request) => {
      const ref = await trainingRef(request.params);
      return shown(ref.makerspaceId, await trainingRow(app.db, ref));
    },
  );

  app.post(
    '/makerspaces/:makerspaceSlug/trainings/sessions/:sessionId/sign-up',
    {
      config: write,
      schema: {
        tags,
        security,
        summary: 'Take a seat in a training session',
        params: sessionParams,
        response: { 201: trainingSession, ...writeRefusals },
      },
    },
    async (request, reply) => {
      const session = await signUp(app.db, await sessionRef(request.params), actorOf(request));
      return reply.code(201).send(session);
    },
  );

  app.delete(
    '/makerspaces/:makerspaceSlug/trainings/sessions/:sessionId/sign-up',
    {
      config: write,
      schema: {
        tags,
        security,
        summary: 'Give my seat back before the session starts',
        params: sessionParams,
        response: { 200: trainingSession, ...writeRefusals },
      },
    },
    async (request) => cancelSignUp(app.db, await sessionRef(request.params), actorOf(request)),
  );

  app.get(
    '/trainings/mine',
    {
      config: read,
      schema: {
        tags,
        security,
        summary: 'My training passes and the sessions I signed up for, in every makerspace',
        response: { 200: myTrainingsSchema, 401: errorBody, 403: errorBody },
      },
    },
    async (request) => myTrainings(app.db, signedInUser(request).userId),
  );

  app.post(
    '/makerspaces/:makerspaceSlug/trainings',
    {
      config: runSpace,
      schema: {
        tags,
        security,
        summary: 'Create a training (the makerspace’s admins)',
        params: spaceParams,
        body: trainingInput,
        response: { 201: training, ...writeRefusals },
      },
    },
    async (request, reply) => {
      const makerspaceId = await spaceId(request.params.makerspaceSlug);
      const row = await createTraining(app.db, makerspaceId, request.body, actorOf(request));
      return reply.code(201).send(await shown(makerspaceId, row));
    },
  );

  app.patch(
    '/makerspaces/:makerspaceSlug/trainings/:trainingId',
    {
      config: runSpace,
      schema: {
        tags,
        security,
        summary: 'Change a training (the makerspace’s admins)',
        params: trainingParams,
        body: trainingUpdate,
        response: { 200: training, ...writeRefusals },
      },
    },
    async (request) => {
      const ref = await trainingRef(request.params);
      return shown(
        ref.makerspaceId,
        await updateTraining(app.db, ref, request.body, actorOf(request)),
      );
    },
  );

  app.post(
    '/makerspaces/:makerspaceSlug/trainings/:trainingId/archive',
    {
      config: runSpace,
      schema: {
        tags,
        security,
        summary: 'Archive a training no machine requires (the makerspace’s admins)',
        params: trainingParams,
        response: { 200: training, ...writeRefusals },
      },
    },
    async (request) => {
      const ref = await trainingRef(request.params);
      const row = await archiveTraining(app.db, ref, await machineNames(ref), actorOf(request));
      return shown(ref.makerspaceId, row);
    },
  );

  app.post(
    '/makerspaces/:makerspaceSlug/trainings/:trainingId/sessions',
    {
      config: runSpace,
      schema: {
        tags,
        security,
        summary: 'Schedule a session of a training (the makerspace’s admins)',
        params: trainingParams,
        body: trainingSessionInput,
        response: { 201: trainingSession, ...writeRefusals },
      },
    },
    async (request, reply) => {
      const session = await createSession(
        app.db,
        await trainingRef(request.params),
        request.body,
        actorOf(request),
      );
      return reply.code(201).send(session);
    },
  );

  app.patch(
    '/makerspaces/:makerspaceSlug/trainings/sessions/:sessionId',
    {
      config: runSpace,
      schema: {
        tags,
        security,
        summary: 'Change a session still to come (the makerspace’s admins)',
        params: sessionParams,
        body: trainingSessionUpdate,
        response: { 200: trainingSession, ...writeRefusals },
      },
    },
    async (request) =>
      updateSession(app.db, await sessionRef(request.params), request.body, actorOf(request)),
  );

  app.post(
    '/makerspaces/:makerspaceSlug/trainings/sessions/:sessionId/cancel',
    {
      config: runSpace,
      schema: {
        tags,
        security,
        summary: 'Cancel a session still to come, telling everyone signed up',
        params: sessionParams,
        response: { 200: trainingSession, ...writeRefusals },
      },
    },
    async (request) => cancelSession(app.db, await sessionRef(request.params), actorOf(request)),
  );

  app.get(
    '/makerspaces/:makerspaceSlug/trainings/sessions/:sessionId/attendees',
    {
      config: runSpace,
      schema: {
        tags,
        security,
        summary: 'Who signed up for a session, and whether each already passed',
        params: sessionParams,
        response: { 200: sessionAttendeeList, ...refusals },
      },
    },
    async (request) => attendeesOf(app.db, await sessionRef(request.params)),
  );

  app.get(
    '/makerspaces/:makerspaceSlug/trainings/:trainingId/passes',
    {
      config: runSpace,
      schema: {
        tags,
        security,
        summary: 'Every pass of a training, revoked and expired ones included',
        params: trainingParams,
        response: { 200: trainingPassList, ...refusals },
      },
    },
    async (request) => ({
      items: await passesOfTraining(app.db, await trainingRef(request.params)),
    }),
  );

  app.post(
    '/makerspaces/:makerspaceSlug/trainings/:trainingId/passes',
    {
      config: runSpace,
      schema: {
        tags,
        security,
        summary: 'Record that a member passed (again: renews their pass)',
        params: trainingParams,
        body: trainingPassInput,
        response: { 201: trainingPass, ...writeRefusals },
      },
    },
    async (request, reply) => {
      const ref = await trainingRef(request.params);
      const pass = await recordPass(
        app.db,
        ref,
        request.body,
        await machineNames(ref),
        actorOf(request),
      );
      return reply.code(201).send(pass);
    },
  );

  app.post(
    '/makerspaces/:makerspaceSlug/trainings/passes/:passId/revoke',
    {
      config: runSpace,
      schema: {
        tags,
        security,
        summary: 'Revoke a pass: its holder books the training’s machines no more',
        params: passParams,
        response: { 200: trainingPass, ...writeRefusals },
      },
    },
    async (request) =>
      revokePass(
        app.db,
        {
          makerspaceId: await spaceId(request.params.makerspaceSlug),
          passId: request.params.passId,
        },
        actorOf(request),
      ),
  );
};
