import { signedInUser } from '@makrx/auth';
import {
  errorBody,
  profileHandle,
  purchaseActivityRecorded,
  purchaseActivityRequest,
  purchaseSharing,
  purchaseSummary,
} from '@makrx/contracts';
import { notFound, type FastifyPluginAsyncZod } from '@makrx/service-kit';
import { z } from 'zod';
import { findProfile } from '../profiles/service';
import {
  purchaseSharingOf,
  purchaseSummaryOf,
  recordPurchase,
  setPurchaseSharing,
} from './service';

const errors = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody };

export const purchaseActivityRoutes: FastifyPluginAsyncZod = async (app) => {
  // Spec section 7, MakrX.Store → MakrX.org: only the store's service account may call.
  app.post(
    '/activity/purchase',
    {
      config: { access: { serviceClients: ['store-backend'] } },
      schema: {
        tags: ['integration'],
        summary: 'Record a paid store order on the buyer’s MakrX.org activity, once per order',
        body: purchaseActivityRequest,
        response: { 200: purchaseActivityRecorded, ...errors },
      },
    },
    async (request) => {
      const { user_id, order_id, product_categories } = request.body;
      return recordPurchase(
        app.db,
        { userId: user_id, orderId: order_id, productCategories: product_categories },
        request.id,
      );
    },
  );

  // Purchases are private: only their buyer reads them, unless they choose to show them.
  app.get(
    '/me/purchase-activity',
    {
      config: { access: { feature: 'userProfileManagement', mode: 'read' } },
      schema: {
        tags: ['profiles'],
        summary: 'Your store purchases by category; seen by you only',
        response: { 200: purchaseSummary, ...errors },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return purchaseSummaryOf(app.db, signedInUser(request).userId);
    },
  );

  const own = { feature: 'userProfileManagement', mode: 'read' } as const;
  const ownWrite = { feature: 'userProfileManagement', mode: 'write' } as const;

  app.get(
    '/me/purchase-activity/sharing',
    {
      config: { access: own },
      schema: {
        tags: ['profiles'],
        summary: 'Whether your purchase activity shows on your public profile',
        response: { 200: purchaseSharing, ...errors },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return purchaseSharingOf(app.db, signedInUser(request).userId);
    },
  );

  app.put(
    '/me/purchase-activity/sharing',
    {
      config: { access: ownWrite },
      bodyLimit: 1024,
      schema: {
        tags: ['profiles'],
        summary: 'Show your purchase activity on your public profile, or keep it to yourself',
        body: purchaseSharing,
        response: { 200: purchaseSharing, ...errors },
      },
    },
    async (request) =>
      setPurchaseSharing(app.db, signedInUser(request).userId, request.body, request.id),
  );

  // What a public profile shows of its maker's purchases: only what they chose to share.
  app.get(
    '/profiles/:handle/purchase-activity',
    {
      config: { access: 'public' },
      schema: {
        tags: ['profiles'],
        summary: 'A maker’s purchase activity, when they chose to show it on their profile',
        params: z.object({ handle: profileHandle }),
        response: { 200: purchaseSummary, ...errors },
      },
    },
    async (request) => {
      const profile = await findProfile(app.db, request.params.handle);
      const shared = profile && (await purchaseSharingOf(app.db, profile.userId)).shownOnProfile;
      // Not shared looks like nothing there: whether a maker buys anything is theirs to say.
      if (!profile || !shared) throw notFound('Purchase activity of that maker');
      return purchaseSummaryOf(app.db, profile.userId);
    },
  );
};
