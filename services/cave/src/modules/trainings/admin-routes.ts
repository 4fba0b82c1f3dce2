import {
  sessionAttendeeList,
  training,
  trainingInput,
  trainingPass,
  trainingPassInput,
  trainingPassList,
  trainingSession,
  trainingSessionInput,
  trainingSessionUpdate,
  trainingUpdate,
} from '@makrx/contracts';
import type { FastifyPluginAsyncZod } from '@makrx/service-kit';
import { archiveTraining, createTraining, updateTraining } from './catalogue';
import { passesOfTraining, recordPass, revokePass } from './passes';
import {
  actorOf,
  passParams,
  refusals,
  security,
  sessionParams,
  spaceParams,
  tags,
  trainingParams,
  trainingRouteContext,
  writeRefusals,
} from './route-context';
import { cancelSession, createSession, updateSession } from './sessions';
import { attendeesOf } from './sign-ups';

/*
 * The makerspace's admins run its trainings: trainings, sessions, attendee lists and passes
 * (permission `makerspace:admin`, held in the makerspace the route names; super admins and the
 * cave's admins hold it everywhere). Another makerspace's training, session or pass answers 404.
 */

const runSpace = { access: { permission: 'makerspace:admin' } } as const;

export const trainingAdminRoutes: FastifyPluginAsyncZod = async (app) => {
  const { spaceId, trainingRef, sessionRef, shown, machineNames } = trainingRouteContext(app.db);

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
