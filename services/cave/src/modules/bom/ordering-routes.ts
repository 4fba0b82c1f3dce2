import { signedInUser } from '@makrx/auth';
import {
  AppError,
  bomItemIds,
  bomPurchaseResult,
  bomQuickReorderResult,
  cartFill,
  errorBody,
  projectSlug,
  quickReorderResult,
} from '@makrx/contracts';
import type { FastifyPluginAsyncZod } from '@makrx/service-kit';
import { z } from 'zod';
import { makerspaceIdOf } from '../makerspaces/service';
import { projectOf } from '../projects/service';
import {
  markPurchaseOrdered,
  pickItemsToReorder,
  recordCartFilled,
  recordReorder,
} from './reorders';

/*
 * Spec 6, "Quick Reorder (Cave → Store)": picked BOM items into the maker's Store cart, or, for a
 * makerspace's admins, ordered on its purchasing account.
 */

/** The cave's "Order from Store" buttons, then the Store's quick reorder: both must be on. */
export const orderingFlags = ['ENABLE_BOM_ORDERING', 'ENABLE_QUICK_REORDER'] as const;

const projectParams = z.object({ projectSlug });
const purchaseParams = projectParams.extend({
  makerspaceSlug: z
    .string()
    .regex(/^[a-z0-9-]+$/)
    .max(120),
});
const refusals = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody };
const tags = ['bom'];
const security = [{ bearer: [] }];
const write = {
  access: { feature: 'projectManagement', mode: 'write' },
  projectRole: 'editor',
} as const;

/** The Store could not be reached at all (refused, timed out): a clear 502, nothing kept. */
async function fromStore<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError(
      502,
      'STORE_UNREACHABLE',
      'The Store could not be reached just now; nothing was ordered. Try again shortly.',
    );
  }
}

export const bomOrderingRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/projects/:projectSlug/bom/quick-reorder',
    {
      config: { ...write, flag: orderingFlags },
      schema: {
        tags,
        security,
        summary: 'Quick Reorder: fill the caller’s Store cart with picked BOM items',
        params: projectParams,
        body: bomItemIds,
        response: { 200: bomQuickReorderResult, ...refusals, 422: errorBody, 502: errorBody },
      },
    },
    async (request) => {
      const project = projectOf(request);
      const user = signedInUser(request);
      const picked = await pickItemsToReorder(app.db, project.id, request.body.itemIds);
      const reorderId = await recordReorder(app.db, {
        projectId: project.id,
        userId: user.userId,
        kind: 'cart',
        lines: picked.lines,
      });
      const filled = await fromStore(() =>
        app.peers.json('store', '/api/v1/cart/bulk-add', cartFill, {
          method: 'POST',
          body: JSON.stringify({ userId: user.userId, items: picked.byCode, reorderId }),
        }),
      );
      await recordCartFilled(
        app.db,
        { reorderId, projectId: project.id, userId: user.userId },
        filled.added,
      );
      return { reorderId, cartUrl: filled.cartUrl, added: filled.added, rejected: filled.rejected };
    },
  );

  app.post(
    '/makerspaces/:makerspaceSlug/projects/:projectSlug/bom/purchase',
    {
      config: {
        access: { permission: 'makerspace:admin' },
        projectRole: 'viewer',
        flag: orderingFlags,
      },
      schema: {
        tags,
        security,
        summary: 'Order picked BOM items on the makerspace’s purchasing account (its admins)',
        params: purchaseParams,
        body: bomItemIds,
        response: { 200: bomPurchaseResult, ...refusals, 422: errorBody, 502: errorBody },
      },
    },
    async (request) => {
      const project = projectOf(request);
      const user = signedInUser(request);
      const makerspaceId = await makerspaceIdOf(app.db, request.params.makerspaceSlug);
      // Only a project built at this makerspace is bought on its account.
      if (!makerspaceId || project.makerspaceId !== makerspaceId) {
        throw new AppError(
          404,
          'NOT_FOUND',
          `Project "${project.slug}" does not belong to makerspace "${request.params.makerspaceSlug}".`,
        );
      }
      const picked = await pickItemsToReorder(app.db, project.id, request.body.itemIds);
      const reorderId = await recordReorder(app.db, {
        projectId: project.id,
        userId: user.userId,
        kind: 'purchase',
        makerspaceId,
        lines: picked.lines,
      });
      const order = await fromStore(() =>
        app.peers.json('store', '/api/v1/orders/quick-reorder', quickReorderResult, {
          method: 'POST',
          body: JSON.stringify({
            userId: user.userId,
            makerspaceId,
            reorderId,
            bomItems: picked.byCode,
          }),
        }),
      );
      const ordered = await markPurchaseOrdered(
        app.db,
        { reorderId, projectId: project.id, userId: user.userId, orderNumber: order.orderNumber },
        picked.lines,
        new Set(order.rejected.map((line) => line.code)),
      );
      return {
        reorderId,
        orderNumber: order.orderNumber,
        orderUrl: order.orderUrl,
        totalCents: order.totalCents,
        currency: order.currency,
        ordered,
        rejected: order.rejected,
      };
    },
  );
};
