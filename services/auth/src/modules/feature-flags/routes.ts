import {
  errorBody,
  featureFlag,
  featureFlagHistory,
  featureFlagList,
  featureFlagUpdate,
  flagEvaluation,
  flagEvaluationQuery,
  flagHistoryQuery,
  makerspaceOverrideUpdate,
} from '@makrx/contracts';
import type { FastifyPluginAsyncZod } from '@makrx/service-kit';
import { z } from 'zod';
import { flagActorOf, flagViewOf } from './governance';
import {
  evaluateFlagsFor,
  flagHistory,
  listFlagsFor,
  setMakerspaceOverride,
  updateFlag,
} from './service';

const flagParams = z.object({ key: z.string().regex(/^[A-Z][A-Z0-9_]{1,79}$/) });
const overrideParams = flagParams.extend({ makerspaceId: z.uuid() });
const errors = {
  400: errorBody,
  401: errorBody,
  403: errorBody,
  404: errorBody,
  409: errorBody,
  502: errorBody,
};

/** Feature flags (spec 5): evaluation for everyone, settings and history for admins. */
export const featureFlagRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/flags',
    {
      config: { access: { permission: 'flags:admin' } },
      schema: {
        tags: ['feature flags'],
        summary:
          'Every flag with its state, targeting, makerspace overrides and whether the caller may change it (makerspace admins: their makerspace-scoped flags)',
        response: { 200: featureFlagList, ...errors },
      },
    },
    async (request) => {
      const actor = flagActorOf(request);
      return { flags: await listFlagsFor(app.db, actor, await flagViewOf(actor)) };
    },
  );

  app.get(
    '/flags/evaluate',
    {
      config: { access: 'public' },
      schema: {
        tags: ['feature flags'],
        summary: 'Every flag evaluated for the caller (guest or signed in)',
        querystring: flagEvaluationQuery,
        response: { 200: flagEvaluation, 400: errorBody },
      },
    },
    async (request) => {
      const { caller } = request;
      const user = caller?.kind === 'user' ? caller : null;
      return evaluateFlagsFor(app.db, {
        roles: user?.realmRoles ?? [],
        ...(user ? { userId: user.userId } : {}),
        ...(request.query.makerspaceId ? { makerspaceId: request.query.makerspaceId } : {}),
      });
    },
  );

  app.patch(
    '/flags/:key',
    {
      // For everyone: super and domain admins; which flag, governance says (by its domain).
      config: { access: { permission: 'flags:manage' } },
      schema: {
        tags: ['feature flags'],
        summary: 'Change a flag (with a justification); governed by spec 5',
        params: flagParams,
        body: featureFlagUpdate,
        response: { 200: featureFlag, ...errors },
      },
    },
    async (request) =>
      updateFlag(app.db, request.params.key, request.body, {
        actor: flagActorOf(request),
        requestId: request.id,
      }),
  );

  app.put(
    '/flags/:key/makerspaces/:makerspaceId',
    {
      config: { access: { permission: 'flags:admin' } },
      schema: {
        tags: ['feature flags'],
        summary: 'Turn a makerspace-scoped flag on or off for one makerspace',
        params: overrideParams,
        body: makerspaceOverrideUpdate,
        response: { 200: featureFlag, ...errors },
      },
    },
    async (request) =>
      setMakerspaceOverride(app.db, request.params.key, request.params.makerspaceId, request.body, {
        actor: flagActorOf(request),
        requestId: request.id,
      }),
  );

  app.get(
    '/flags/:key/history',
    {
      config: { access: { permission: 'flags:admin' } },
      schema: {
        tags: ['feature flags'],
        summary: 'The changes of a flag, newest first (makerspace admins: their own makerspace’s)',
        params: flagParams,
        querystring: flagHistoryQuery,
        response: { 200: featureFlagHistory, ...errors },
      },
    },
    async (request) => {
      const view = await flagViewOf(flagActorOf(request));
      const { makerspaceId } = request.query;
      return { changes: await flagHistory(app.db, request.params.key, view, makerspaceId) };
    },
  );
};
