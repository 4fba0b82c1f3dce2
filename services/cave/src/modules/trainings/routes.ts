import { signedInUser } from '@makrx/auth';
import {
  errorBody,
  myTrainings as myTrainingsSchema,
  training,
  trainingList,
  trainingSession,
  trainingSessionList,
} from '@makrx/contracts';
import type { FastifyPluginAsyncZod } from '@makrx/service-kit';
import { z } from 'zod';
import { listTrainings, trainingRow } from './catalogue';
import { myTrainings } from './passes';
import {
  actorOf,
  refusals,
  security,
  sessionParams,
  spaceParams,
  tags,
  trainingParams,
  trainingRouteContext,
  writeRefusals,
} from './route-context';
import { upcomingSessions } from './sessions';
import { cancelSignUp, signUp } from './sign-ups';

/*
 * Trainings as members see them. Every member of a makerspace reads its trainings and the
 * sessions to come with the seats left, takes a seat and gives their own back (the matrix's
 * "Equipment reservations" row: a training is what booking some machines takes). Another
 * makerspace's training or session answers 404, like a missing one; the admins' routes are in
 * admin-routes.ts.
 */

const trainingListQuery = z.strictObject({
  /** Archived trainings too (for the admins' records). */
  archived: z.enum(['include']).optional(),
});
const sessionListQuery = z.strictObject({ trainingId: z.uuid().optional() });

const read = { access: { feature: 'equipmentReservations', mode: 'read' } } as const;
const write = { access: { feature: 'equipmentReservations', mode: 'write' } } as const;

export const trainingRoutes: FastifyPluginAsyncZod = async (app) => {
  const { spaceId, trainingRef, sessionRef, withMachines, shown } = trainingRouteContext(app.db);

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
};
