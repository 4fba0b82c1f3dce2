import {
  errorBody,
  featureFlag,
  featureFlagHistory,
  featureFlagList,
  featureFlagUpdate,
  flagEvaluation,
  flagEvaluationQuery,
  flagChangeProposal,
  flagChangeProposalInput,
  flagChangeProposalList,
  flagHistoryQuery,
  flagProposalQuery,
  flagProposalRejection,
  makerspaceOverrideUpdate,
} from '@makrx/contracts';
import type { FastifyPluginAsyncZod } from '@makrx/service-kit';
import { z } from 'zod';
import { flagActorOf, flagViewOf } from './governance';
import {
  decideProposal,
  listProposals,
  proposalsOfFlag,
  proposeFlagChange,
  withdrawProposal,
} from './proposals';
import {
  changeFlagAtOnce,
  evaluateFlagsFor,
  flagHistory,
  listFlagsFor,
  setMakerspaceOverride,
} from './service';

const flagParams = z.object({ key: z.string().regex(/^[A-Z][A-Z0-9_]{1,79}$/) });
const overrideParams = flagParams.extend({ makerspaceId: z.uuid() });
const proposalParams = z.object({ id: z.uuid() });
const errors = {
  400: errorBody,
  401: errorBody,
  403: errorBody,
  404: errorBody,
  409: errorBody,
  422: errorBody,
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
      // Spec 5: super admins' emergency toggles; everyone else proposes the change.
      config: { access: { permission: 'flags:emergency' } },
      schema: {
        tags: ['feature flags'],
        summary:
          'Change a flag for everyone at once, marked as an emergency change (super admins; the reason is required)',
        params: flagParams,
        body: featureFlagUpdate,
        response: { 200: featureFlag, ...errors },
      },
    },
    async (request) =>
      changeFlagAtOnce(app.db, request.params.key, request.body, {
        actor: flagActorOf(request),
        requestId: request.id,
      }),
  );

  app.post(
    '/flags/:key/proposals',
    {
      // Super and domain admins; which flag, governance says (its domain, or global).
      config: { access: { permission: 'flags:manage' } },
      schema: {
        tags: ['feature flags'],
        summary:
          'Propose a change of a flag for everyone, with a justification; another admin of the right level approves it',
        params: flagParams,
        body: flagChangeProposalInput,
        response: { 201: flagChangeProposal, ...errors },
      },
    },
    async (request, reply) => {
      const proposal = await proposeFlagChange(app.db, request.params.key, request.body, {
        actor: flagActorOf(request),
        requestId: request.id,
      });
      return reply.code(201).send(proposal);
    },
  );

  app.get(
    '/flags/proposals',
    {
      config: { access: { permission: 'flags:manage' } },
      schema: {
        tags: ['feature flags'],
        summary: 'Change proposals, newest first, each saying whether the caller may decide it',
        querystring: flagProposalQuery,
        response: { 200: flagChangeProposalList, ...errors },
      },
    },
    async (request) => ({
      proposals: await listProposals(app.db, flagActorOf(request), request.query),
    }),
  );

  app.post(
    '/flags/proposals/:id/approve',
    {
      config: { access: { permission: 'flags:manage' } },
      schema: {
        tags: ['feature flags'],
        summary: 'Approve another admin’s proposal; the change takes effect at once',
        params: proposalParams,
        response: { 200: flagChangeProposal, ...errors },
      },
    },
    async (request) =>
      decideProposal(
        app.db,
        request.params.id,
        { approve: true },
        { actor: flagActorOf(request), requestId: request.id },
      ),
  );

  app.post(
    '/flags/proposals/:id/reject',
    {
      config: { access: { permission: 'flags:manage' } },
      schema: {
        tags: ['feature flags'],
        summary: 'Reject another admin’s proposal, with a reason',
        params: proposalParams,
        body: flagProposalRejection,
        response: { 200: flagChangeProposal, ...errors },
      },
    },
    async (request) =>
      decideProposal(
        app.db,
        request.params.id,
        { approve: false, reason: request.body.reason },
        { actor: flagActorOf(request), requestId: request.id },
      ),
  );

  app.post(
    '/flags/proposals/:id/withdraw',
    {
      config: { access: { permission: 'flags:manage' } },
      schema: {
        tags: ['feature flags'],
        summary: 'Withdraw one’s own open proposal',
        params: proposalParams,
        response: { 200: flagChangeProposal, ...errors },
      },
    },
    async (request) =>
      withdrawProposal(app.db, request.params.id, {
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
      const actor = flagActorOf(request);
      const view = await flagViewOf(actor);
      const { makerspaceId } = request.query;
      const changes = await flagHistory(app.db, request.params.key, view, makerspaceId);
      // Makerspace admins see their own makerspace's changes only, never proposals for everyone.
      const proposals =
        view.kind === 'all' && makerspaceId === undefined
          ? await proposalsOfFlag(app.db, actor, request.params.key)
          : [];
      return { changes, proposals };
    },
  );
};
